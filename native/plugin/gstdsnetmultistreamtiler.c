/*
 * dsnetmultistreamtiler — portable nvmultistreamtiler.
 *
 * Input: a DsNetBatch (see dsnetbatch.h). Output: one RGBA picture of `width` × `height` as a
 * batch-size=1 DsNetBatch. The picture is a grid of `rows` × `columns` tiles of
 * (width / columns) × (height / rows) pixels; the frame of source s goes to tile s (row-major), scaled
 * with nearest-neighbour sampling (pixel centres mapped, no filtering: fast and exact). Tiles without a
 * frame, and the strips left over when width/height do not divide evenly, are opaque black.
 * `show-source` = N shows only source N, scaled to the whole picture.
 *
 * Metadata: the output carries a deep copy of the input batch meta in which every shown frame has
 * batch_id 0 and every object's rect_params / text_params offsets (and every display-meta element) are
 * moved and scaled into picture coordinates. Frames that are not shown (outside the grid, or other
 * sources under show-source) are removed from the copy so the OSD never draws their boxes in the wrong
 * place. detector_bbox_info / tracker_bbox_info keep the muxer-frame coordinates they had.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <math.h>
#include <string.h>

#include <gst/gst.h>
#include <gst/base/gstbasetransform.h>

#include "dsnetbatch.h"
#include "dsnet_bufsurface.h"
#include "elements.h"
#include "gstdsnetmultistreamtiler.h"
#include "gstnvdsmeta.h"
#include "nvdsmeta.h"

GST_DEBUG_CATEGORY_STATIC (gst_dsnet_multistream_tiler_debug);
#define GST_CAT_DEFAULT gst_dsnet_multistream_tiler_debug

#define DEFAULT_ROWS 1
#define DEFAULT_COLUMNS 1
#define DEFAULT_WIDTH 1920
#define DEFAULT_HEIGHT 1080
#define DEFAULT_SHOW_SOURCE -1

enum
{
  PROP_0,
  PROP_ROWS,
  PROP_COLUMNS,
  PROP_WIDTH,
  PROP_HEIGHT,
  PROP_SHOW_SOURCE,
  PROP_GPU_ID,
  PROP_NVBUF_MEMORY_TYPE,
  PROP_COMPUTE_HW,
};

struct _GstDsNetMultistreamTiler
{
  GstBaseTransform parent;

  /* properties (object lock) */
  guint rows;
  guint columns;
  guint width;
  guint height;
  gint show_source;
  guint gpu_id;
  guint nvbuf_memory_type;
  gint compute_hw;

  /* negotiated (streaming thread) */
  gint in_width;
  gint in_height;
  gint batch_size;
  gint out_width;
  gint out_height;
  guint8 *black_row;            /* out_width opaque black RGBA pixels */
  guint *xmap;                  /* scratch: source column per destination column */
  gboolean warned_no_meta;
};

G_DEFINE_TYPE (GstDsNetMultistreamTiler, gst_dsnet_multistream_tiler, GST_TYPE_BASE_TRANSFORM);
GST_ELEMENT_REGISTER_DEFINE (dsnetmultistreamtiler, "dsnetmultistreamtiler", GST_RANK_NONE,
    GST_TYPE_DSNET_MULTISTREAM_TILER);

static GstStaticPadTemplate sink_template = GST_STATIC_PAD_TEMPLATE ("sink",
    GST_PAD_SINK, GST_PAD_ALWAYS, GST_STATIC_CAPS (DSNET_BATCH_CAPS_TEMPLATE));

static GstStaticPadTemplate src_template = GST_STATIC_PAD_TEMPLATE ("src",
    GST_PAD_SRC, GST_PAD_ALWAYS,
    GST_STATIC_CAPS ("video/x-raw(" DSNET_BATCH_CAPS_FEATURE "), format=(string)" DSNET_BATCH_FORMAT
        ", width=(int)[1,32768], height=(int)[1,32768], framerate=(fraction)[0/1,2147483647/1]"
        ", batch-size=(int)1"));

