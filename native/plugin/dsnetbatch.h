/*
 * The batched-buffer contract shared by every dsnet element.
 *
 * A batched buffer carries up to `batch-size` RGBA frames of the muxer's output size, one after the
 * other: frame slot i starts at byte offset i × width × height × 4 (stride = width × 4, no padding).
 * Its NvDsBatchMeta (gst_buffer_get_nvds_batch_meta) lists one NvDsFrameMeta per frame; a frame meta's
 * `batch_id` is the slot holding its pixels. num_frames_in_batch = frames present (≤ batch-size).
 *
 * Caps: video/x-raw(memory:DsNetBatch), format=RGBA, width, height, framerate, batch-size=(int)N.
 * The caps feature makes elements that do not understand batches refuse the link. After the tiler or the
 * demuxer, buffers have batch-size=1: the tiler keeps the frame metas of the frames it shows (objects moved into
 * tile coordinates; frames outside the grid or hidden by show-source are dropped so their boxes are not drawn)
 * and sets each frame's batch_id to 0, the single composed surface; the demuxer keeps the one
 * frame meta of its source. dsnetvideoconvert turns batch-size=1 buffers back into plain video/x-raw.
 */
#ifndef DSNET_BATCH_H
#define DSNET_BATCH_H

#include <gst/gst.h>

G_BEGIN_DECLS

/* Per-source stream protocol (field "stream-id", guint = the muxer pad index / source id). */
/* Element message the muxer posts on the bus when one source reaches EOS; same name and field as nvstreammux's. */
#define DSNET_STREAM_EOS_MESSAGE "stream-eos"
/* Custom serialized downstream event the muxer sends after the last batch holding a frame of that source: the
 * demuxer ends the matching src pad, the tracker drops that source's targets. */
#define DSNET_STREAM_EOS_EVENT "dsnet-stream-eos"
/* Custom serialized downstream event: one source restarted (tracking-id-reset-mode 1 and 3 restart its ids). */
#define DSNET_STREAM_RESET_EVENT "dsnet-stream-reset"

#define DSNET_BATCH_CAPS_FEATURE "memory:DsNetBatch"
#define DSNET_BATCH_FORMAT "RGBA"
#define DSNET_BATCH_BYTES_PER_PIXEL 4

/* Caps template string for pads that carry batches. */
#define DSNET_BATCH_CAPS_TEMPLATE                                              \
  "video/x-raw(" DSNET_BATCH_CAPS_FEATURE "), format=(string)" DSNET_BATCH_FORMAT \
  ", width=(int)[1,32768], height=(int)[1,32768], framerate=(fraction)[0/1,2147483647/1]" \
  ", batch-size=(int)[1,1024]"

/* Size in bytes of one frame slot. */
static inline gsize
dsnet_batch_frame_size (gint width, gint height)
{
  return (gsize) width * (gsize) height * DSNET_BATCH_BYTES_PER_PIXEL;
}

/* Byte offset of frame slot `batch_id`. */
static inline gsize
dsnet_batch_frame_offset (gint width, gint height, guint batch_id)
{
  return (gsize) batch_id * dsnet_batch_frame_size (width, height);
}

G_END_DECLS

#endif /* DSNET_BATCH_H */
