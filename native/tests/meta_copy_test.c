/*
 * libdsnet_meta deep copies: element copies, list copies, whole-batch copies (nvds_batch_meta_copy_func)
 * with objects, classifiers, labels, display text, masks and user meta at every level.
 */
#include <string.h>

#include <gst/check/gstcheck.h>

#include "gstnvdsmeta.h"
#include "nvdsmeta.h"

typedef struct
{
  gint value;
  gchar *name;
} Payload;

static guint copies, releases;

static gpointer
payload_copy (gpointer data, gpointer user_data)
{
  (void) user_data;
  NvDsUserMeta *um = data;
  Payload *src = um->user_meta_data, *dst = g_new0 (Payload, 1);
  dst->value = src->value;
  dst->name = g_strdup (src->name);
  copies++;
  return dst;
}

static void
payload_release (gpointer data, gpointer user_data)
{
  (void) user_data;
  NvDsUserMeta *um = data;
  Payload *p = um->user_meta_data;
  g_free (p->name);
  g_free (p);
  um->user_meta_data = NULL;
  releases++;
}

static NvDsUserMeta *
user_meta (NvDsBatchMeta * batch, gint value)
{
  NvDsUserMeta *um = nvds_acquire_user_meta_from_pool (batch);
  Payload *p = g_new0 (Payload, 1);
  p->value = value;
  p->name = g_strdup_printf ("payload-%d", value);
  um->base_meta.meta_type = nvds_get_user_meta_type ((gchar *) "DSNET.TEST.PAYLOAD");
  um->base_meta.copy_func = payload_copy;
  um->base_meta.release_func = payload_release;
  um->user_meta_data = p;
  return um;
}

static NvDsObjectMeta *
make_object (NvDsBatchMeta * batch, gint class_id, const gchar * label)
{
  NvDsObjectMeta *obj = nvds_acquire_obj_meta_from_pool (batch);
  obj->class_id = class_id;
  obj->unique_component_id = 1;
  obj->object_id = 40 + (guint64) class_id;
  obj->confidence = 0.25f * (gfloat) (class_id + 1);
  obj->rect_params.left = 10.0f * (gfloat) class_id;
  obj->rect_params.top = 20;
  obj->rect_params.width = 30;
  obj->rect_params.height = 40;
  obj->rect_params.border_width = 3;
  obj->rect_params.border_color.red = 1.0;
  obj->detector_bbox_info.org_bbox_coords.left = 11;
  g_strlcpy (obj->obj_label, label, MAX_LABEL_SIZE);
  obj->text_params.display_text = g_strdup (label);
  obj->text_params.font_params.font_name = (char *) "Serif";
  obj->text_params.font_params.font_size = 11;
  obj->mask_params.width = 3;
  obj->mask_params.height = 2;
  obj->mask_params.size = 6 * sizeof (float);
  obj->mask_params.data = g_new0 (float, 6);
  obj->mask_params.data[5] = 0.75f;
  obj->misc_obj_info[0] = 1234;

  NvDsClassifierMeta *cls = nvds_acquire_classifier_meta_from_pool (batch);
  cls->unique_component_id = 2;
  cls->classifier_type = "masks";
  for (guint k = 0; k < 2; k++) {
    NvDsLabelInfo *li = nvds_acquire_label_info_meta_from_pool (batch);
    li->num_classes = 2;
    li->result_class_id = k;
    li->label_id = k;
    li->result_prob = 0.5f + 0.1f * (gfloat) k;
    g_strlcpy (li->result_label, k ? "no-mask" : "mask", MAX_LABEL_SIZE);
    li->pResult_label = g_strdup_printf ("heap-%s", li->result_label);
    nvds_add_label_info_meta_to_classifier (cls, li);
  }
  nvds_add_classifier_meta_to_object (obj, cls);
  nvds_add_user_meta_to_obj (obj, user_meta (batch, class_id));
  return obj;
}

