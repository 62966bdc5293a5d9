/*
 * dsnettracker: multi-object tracker for batched buffers (the portable nvtracker). Edits NvDsObjectMeta
 * in place (object_id, tracker_bbox_info, tracker_confidence) and, on frames the detector skipped (primary GIE
 * `interval`), adds the tracked objects at their predicted boxes; never touches pixels.
 */
#ifndef GST_DSNET_TRACKER_H
#define GST_DSNET_TRACKER_H

#include <gst/gst.h>
#include <gst/base/gstbasetransform.h>

#include "dsnet_tracker.h"

G_BEGIN_DECLS

#define GST_TYPE_DSNET_TRACKER (gst_dsnet_tracker_get_type ())
G_DECLARE_FINAL_TYPE (GstDsNetTracker, gst_dsnet_tracker, GST, DSNET_TRACKER, GstBaseTransform)

struct _GstDsNetTracker
{
  GstBaseTransform parent;

  /* properties (object lock) */
  guint tracker_width;
  guint tracker_height;
  guint gpu_id;
  gchar *ll_lib_file;
  gchar *ll_config_file;
  gboolean display_tracking_id;
  guint tracking_id_reset_mode;
  guint tracking_surface_type;
  gint compute_hw;
  guint user_meta_pool_size;
  gboolean input_tensor_meta;
  guint tensor_meta_gie_id;

  /* tracking state: `lock` guards `core` (buffers and serialized events come from the streaming thread, but
   * out-of-band custom events and state changes may come from others) */
  GMutex lock;
  DsnetTracker *core;
  GArray *dets;                 /* DsnetTrkDetection scratch */
  GPtrArray *objs;              /* NvDsObjectMeta* scratch, parallel to dets */
  GArray *targets;              /* DsnetTrkTarget scratch (frames the detector skipped) */
  GHashTable *styles;           /* object id → CarryStyle: how each tracked object was last drawn */
  gboolean warned_no_meta;
  gint width, height;           /* frame size from the caps (used when a frame meta lacks pipeline_width/height) */
};

G_END_DECLS

#endif /* GST_DSNET_TRACKER_H */
