/*
 * C reference walk for the managed probe bench: per frame source_id + frame_num, per object class_id,
 * confidence, rect, tracker id (when tracked) and whether the label is "no-mask" — exactly what the
 * managed probe in benchmarks/DeepStreamNet.Benchmarks/ProbeWalkBench.cs reads.
 */
#include <string.h>

#include "nvdsmeta.h"

double dsnet_bench_walk_batch (NvDsBatchMeta * batch);
double dsnet_bench_walk_repeat (NvDsBatchMeta * batch, int iterations);

double
dsnet_bench_walk_batch (NvDsBatchMeta * batch)
{
  double sum = 0;
  int no_mask = 0;
  for (NvDsFrameMetaList * l = batch->frame_meta_list; l != NULL; l = l->next) {
    NvDsFrameMeta *frame = (NvDsFrameMeta *) l->data;
    sum += frame->source_id + frame->frame_num;
    for (NvDsObjectMetaList * o = frame->obj_meta_list; o != NULL; o = o->next) {
      NvDsObjectMeta *obj = (NvDsObjectMeta *) o->data;
      sum += obj->class_id + obj->confidence + obj->rect_params.left + obj->rect_params.top
          + obj->rect_params.width + obj->rect_params.height;
      if (obj->object_id != UNTRACKED_OBJECT_ID)
        sum += (double) obj->object_id;
      no_mask += strcmp (obj->obj_label, "no-mask") == 0;
    }
  }
  return sum + no_mask;
}

double
dsnet_bench_walk_repeat (NvDsBatchMeta * batch, int iterations)
{
  double sum = 0;
  for (int i = 0; i < iterations; i++)
    sum += dsnet_bench_walk_batch (batch);
  return sum;
}