/* Two frames; frame 0 has a primary object and a secondary one whose parent is the primary. */
static NvDsBatchMeta *
make_batch (void)
{
  NvDsBatchMeta *batch = nvds_create_batch_meta (2);
  batch->misc_batch_info[1] = 77;
  for (guint f = 0; f < 2; f++) {
    NvDsFrameMeta *frame = nvds_acquire_frame_meta_from_pool (batch);
    frame->batch_id = f;
    frame->source_id = 5 + f;
    frame->pad_index = f;
    frame->frame_num = 100 + (gint) f;
    frame->buf_pts = 40 * GST_MSECOND * (f + 1);
    frame->source_frame_width = 1280;
    frame->source_frame_height = 720;
    frame->pipeline_width = 640;
    frame->pipeline_height = 360;
    frame->bInferDone = TRUE;
    nvds_add_frame_meta_to_batch (batch, frame);
    NvDsObjectMeta *primary = make_object (batch, 0, "mask");
    nvds_add_obj_meta_to_frame (frame, primary, NULL);
    NvDsObjectMeta *secondary = make_object (batch, 1, "no-mask");
    nvds_add_obj_meta_to_frame (frame, secondary, primary);

    NvDsDisplayMeta *disp = nvds_acquire_display_meta_from_pool (batch);
    disp->num_labels = 1;
    disp->text_params[0].display_text = g_strdup_printf ("frame %u", f);
    disp->num_rects = 1;
    disp->rect_params[0].width = 5;
    disp->num_lines = 1;
    disp->line_params[0].x2 = 9;
    nvds_add_display_meta_to_frame (frame, disp);
    nvds_add_user_meta_to_frame (frame, user_meta (batch, 10 + (gint) f));
  }
  nvds_add_user_meta_to_batch (batch, user_meta (batch, 99));
  return batch;
}

static void
assert_user_lists_equal (GList * a, GList * b)
{
  fail_unless_equals_int (g_list_length (a), g_list_length (b));
  for (; a; a = a->next, b = b->next) {
    NvDsUserMeta *ua = a->data, *ub = b->data;
    fail_unless (ua != ub);
    fail_unless_equals_int (ua->base_meta.meta_type, ub->base_meta.meta_type);
    fail_unless (ua->base_meta.copy_func == ub->base_meta.copy_func);
    fail_unless (ua->base_meta.release_func == ub->base_meta.release_func);
    Payload *pa = ua->user_meta_data, *pb = ub->user_meta_data;
    fail_unless (pa != pb);
    fail_unless_equals_int (pa->value, pb->value);
    fail_unless (pa->name != pb->name);
    fail_unless_equals_string (pa->name, pb->name);
  }
}

static void
assert_objects_equal (NvDsObjectMeta * a, NvDsObjectMeta * b)
{
  fail_unless (a != b);
  fail_unless_equals_int (a->class_id, b->class_id);
  fail_unless_equals_int (a->unique_component_id, b->unique_component_id);
  fail_unless_equals_uint64 (a->object_id, b->object_id);
  fail_unless_equals_float (a->confidence, b->confidence);
  fail_unless (memcmp (&a->rect_params, &b->rect_params, sizeof a->rect_params) == 0);
  fail_unless (memcmp (&a->detector_bbox_info, &b->detector_bbox_info,
          sizeof a->detector_bbox_info) == 0);
  fail_unless_equals_string (a->obj_label, b->obj_label);
  fail_unless (a->text_params.display_text != b->text_params.display_text);
  fail_unless_equals_string (a->text_params.display_text, b->text_params.display_text);
  fail_unless (a->text_params.font_params.font_name == b->text_params.font_params.font_name);
  fail_unless (a->mask_params.data != b->mask_params.data);
  fail_unless_equals_int (a->mask_params.size, b->mask_params.size);
  fail_unless (memcmp (a->mask_params.data, b->mask_params.data, a->mask_params.size) == 0);
  fail_unless_equals_int (a->misc_obj_info[0], b->misc_obj_info[0]);
  fail_unless_equals_int (g_list_length (a->classifier_meta_list),
      g_list_length (b->classifier_meta_list));
  for (GList * ca = a->classifier_meta_list, *cb = b->classifier_meta_list; ca;
      ca = ca->next, cb = cb->next) {
    NvDsClassifierMeta *x = ca->data, *y = cb->data;
    fail_unless (x != y);
    fail_unless_equals_int (x->num_labels, y->num_labels);
    fail_unless_equals_int (x->unique_component_id, y->unique_component_id);
    fail_unless (x->classifier_type == y->classifier_type);
    fail_unless_equals_int (g_list_length (x->label_info_list), g_list_length (y->label_info_list));
    for (GList * la = x->label_info_list, *lb = y->label_info_list; la;
        la = la->next, lb = lb->next) {
      NvDsLabelInfo *p = la->data, *q = lb->data;
      fail_unless (p != q);
      fail_unless_equals_string (p->result_label, q->result_label);
      fail_unless (p->pResult_label != q->pResult_label);
      fail_unless_equals_string (p->pResult_label, q->pResult_label);
      fail_unless_equals_int (p->result_class_id, q->result_class_id);
      fail_unless_equals_int (p->label_id, q->label_id);
      fail_unless_equals_float (p->result_prob, q->result_prob);
    }
  }
  assert_user_lists_equal (a->obj_user_meta_list, b->obj_user_meta_list);
}

