/*
 * DeepStreamNet — DeepStream 6.x-compatible OSD structures.
 *
 * Same type, field, enum and constant names and the same LP64 layout as DeepStream 6.0–6.3's
 * nvll_osd_struct.h. Written from the project's ABI specification (shared/spec/deepstream-meta-abi.md);
 * offsets are checked at compile time by native/tests/abi_layout_test.c.
 */
#ifndef DSNET_NVLL_OSD_STRUCT_H
#define DSNET_NVLL_OSD_STRUCT_H

#ifdef __cplusplus
extern "C" {
#endif

/** OSD processing mode (`[osd] process-mode`). Value 2 is MODE_HW up to 6.1.1 and MODE_NONE from 6.2. */
typedef enum
{
  MODE_CPU = 0,
  MODE_GPU = 1,
  MODE_NONE = 2
} NvOSD_Mode;

/** Which end(s) of an arrow get a head. */
typedef enum
{
  START_HEAD = 0,
  END_HEAD = 1,
  BOTH_HEAD = 2
} NvOSD_Arrow_Head_Direction;

/** RGBA colour, each component 0.0 – 1.0. */
typedef struct _NvOSD_ColorParams
{
  double red;
  double green;
  double blue;
  double alpha;
} NvOSD_ColorParams;

/** Font of a text element. `font_name` is not owned (static strings by convention). */
typedef struct _NvOSD_FontParams
{
  char *font_name;
  unsigned int font_size;
  NvOSD_ColorParams font_color;
} NvOSD_FontParams;

/** A text element; `display_text` is a heap string (g_malloc/g_strdup), freed with g_free. */
typedef struct _NvOSD_TextParams
{
  char *display_text;
  unsigned int x_offset;
  unsigned int y_offset;
  NvOSD_FontParams font_params;
  int set_bg_clr;
  NvOSD_ColorParams text_bg_clr;
} NvOSD_TextParams;

/** Colour-table entry of the OSD drawing API. */
typedef struct _NvOSD_Color_info
{
  int id;
  NvOSD_ColorParams color;
} NvOSD_Color_info;

/** A rectangle and its drawing style, in frame pixels. */
typedef struct _NvOSD_RectParams
{
  float left;
  float top;
  float width;
  float height;
  unsigned int border_width;
  NvOSD_ColorParams border_color;
  unsigned int has_bg_color;
  unsigned int reserved;
  NvOSD_ColorParams bg_color;
  int has_color_info;
  int color_id;
} NvOSD_RectParams;

/** Instance mask: `width × height` floats, row-major, heap (g_malloc). */
typedef struct _NvOSD_MaskParams
{
  float *data;
  unsigned int size;
  float threshold;
  unsigned int width;
  unsigned int height;
} NvOSD_MaskParams;

/** A line segment. */
typedef struct _NvOSD_LineParams
{
  unsigned int x1;
  unsigned int y1;
  unsigned int x2;
  unsigned int y2;
  unsigned int line_width;
  NvOSD_ColorParams line_color;
} NvOSD_LineParams;

/** An arrow. */
typedef struct _NvOSD_ArrowParams
{
  unsigned int x1;
  unsigned int y1;
  unsigned int x2;
  unsigned int y2;
  unsigned int arrow_width;
  NvOSD_Arrow_Head_Direction arrow_head;
  NvOSD_ColorParams arrow_color;
  unsigned int reserved;
} NvOSD_ArrowParams;

/** A circle. */
typedef struct _NvOSD_CircleParams
{
  unsigned int xc;
  unsigned int yc;
  unsigned int radius;
  NvOSD_ColorParams circle_color;
  unsigned int has_bg_color;
  NvOSD_ColorParams bg_color;
  unsigned int reserved;
} NvOSD_CircleParams;

#ifdef __cplusplus
}
#endif

#endif /* DSNET_NVLL_OSD_STRUCT_H */
