/*
 * dsnetosd's drawing, GStreamer-free: NvDs frame metadata (boxes, masks, lines, arrows, circles, labels) and the
 * clock drawn with Cairo and Pango straight onto RGBA pixels. The element (gstdsnetosd.c) maps buffers, picks
 * frame slots and snapshots its properties; this unit only draws. Colour, geometry and font rules: see
 * gstdsnetosd.c's header comment.
 */
#ifndef DSNET_OSD_DRAW_H
#define DSNET_OSD_DRAW_H

#include <cairo.h>
#include <glib.h>

#include "nvdsmeta.h"

G_BEGIN_DECLS

#define DSNET_OSD_DEFAULT_FONT "Serif"
#define DSNET_OSD_DEFAULT_FONT_SIZE 12

/* Text rendering state (Pango font map, context, layout, font cache) and the frame size. One per element. */
typedef struct _DsnetOsdDraw DsnetOsdDraw;

/* One frame slot: RGBA pixels, `stride` bytes per row. The Cairo context is created on the first shape. */
typedef struct
{
  guint8 *pixels;
  gint stride;
  cairo_surface_t *surface;
  cairo_t *cr;
} DsnetOsdCanvas;

/* Which layers to draw: masks, boxes (object and display-meta rects), texts (labels and display-meta texts).
 * Lines, arrows and circles are always drawn. */
typedef struct
{
  gboolean text, bbox, mask;
} DsnetOsdLayers;

/* Creates the renderer and loads the default font (so the first labelled frame does not stall). */
DsnetOsdDraw *dsnet_osd_draw_new (void);
void dsnet_osd_draw_free (DsnetOsdDraw * d);

/* Sets the frame size. FALSE when Cairo cannot draw on rows of `width` RGBA pixels. */
gboolean dsnet_osd_draw_set_size (DsnetOsdDraw * d, gint width, gint height);

/* Everything of one frame meta, in layers: masks, boxes, lines/arrows/circles, texts. */
void dsnet_osd_draw_frame (DsnetOsdDraw * d, DsnetOsdCanvas * c, const NvDsFrameMeta * fm,
    const DsnetOsdLayers * layers);

/* `text` at (x, y) in `font` of `size` pixels, colour 0xRRGGBBAA. */
void dsnet_osd_draw_clock (DsnetOsdDraw * d, DsnetOsdCanvas * c, const gchar * text, guint x, guint y,
    const gchar * font, guint size, guint rgba);

/* Flushes and releases the slot's Cairo context (no-op when nothing was drawn). */
void dsnet_osd_canvas_finish (DsnetOsdCanvas * c);

G_END_DECLS
#endif /* DSNET_OSD_DRAW_H */