static void
assert_frames_equal (NvDsFrameMeta * a, NvDsFrameMeta * b)
{
  fail_unless (a != b);
  fail_unless_equals_int (a->batch_id, b->batch_id);
  fail_unless_equals_int (a->source_id, b->source_id);
  fail_unless_equals_int (a->pad_index, b->pad_index);
  fail_unless_equals_int (a->frame_num, b->frame_num);
  fail_unless_equals_uint64 (a->buf_pts, b->buf_pts);
  fail_unless_equals_int (a->source_frame_width, b->source_frame_width);
  fail_unless_equals_int (a->pipeline_height, b->pipeline_height);
  fail_unless_equals_int (a->bInferDone, b->bInferDone);
  fail_unless_equals_int (a->num_obj_meta, b->num_obj_meta);
  fail_unless_equals_int (g_list_length (a->obj_meta_list), g_list_length (b->obj_meta_list));
  for (GList * oa = a->obj_meta_list, *ob = b->obj_meta_list; oa; oa = oa->next, ob = ob->next)
    assert_objects_equal (oa->data, ob->data);
  fail_unless_equals_int (g_list_length (a->display_meta_list),
      g_list_length (b->display_meta_list));
  for (GList * da = a->display_meta_list, *db = b->display_meta_list; da;
      da = da->next, db = db->next) {
    NvDsDisplayMeta *x = da->data, *y = db->data;
    fail_unless (x != y);
    fail_unless_equals_int (x->num_labels, y->num_labels);
    fail_unless_equals_int (x->num_rects, y->num_rects);
    fail_unless_equals_int (x->num_lines, y->num_lines);
    fail_unless (memcmp (x->rect_params, y->rect_params, sizeof x->rect_params) == 0);
    fail_unless (memcmp (x->line_params, y->line_params, sizeof x->line_params) == 0);
    fail_unless (x->text_params[0].display_text != y->text_params[0].display_text);
    fail_unless_equals_string (x->text_params[0].display_text, y->text_params[0].display_text);
  }
  assert_user_lists_equal (a->frame_user_meta_list, b->frame_user_meta_list);
}

static void
assert_batches_equal (NvDsBatchMeta * a, NvDsBatchMeta * b)
{
  fail_unless (a != b);
  fail_unless (b->base_meta.batch_meta == b);
  fail_unless_equals_int (a->max_frames_in_batch, b->max_frames_in_batch);
  fail_unless_equals_int (a->num_frames_in_batch, b->num_frames_in_batch);
  fail_unless_equals_int (a->misc_batch_info[1], b->misc_batch_info[1]);
  fail_unless (a->frame_meta_pool != b->frame_meta_pool);
  fail_unless_equals_int (g_list_length (a->frame_meta_list), g_list_length (b->frame_meta_list));
  for (GList * fa = a->frame_meta_list, *fb = b->frame_meta_list; fa; fa = fa->next, fb = fb->next) {
    assert_frames_equal (fa->data, fb->data);
    NvDsFrameMeta *frame = fb->data;
    fail_unless (frame->base_meta.batch_meta == b);
    /* The secondary's parent is the copy of the primary, in the new batch. */
    NvDsObjectMeta *primary = frame->obj_meta_list->data;
    NvDsObjectMeta *secondary = frame->obj_meta_list->next->data;
    fail_unless (primary->parent == NULL);
    fail_unless (secondary->parent == primary);
    fail_unless (primary->base_meta.batch_meta == b);
  }
  assert_user_lists_equal (a->batch_user_meta_list, b->batch_user_meta_list);
  /* Everything in the copy comes from the copy's pools. */
  fail_unless_equals_int (a->obj_meta_pool->num_full_elements, b->obj_meta_pool->num_full_elements);
  fail_unless_equals_int (a->label_info_meta_pool->num_full_elements,
      b->label_info_meta_pool->num_full_elements);
  fail_unless_equals_int (a->user_meta_pool->num_full_elements,
      b->user_meta_pool->num_full_elements);
  for (GList * l = b->obj_meta_pool->full_list; l; l = l->next)
    fail_if (g_list_find (a->obj_meta_pool->full_list, l->data) != NULL);
}