/* Where one source's frame lands in the output picture. */
typedef struct
{
  gint x, y, w, h;
} TileRect;

/* Layout snapshot taken once per buffer so property changes never tear a picture. */
typedef struct
{
  guint rows, columns;
  gint show_source;
  gint out_w, out_h;
  gint tile_w, tile_h;
} Layout;

static gboolean
layout_tile_for_source (const Layout * l, guint source_id, TileRect * r)
{
  if (l->show_source >= 0) {
    if (source_id != (guint) l->show_source)
      return FALSE;
    r->x = 0;
    r->y = 0;
    r->w = l->out_w;
    r->h = l->out_h;
    return TRUE;
  }
  if (source_id >= l->rows * l->columns || l->tile_w <= 0 || l->tile_h <= 0)
    return FALSE;
  r->x = (gint) (source_id % l->columns) * l->tile_w;
  r->y = (gint) (source_id / l->columns) * l->tile_h;
  r->w = l->tile_w;
  r->h = l->tile_h;
  return TRUE;
}

/* ---------------------------------------------------------------------------------------------- */
/* pixels */

static void
fill_black (GstDsNetMultistreamTiler * self, guint8 * out, gint x, gint y, gint w, gint h)
{
  gsize stride = (gsize) self->out_width * 4;
  for (gint row = y; row < y + h; row++)
    memcpy (out + row * stride + (gsize) x * 4, self->black_row, (gsize) w * 4);
}

