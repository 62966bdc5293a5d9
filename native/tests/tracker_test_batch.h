/* Test helpers of the dsnettracker element tests: build batched buffers carrying NvDsBatchMeta. */
#ifndef TRACKER_TEST_BATCH_H
#define TRACKER_TEST_BATCH_H

#include <gst/gst.h>

#include "nvdsmeta.h"

G_BEGIN_DECLS

typedef struct
{
  gfloat left, top, width, height;
  gint class_id;
  gfloat confidence;
  const gchar *label;
} TtObject;

/*
 * A batched buffer of `batch_size` slots of width×height RGBA (zeroed pixels, or a shallow copy of
 * `pixels` when given) with an NvDsBatchMeta, made the way dsnetstreammux makes them (spec §5.2).
 */
GstBuffer *tt_batch_new (gint width, gint height, guint batch_size, GstBuffer * pixels);

/*
 * Adds a frame meta for `source_id` in slot `batch_id` with the given objects (as dsnetinfer adds them, with
 * bInferDone set). `objs` NULL: a frame the detector skipped (bInferDone unset, no objects).
 */
NvDsFrameMeta *tt_batch_add_frame (GstBuffer * buf, guint source_id, guint batch_id, gint frame_num,
    const TtObject * objs, guint n_objs);

/* The object added as objs[i] by tt_batch_add_frame (tagged in misc_obj_info[0]), or NULL. */
NvDsObjectMeta *tt_frame_object (NvDsFrameMeta * frame, guint i);

/* The frame meta of `source_id` in a batch, or NULL. */
NvDsFrameMeta *tt_batch_frame (GstBuffer * buf, guint source_id);

/* Caps string for a batched pad. */
gchar *tt_batch_caps (gint width, gint height, guint batch_size);

G_END_DECLS

#endif