GST_START_TEST (test_batch_deep_copy)
{
  copies = releases = 0;
  NvDsBatchMeta *src = make_batch ();
  guint user_metas = src->user_meta_pool->num_full_elements;
  fail_unless_equals_int (user_metas, 2 * 2 + 2 + 1);
  NvDsBatchMeta *dst = nvds_batch_meta_copy_func (src, NULL);
  fail_unless (dst != NULL);
  fail_unless_equals_int (copies, user_metas);
  fail_unless_equals_int (releases, 0);
  assert_batches_equal (src, dst);

  /* The copy survives the source. */
  nvds_batch_meta_release_func (src, NULL);
  fail_unless_equals_int (releases, user_metas);
  NvDsFrameMeta *f = dst->frame_meta_list->data;
  NvDsObjectMeta *o = f->obj_meta_list->data;
  fail_unless_equals_string (o->text_params.display_text, "mask");
  fail_unless_equals_float (o->mask_params.data[5], 0.75f);
  nvds_batch_meta_release_func (dst, NULL);
  fail_unless_equals_int (releases, 2 * user_metas);
}

GST_END_TEST;

GST_START_TEST (test_element_copies)
{
  copies = releases = 0;
  NvDsBatchMeta *src = make_batch ();
  NvDsBatchMeta *dst = nvds_create_batch_meta (2);
  NvDsFrameMeta *sf = src->frame_meta_list->data;

  /* Frame copy into a dirty destination: old contents go back to the pool first. */
  NvDsFrameMeta *df = nvds_acquire_frame_meta_from_pool (dst);
  nvds_add_frame_meta_to_batch (dst, df);
  NvDsObjectMeta *junk = nvds_acquire_obj_meta_from_pool (dst);
  junk->text_params.display_text = g_strdup ("junk");
  nvds_add_obj_meta_to_frame (df, junk, NULL);
  nvds_copy_frame_meta (sf, df);
  assert_frames_equal (sf, df);
  fail_unless_equals_int (dst->obj_meta_pool->num_full_elements, 2);
  NvDsObjectMeta *second = df->obj_meta_list->next->data;
  fail_unless (second->parent == df->obj_meta_list->data);

  /* Object copy across batches: parent is not carried over (it would dangle). */
  NvDsObjectMeta *so = sf->obj_meta_list->next->data;
  NvDsObjectMeta *doj = nvds_acquire_obj_meta_from_pool (dst);
  nvds_copy_obj_meta (so, doj);
  assert_objects_equal (so, doj);
  fail_unless (doj->parent == NULL);
  nvds_add_obj_meta_to_frame (df, doj, NULL);
  /* ... and within one batch it is kept. */
  NvDsObjectMeta *same = nvds_acquire_obj_meta_from_pool (src);
  nvds_copy_obj_meta (so, same);
  fail_unless (same->parent == so->parent);
  nvds_add_obj_meta_to_frame (sf, same, same->parent);

  /* Classifier, label and display copies. */
  NvDsClassifierMeta *sc = so->classifier_meta_list->data;
  NvDsClassifierMeta *dc = nvds_acquire_classifier_meta_from_pool (dst);
  nvds_copy_classifier_meta (sc, dc);
  fail_unless_equals_int (dc->num_labels, 2);
  fail_unless_equals_int (g_list_length (dc->label_info_list), 2);
  nvds_add_classifier_meta_to_object (doj, dc);
  NvDsLabelInfo *dl = nvds_acquire_label_info_meta_from_pool (dst);
  nvds_copy_label_info_meta (sc->label_info_list->data, dl);
  fail_unless_equals_string (dl->pResult_label, "heap-mask");
  nvds_add_label_info_meta_to_classifier (dc, dl);
  fail_unless_equals_int (dc->num_labels, 3);
  NvDsDisplayMeta *dd = nvds_acquire_display_meta_from_pool (dst);
  nvds_copy_display_meta (sf->display_meta_list->data, dd);
  fail_unless_equals_string (dd->text_params[0].display_text, "frame 0");
  nvds_add_display_meta_to_frame (df, dd);

  /* A source may be any struct (here a template on the stack); strings are still duplicated. */
  NvDsObjectMeta tmpl;
  memset (&tmpl, 0, sizeof tmpl);
  tmpl.class_id = 1;
  g_strlcpy (tmpl.obj_label, "no-mask", MAX_LABEL_SIZE);
  tmpl.text_params.display_text = (char *) "template";
  NvDsObjectMeta *from_tmpl = nvds_acquire_obj_meta_from_pool (dst);
  nvds_copy_obj_meta (&tmpl, from_tmpl);
  fail_unless_equals_string (from_tmpl->obj_label, "no-mask");
  fail_unless (from_tmpl->text_params.display_text != tmpl.text_params.display_text);
  fail_unless_equals_string (from_tmpl->text_params.display_text, "template");
  fail_unless (from_tmpl->base_meta.batch_meta == dst);
  fail_unless_equals_int (from_tmpl->base_meta.meta_type, NVDS_OBJ_META);
  nvds_add_obj_meta_to_frame (df, from_tmpl, NULL);
  /* A NULL source or a destination that is not a pool element is refused. */
  ASSERT_WARNING (nvds_copy_obj_meta (NULL, from_tmpl));
  ASSERT_WARNING (nvds_copy_display_meta (sf->display_meta_list->data, NULL));

  /* List copies append. */
  guint before = g_list_length (df->obj_meta_list);
  nvds_copy_obj_meta_list (sf->obj_meta_list, df);
  fail_unless_equals_int (g_list_length (df->obj_meta_list), before + 3);
  fail_unless_equals_int (df->num_obj_meta, before + 3);
  nvds_copy_display_meta_list (sf->display_meta_list, df);
  fail_unless_equals_int (g_list_length (df->display_meta_list), 3);
  nvds_copy_frame_user_meta_list (sf->frame_user_meta_list, df);
  fail_unless_equals_int (g_list_length (df->frame_user_meta_list), 2);
  nvds_copy_obj_user_meta_list (so->obj_user_meta_list, doj);
  fail_unless_equals_int (g_list_length (doj->obj_user_meta_list), 2);
  nvds_copy_classification_list (so->classifier_meta_list, doj);
  fail_unless_equals_int (g_list_length (doj->classifier_meta_list), 3);
  nvds_copy_label_info_list (sc->label_info_list, dc);
  fail_unless_equals_int (dc->num_labels, 5);
  nvds_copy_batch_user_meta_list (src->batch_user_meta_list, dst);
  fail_unless_equals_int (g_list_length (dst->batch_user_meta_list), 1);
  nvds_copy_frame_meta_list (src->frame_meta_list, dst);
  fail_unless_equals_int (dst->num_frames_in_batch, 3);
  fail_unless_equals_int (g_list_length (dst->frame_meta_list), 3);

  /* Copying a list into its own owner terminates and doubles it. */
  nvds_copy_obj_meta_list (df->obj_meta_list, df);
  fail_unless_equals_int (g_list_length (df->obj_meta_list), 2 * (before + 3));

  /* Every copy_func call is matched by exactly one release_func call. */
  nvds_destroy_batch_meta (src);
  nvds_destroy_batch_meta (dst);
  fail_unless (copies > 0);
  fail_unless_equals_int (releases, copies + (2 * 2 + 2 + 1));
}