/* Nearest-neighbour scale of a whole in_width × in_height RGBA frame into `r` of the output. */
static void
scale_frame (GstDsNetMultistreamTiler * self, const guint8 * src, guint8 * out, const TileRect * r)
{
  const gint sw = self->in_width, sh = self->in_height;
  const gsize sstride = (gsize) sw * 4, dstride = (gsize) self->out_width * 4;

  if (r->w == sw && r->h == sh) {
    for (gint y = 0; y < sh; y++)
      memcpy (out + (gsize) (r->y + y) * dstride + (gsize) r->x * 4, src + y * sstride, sstride);
    return;
  }
  /* Pixel centre mapping: source = floor((dst + 0.5) × src_size / dst_size). */
  for (gint x = 0; x < r->w; x++)
    self->xmap[x] = (guint) ((((gint64) 2 * x + 1) * sw) / ((gint64) 2 * r->w));
  gint prev_sy = -1;
  for (gint y = 0; y < r->h; y++) {
    gint sy = (gint) ((((gint64) 2 * y + 1) * sh) / ((gint64) 2 * r->h));
    guint8 *drow = out + (gsize) (r->y + y) * dstride + (gsize) r->x * 4;
    if (sy == prev_sy) {
      /* Upscaling: this row samples the same source row as the one above. */
      memcpy (drow, drow - dstride, (gsize) r->w * 4);
      continue;
    }
    prev_sy = sy;
    const guint8 *srow = src + (gsize) sy * sstride;
    if (((guintptr) srow | (guintptr) drow) % 4 == 0) {
      const guint32 *s32 = (const guint32 *) srow;
      guint32 *d32 = (guint32 *) drow;
      for (gint x = 0; x < r->w; x++)
        d32[x] = s32[self->xmap[x]];
    } else {
      for (gint x = 0; x < r->w; x++)
        memcpy (drow + (gsize) x * 4, srow + (gsize) self->xmap[x] * 4, 4);
    }
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* metadata */

typedef struct
{
  gdouble sx, sy;
  gint ox, oy;
} Mapping;

static gfloat
map_x (const Mapping * m, gfloat x)
{
  return (gfloat) (m->ox + x * m->sx);
}

static gfloat
map_y (const Mapping * m, gfloat y)
{
  return (gfloat) (m->oy + y * m->sy);
}

static guint
map_ux (const Mapping * m, guint x)
{
  return (guint) lround (m->ox + x * m->sx);
}

static guint
map_uy (const Mapping * m, guint y)
{
  return (guint) lround (m->oy + y * m->sy);
}

static void
map_rect (const Mapping * m, NvOSD_RectParams * r)
{
  r->left = map_x (m, r->left);
  r->top = map_y (m, r->top);
  r->width = (gfloat) (r->width * m->sx);
  r->height = (gfloat) (r->height * m->sy);
}

static void
map_text (const Mapping * m, NvOSD_TextParams * t)
{
  t->x_offset = map_ux (m, t->x_offset);
  t->y_offset = map_uy (m, t->y_offset);
}

static void
map_display_meta (const Mapping * m, NvDsDisplayMeta * d)
{
  for (guint i = 0; i < MIN (d->num_rects, MAX_ELEMENTS_IN_DISPLAY_META); i++)
    map_rect (m, &d->rect_params[i]);
  for (guint i = 0; i < MIN (d->num_labels, MAX_ELEMENTS_IN_DISPLAY_META); i++)
    map_text (m, &d->text_params[i]);
  for (guint i = 0; i < MIN (d->num_lines, MAX_ELEMENTS_IN_DISPLAY_META); i++) {
    NvOSD_LineParams *l = &d->line_params[i];
    l->x1 = map_ux (m, l->x1);
    l->y1 = map_uy (m, l->y1);
    l->x2 = map_ux (m, l->x2);
    l->y2 = map_uy (m, l->y2);
  }
  for (guint i = 0; i < MIN (d->num_arrows, MAX_ELEMENTS_IN_DISPLAY_META); i++) {
    NvOSD_ArrowParams *a = &d->arrow_params[i];
    a->x1 = map_ux (m, a->x1);
    a->y1 = map_uy (m, a->y1);
    a->x2 = map_ux (m, a->x2);
    a->y2 = map_uy (m, a->y2);
  }
  for (guint i = 0; i < MIN (d->num_circles, MAX_ELEMENTS_IN_DISPLAY_META); i++) {
    NvOSD_CircleParams *c = &d->circle_params[i];
    c->xc = map_ux (m, c->xc);
    c->yc = map_uy (m, c->yc);
    c->radius = (guint) lround (c->radius * (m->sx + m->sy) / 2.0);
  }
}

/* Deep-copies the input batch meta onto the output and rewrites it into picture coordinates. */
static void
attach_tiled_meta (GstDsNetMultistreamTiler * self, NvDsBatchMeta * in_batch, GstBuffer * outbuf,
    const Layout * l)
{
  NvDsBatchMeta *batch = nvds_batch_meta_copy_func (in_batch, NULL);
  if (batch == NULL) {
    GST_WARNING_OBJECT (self, "could not copy the batch meta; output carries none");
    return;
  }

  GList *hidden = NULL;
  for (GList * it = batch->frame_meta_list; it != NULL; it = it->next) {
    NvDsFrameMeta *fm = it->data;
    TileRect r;
    if (!layout_tile_for_source (l, fm->source_id, &r)) {
      hidden = g_list_prepend (hidden, fm);
      continue;
    }
    Mapping m = {
      .sx = (gdouble) r.w / self->in_width,
      .sy = (gdouble) r.h / self->in_height,
      .ox = r.x,
      .oy = r.y,
    };
    fm->batch_id = 0;
    for (GList * o = fm->obj_meta_list; o != NULL; o = o->next) {
      NvDsObjectMeta *obj = o->data;
      map_rect (&m, &obj->rect_params);
      map_text (&m, &obj->text_params);
    }
    for (GList * d = fm->display_meta_list; d != NULL; d = d->next)
      map_display_meta (&m, d->data);
  }
  for (GList * it = hidden; it != NULL; it = it->next)
    nvds_remove_frame_meta_from_batch (batch, it->data);
  g_list_free (hidden);
  batch->num_frames_in_batch = g_list_length (batch->frame_meta_list);

  NvDsMeta *meta = gst_buffer_add_nvds_meta (outbuf, batch, NULL, nvds_batch_meta_copy_func,
      nvds_batch_meta_release_func);
  if (meta == NULL) {
    GST_WARNING_OBJECT (self, "could not attach the batch meta to the output buffer");
    nvds_batch_meta_release_func (batch, NULL);
    return;
  }
  meta->meta_type = NVDS_BATCH_GST_META;
  batch->base_meta.batch_meta = batch;
  batch->base_meta.copy_func = nvds_batch_meta_copy_func;
  batch->base_meta.release_func = nvds_batch_meta_release_func;
}

/* ---------------------------------------------------------------------------------------------- */
/* GstBaseTransform */

static GstCaps *
gst_dsnet_multistream_tiler_transform_caps (GstBaseTransform * bt, GstPadDirection direction,
    GstCaps * caps, GstCaps * filter)
{
  GstDsNetMultistreamTiler *self = GST_DSNET_MULTISTREAM_TILER (bt);
  GST_OBJECT_LOCK (self);
  gint width = (gint) self->width, height = (gint) self->height;
  GST_OBJECT_UNLOCK (self);

  GstCaps *res = gst_caps_new_empty ();
  for (guint i = 0; i < gst_caps_get_size (caps); i++) {
    GstStructure *s = gst_structure_copy (gst_caps_get_structure (caps, i));
    if (direction == GST_PAD_SINK) {
      gst_structure_set (s, "width", G_TYPE_INT, width, "height", G_TYPE_INT, height,
          "batch-size", G_TYPE_INT, 1, NULL);
    } else {
      gst_structure_set (s, "width", GST_TYPE_INT_RANGE, 1, 32768, "height", GST_TYPE_INT_RANGE, 1,
          32768, "batch-size", GST_TYPE_INT_RANGE, 1, 1024, NULL);
    }
    gst_structure_remove_field (s, "pixel-aspect-ratio");
    res = gst_caps_merge_structure_full (res, s,
        gst_caps_features_new (DSNET_BATCH_CAPS_FEATURE, NULL));
  }
  if (filter != NULL) {
    GstCaps *tmp = gst_caps_intersect_full (filter, res, GST_CAPS_INTERSECT_FIRST);
    gst_caps_unref (res);
    res = tmp;
  }
  GST_DEBUG_OBJECT (self, "%s %" GST_PTR_FORMAT " -> %" GST_PTR_FORMAT,
      direction == GST_PAD_SINK ? "sink" : "src", caps, res);
  return res;
}

static gboolean
read_batch_caps (GstCaps * caps, gint * w, gint * h, gint * batch)
{
  GstStructure *s = gst_caps_get_structure (caps, 0);
  return gst_structure_get_int (s, "width", w) && gst_structure_get_int (s, "height", h)
      && gst_structure_get_int (s, "batch-size", batch) && *w > 0 && *h > 0 && *batch > 0;
}

static gboolean
gst_dsnet_multistream_tiler_set_caps (GstBaseTransform * bt, GstCaps * incaps, GstCaps * outcaps)
{
  GstDsNetMultistreamTiler *self = GST_DSNET_MULTISTREAM_TILER (bt);
  gint ow, oh, ob;

  if (!read_batch_caps (incaps, &self->in_width, &self->in_height, &self->batch_size)
      || !read_batch_caps (outcaps, &ow, &oh, &ob)) {
    GST_ELEMENT_ERROR (self, CORE, NEGOTIATION, (NULL),
        ("dsnetmultistreamtiler: caps lack width/height/batch-size: in %" GST_PTR_FORMAT
            ", out %" GST_PTR_FORMAT, incaps, outcaps));
    return FALSE;
  }
  self->out_width = ow;
  self->out_height = oh;
  g_free (self->black_row);
  g_free (self->xmap);
  self->black_row = g_malloc ((gsize) ow * 4);
  for (gint x = 0; x < ow; x++) {
    self->black_row[x * 4 + 0] = 0;
    self->black_row[x * 4 + 1] = 0;
    self->black_row[x * 4 + 2] = 0;
    self->black_row[x * 4 + 3] = 255;
  }
  self->xmap = g_new (guint, ow);
  GST_INFO_OBJECT (self, "%d frames of %dx%d -> %dx%d", self->batch_size, self->in_width,
      self->in_height, ow, oh);
  return TRUE;
}

static gboolean
gst_dsnet_multistream_tiler_transform_size (GstBaseTransform * bt, GstPadDirection direction,
    GstCaps * caps, gsize size, GstCaps * othercaps, gsize * othersize)
{
  gint w, h, b;
  (void) bt;
  (void) caps;
  (void) size;
  if (!read_batch_caps (othercaps, &w, &h, &b))
    return FALSE;
  /* Output: one picture. Input (asked for rarely): a full batch of slots. */
  *othersize = dsnet_batch_frame_size (w, h) * (direction == GST_PAD_SINK ? 1 : (gsize) b);
  return TRUE;
}

static gboolean
gst_dsnet_multistream_tiler_decide_allocation (GstBaseTransform * bt, GstQuery * query)
{
  /* Downstream dsnet elements and plain sinks offer no pool; without one every picture would be a
   * fresh multi-megabyte allocation (mmap + page faults). Ask the base class for a pool of our own. */
  if (gst_query_get_n_allocation_pools (query) == 0) {
    GstCaps *caps;
    gint w, h, b;
    gst_query_parse_allocation (query, &caps, NULL);
    if (caps != NULL && read_batch_caps (caps, &w, &h, &b))
      gst_query_add_allocation_pool (query, NULL, (guint) dsnet_batch_frame_size (w, h), 2, 0);
  }
  return GST_BASE_TRANSFORM_CLASS (gst_dsnet_multistream_tiler_parent_class)->decide_allocation (bt,
      query);
}

static gboolean
gst_dsnet_multistream_tiler_transform_meta (GstBaseTransform * bt, GstBuffer * outbuf,
    GstMeta * meta, GstBuffer * inbuf)
{
  /* The batch meta is re-created in picture coordinates by transform(); never copied verbatim. */
  if (meta->info->api == NVDS_META_API_TYPE)
    return FALSE;
  return GST_BASE_TRANSFORM_CLASS (gst_dsnet_multistream_tiler_parent_class)->transform_meta (bt,
      outbuf, meta, inbuf);
}

static GstFlowReturn
gst_dsnet_multistream_tiler_transform (GstBaseTransform * bt, GstBuffer * inbuf, GstBuffer * outbuf)
{
  GstDsNetMultistreamTiler *self = GST_DSNET_MULTISTREAM_TILER (bt);
  GstMapInfo in, out;
  Layout l;

  GST_OBJECT_LOCK (self);
  l.rows = self->rows;
  l.columns = self->columns;
  l.show_source = self->show_source;
  GST_OBJECT_UNLOCK (self);
  l.out_w = self->out_width;
  l.out_h = self->out_height;
  l.tile_w = l.out_w / (gint) l.columns;
  l.tile_h = l.out_h / (gint) l.rows;

  if (!gst_buffer_map (inbuf, &in, GST_MAP_READ)) {
    GST_ELEMENT_ERROR (self, RESOURCE, READ, (NULL), ("could not map the input batch for reading"));
    return GST_FLOW_ERROR;
  }
  if (!gst_buffer_map (outbuf, &out, GST_MAP_WRITE)) {
    gst_buffer_unmap (inbuf, &in);
    GST_ELEMENT_ERROR (self, RESOURCE, WRITE, (NULL), ("could not map the output picture"));
    return GST_FLOW_ERROR;
  }
  if (out.size < dsnet_batch_frame_size (l.out_w, l.out_h)) {
    gst_buffer_unmap (outbuf, &out);
    gst_buffer_unmap (inbuf, &in);
    GST_ELEMENT_ERROR (self, CORE, FAILED, (NULL), ("output buffer of %" G_GSIZE_FORMAT
            " bytes is smaller than %dx%d RGBA", out.size, l.out_w, l.out_h));
    return GST_FLOW_ERROR;
  }

  const gsize slot_size = dsnet_batch_frame_size (self->in_width, self->in_height);
  const guint n_tiles = l.show_source >= 0 ? 1 : l.rows * l.columns;
  guint8 *covered = g_malloc0 (n_tiles);

  NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (inbuf);
  if (batch != NULL) {
    for (GList * it = batch->frame_meta_list; it != NULL; it = it->next) {
      NvDsFrameMeta *fm = it->data;
      TileRect r;
      if (!layout_tile_for_source (&l, fm->source_id, &r)) {
        GST_LOG_OBJECT (self, "source %u not shown", fm->source_id);
        continue;
      }
      gsize offset = dsnet_batch_frame_offset (self->in_width, self->in_height, fm->batch_id);
      if (fm->batch_id >= (guint) self->batch_size || offset + slot_size > in.size) {
        GST_WARNING_OBJECT (self, "frame of source %u names slot %u, but the batch buffer holds "
            "%" G_GSIZE_FORMAT " bytes (batch-size %d): tile left black", fm->source_id,
            fm->batch_id, in.size, self->batch_size);
        continue;
      }
      scale_frame (self, in.data + offset, out.data, &r);
      covered[l.show_source >= 0 ? 0 : fm->source_id] = TRUE;
    }
  } else {
    if (!self->warned_no_meta) {
      GST_WARNING_OBJECT (self, "input batch has no NvDsBatchMeta: slot i is shown as source i");
      self->warned_no_meta = TRUE;
    }
    for (guint i = 0; i < (guint) self->batch_size; i++) {
      TileRect r;
      gsize offset = dsnet_batch_frame_offset (self->in_width, self->in_height, i);
      if (offset + slot_size > in.size || !layout_tile_for_source (&l, i, &r))
        continue;
      scale_frame (self, in.data + offset, out.data, &r);
      covered[l.show_source >= 0 ? 0 : i] = TRUE;
    }
  }

  /* Black where no frame landed: empty tiles and the strips the integer tile size leaves over. */
  if (l.show_source >= 0) {
    if (!covered[0])
      fill_black (self, out.data, 0, 0, l.out_w, l.out_h);
  } else {
    for (guint t = 0; t < n_tiles; t++) {
      TileRect r;
      if (covered[t] || !layout_tile_for_source (&l, t, &r))
        continue;
      fill_black (self, out.data, r.x, r.y, r.w, r.h);
    }
    gint used_w = l.tile_w * (gint) l.columns, used_h = l.tile_h * (gint) l.rows;
    if (used_w < l.out_w)
      fill_black (self, out.data, used_w, 0, l.out_w - used_w, used_h);
    if (used_h < l.out_h)
      fill_black (self, out.data, 0, used_h, l.out_w, l.out_h - used_h);
  }
  g_free (covered);

  gst_buffer_unmap (outbuf, &out);
  gst_buffer_unmap (inbuf, &in);

  if (batch != NULL)
    attach_tiled_meta (self, batch, outbuf, &l);
  dsnet_buffer_add_surface_meta (outbuf, (guint) l.out_w, (guint) l.out_h, 1)->surface.numFilled = 1;
  return GST_FLOW_OK;
}

static gboolean
gst_dsnet_multistream_tiler_stop (GstBaseTransform * bt)
{
  GstDsNetMultistreamTiler *self = GST_DSNET_MULTISTREAM_TILER (bt);
  g_clear_pointer (&self->black_row, g_free);
  g_clear_pointer (&self->xmap, g_free);
  self->warned_no_meta = FALSE;
  return TRUE;
}

/* ---------------------------------------------------------------------------------------------- */
/* GObject */

static void
gst_dsnet_multistream_tiler_set_property (GObject * object, guint prop_id, const GValue * value,
    GParamSpec * pspec)
{
  GstDsNetMultistreamTiler *self = GST_DSNET_MULTISTREAM_TILER (object);
  gboolean renegotiate = FALSE;

  GST_OBJECT_LOCK (self);
  switch (prop_id) {
    case PROP_ROWS:
      self->rows = g_value_get_uint (value);
      break;
    case PROP_COLUMNS:
      self->columns = g_value_get_uint (value);
      break;
    case PROP_WIDTH:
      renegotiate = self->width != g_value_get_uint (value);
      self->width = g_value_get_uint (value);
      break;
    case PROP_HEIGHT:
      renegotiate = self->height != g_value_get_uint (value);
      self->height = g_value_get_uint (value);
      break;
    case PROP_SHOW_SOURCE:
      self->show_source = g_value_get_int (value);
      break;
    case PROP_GPU_ID:
      self->gpu_id = g_value_get_uint (value);
      break;
    case PROP_NVBUF_MEMORY_TYPE:
      self->nvbuf_memory_type = g_value_get_uint (value);
      break;
    case PROP_COMPUTE_HW:
      self->compute_hw = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
  }
  GST_OBJECT_UNLOCK (self);
  if (renegotiate)
    gst_base_transform_reconfigure_src (GST_BASE_TRANSFORM (self));
}

static void
gst_dsnet_multistream_tiler_get_property (GObject * object, guint prop_id, GValue * value,
    GParamSpec * pspec)
{
  GstDsNetMultistreamTiler *self = GST_DSNET_MULTISTREAM_TILER (object);

  GST_OBJECT_LOCK (self);
  switch (prop_id) {
    case PROP_ROWS:
      g_value_set_uint (value, self->rows);
      break;
    case PROP_COLUMNS:
      g_value_set_uint (value, self->columns);
      break;
    case PROP_WIDTH:
      g_value_set_uint (value, self->width);
      break;
    case PROP_HEIGHT:
      g_value_set_uint (value, self->height);
      break;
    case PROP_SHOW_SOURCE:
      g_value_set_int (value, self->show_source);
      break;
    case PROP_GPU_ID:
      g_value_set_uint (value, self->gpu_id);
      break;
    case PROP_NVBUF_MEMORY_TYPE:
      g_value_set_uint (value, self->nvbuf_memory_type);
      break;
    case PROP_COMPUTE_HW:
      g_value_set_int (value, self->compute_hw);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
  }
  GST_OBJECT_UNLOCK (self);
}

static void
gst_dsnet_multistream_tiler_finalize (GObject * object)
{
  GstDsNetMultistreamTiler *self = GST_DSNET_MULTISTREAM_TILER (object);
  g_free (self->black_row);
  g_free (self->xmap);
  G_OBJECT_CLASS (gst_dsnet_multistream_tiler_parent_class)->finalize (object);
}

static void
gst_dsnet_multistream_tiler_class_init (GstDsNetMultistreamTilerClass * klass)
{
  GObjectClass *gobject_class = G_OBJECT_CLASS (klass);
  GstElementClass *element_class = GST_ELEMENT_CLASS (klass);
  GstBaseTransformClass *bt_class = GST_BASE_TRANSFORM_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | GST_PARAM_MUTABLE_PLAYING;

  GST_DEBUG_CATEGORY_INIT (gst_dsnet_multistream_tiler_debug, "dsnetmultistreamtiler", 0,
      "DeepStreamNet multi-stream tiler");

  gobject_class->set_property = gst_dsnet_multistream_tiler_set_property;
  gobject_class->get_property = gst_dsnet_multistream_tiler_get_property;
  gobject_class->finalize = gst_dsnet_multistream_tiler_finalize;

  g_object_class_install_property (gobject_class, PROP_ROWS,
      g_param_spec_uint ("rows", "Rows", "Number of tile rows", 1, 1024, DEFAULT_ROWS, rw));
  g_object_class_install_property (gobject_class, PROP_COLUMNS,
      g_param_spec_uint ("columns", "Columns", "Number of tile columns", 1, 1024, DEFAULT_COLUMNS,
          rw));
  g_object_class_install_property (gobject_class, PROP_WIDTH,
      g_param_spec_uint ("width", "Width", "Width of the composed picture", 16, 32768,
          DEFAULT_WIDTH, rw));
  g_object_class_install_property (gobject_class, PROP_HEIGHT,
      g_param_spec_uint ("height", "Height", "Height of the composed picture", 16, 32768,
          DEFAULT_HEIGHT, rw));
  g_object_class_install_property (gobject_class, PROP_SHOW_SOURCE,
      g_param_spec_int ("show-source", "Show source",
          "-1: tile every source; N: show only source N over the whole picture", -1, G_MAXINT,
          DEFAULT_SHOW_SOURCE, rw));
  g_object_class_install_property (gobject_class, PROP_GPU_ID,
      g_param_spec_uint ("gpu-id", "GPU id", "Accepted for nvmultistreamtiler compatibility; "
          "ignored (runs on the CPU)", 0, G_MAXUINT, 0, rw));
  g_object_class_install_property (gobject_class, PROP_NVBUF_MEMORY_TYPE,
      g_param_spec_uint ("nvbuf-memory-type", "NvBuf memory type",
          "Accepted for nvmultistreamtiler compatibility; ignored (system memory)", 0, 4, 0, rw));
  g_object_class_install_property (gobject_class, PROP_COMPUTE_HW,
      g_param_spec_int ("compute-hw", "Compute hardware",
          "Accepted for nvmultistreamtiler compatibility; ignored (CPU scaling)", 0, 2, 0, rw));

  gst_element_class_add_static_pad_template (element_class, &sink_template);
  gst_element_class_add_static_pad_template (element_class, &src_template);
  gst_element_class_set_static_metadata (element_class, "DeepStreamNet multi-stream tiler",
      "Filter/Editor/Video/Compositor",
      "Composes the frames of a batch into a rows x columns picture and moves object boxes into "
      "tile coordinates (portable nvmultistreamtiler)", "DeepStreamNet");

  bt_class->transform_caps = GST_DEBUG_FUNCPTR (gst_dsnet_multistream_tiler_transform_caps);
  bt_class->set_caps = GST_DEBUG_FUNCPTR (gst_dsnet_multistream_tiler_set_caps);
  bt_class->transform_size = GST_DEBUG_FUNCPTR (gst_dsnet_multistream_tiler_transform_size);
  bt_class->transform_meta = GST_DEBUG_FUNCPTR (gst_dsnet_multistream_tiler_transform_meta);
  bt_class->decide_allocation = GST_DEBUG_FUNCPTR (gst_dsnet_multistream_tiler_decide_allocation);
  bt_class->transform = GST_DEBUG_FUNCPTR (gst_dsnet_multistream_tiler_transform);
  bt_class->stop = GST_DEBUG_FUNCPTR (gst_dsnet_multistream_tiler_stop);
  bt_class->passthrough_on_same_caps = FALSE;
}

static void
gst_dsnet_multistream_tiler_init (GstDsNetMultistreamTiler * self)
{
  self->rows = DEFAULT_ROWS;
  self->columns = DEFAULT_COLUMNS;
  self->width = DEFAULT_WIDTH;
  self->height = DEFAULT_HEIGHT;
  self->show_source = DEFAULT_SHOW_SOURCE;
}