GST_END_TEST;

static void
free_release_only (gpointer data, gpointer user_data)
{
  (void) user_data;
  NvDsUserMeta *um = data;
  g_free (um->user_meta_data);
}

GST_START_TEST (test_user_meta_without_copy_func)
{
  NvDsBatchMeta *src = nvds_create_batch_meta (1);
  /* Payload with a release_func but no copy_func cannot be copied safely: skipped with a warning. */
  NvDsUserMeta *owned = nvds_acquire_user_meta_from_pool (src);
  owned->base_meta.meta_type = NVDS_START_USER_META;
  owned->base_meta.release_func = free_release_only;
  owned->user_meta_data = g_strdup ("owned");
  nvds_add_user_meta_to_batch (src, owned);
  /* Payload with neither callback (static data) is shared. */
  static gchar shared_data[] = "static";
  NvDsUserMeta *shared = nvds_acquire_user_meta_from_pool (src);
  shared->base_meta.meta_type = NVDS_START_USER_META + 1;
  shared->user_meta_data = shared_data;
  nvds_add_user_meta_to_batch (src, shared);

  NvDsBatchMeta *dst = NULL;
  ASSERT_WARNING (dst = nvds_batch_meta_copy_func (src, NULL));
  fail_unless_equals_int (g_list_length (dst->batch_user_meta_list), 1);
  NvDsUserMeta *copy = dst->batch_user_meta_list->data;
  fail_unless (copy->user_meta_data == shared_data);
  nvds_destroy_batch_meta (dst);
  nvds_destroy_batch_meta (src);
}

GST_END_TEST;

static Suite *
meta_copy_suite (void)
{
  Suite *s = suite_create ("dsnet_meta_copy");
  TCase *tc = tcase_create ("general");
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_batch_deep_copy);
  tcase_add_test (tc, test_element_copies);
  tcase_add_test (tc, test_user_meta_without_copy_func);
  return s;
}

GST_CHECK_MAIN (meta_copy);
