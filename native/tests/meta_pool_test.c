/*
 * libdsnet_meta: pools, add/remove/clear at every level, counters, parent pointers, the meta lock
 * and the user meta type registry. Real library, real GLib lists; no mocks.
 */
#include <gst/check/gstcheck.h>

#include "gstnvdsmeta.h"
#include "nvdsmeta.h"

static guint released_payloads;

static void
count_release (gpointer data, gpointer user_data)
{
  (void) user_data;
  NvDsUserMeta *um = data;
  g_free (um->user_meta_data);
  um->user_meta_data = NULL;
  released_payloads++;
}

static gboolean
list_contains (GList * list, gconstpointer p)
{
  return g_list_find (list, p) != NULL;
}

static NvDsUserMeta *
new_user_meta (NvDsBatchMeta * batch, gint value)
{
  NvDsUserMeta *um = nvds_acquire_user_meta_from_pool (batch);
  um->base_meta.meta_type = NVDS_START_USER_META;
  um->base_meta.release_func = count_release;
  um->user_meta_data = g_memdup2 (&value, sizeof value);
  return um;
}

GST_START_TEST (test_create_destroy)
{
  NvDsBatchMeta *batch = nvds_create_batch_meta (4);
  fail_unless (batch != NULL);
  fail_unless_equals_int (batch->max_frames_in_batch, 4);
  fail_unless_equals_int (batch->num_frames_in_batch, 0);
  fail_unless (batch->base_meta.batch_meta == batch);
  fail_unless_equals_int (batch->base_meta.meta_type, NVDS_BATCH_META);
  fail_unless (batch->base_meta.copy_func == nvds_batch_meta_copy_func);
  fail_unless (batch->base_meta.release_func == nvds_batch_meta_release_func);
  NvDsMetaPool *pools[] = { batch->frame_meta_pool, batch->obj_meta_pool,
    batch->classifier_meta_pool, batch->display_meta_pool, batch->user_meta_pool,
    batch->label_info_meta_pool
  };
  NvDsMetaType types[] = { NVDS_FRAME_META, NVDS_OBJ_META, NVDS_CLASSIFIER_META,
    NVDS_DISPLAY_META, NVDS_USER_META, NVDS_LABEL_INFO_META
  };
  gsize sizes[] = { sizeof (NvDsFrameMeta), sizeof (NvDsObjectMeta),
    sizeof (NvDsClassifierMeta), sizeof (NvDsDisplayMeta), sizeof (NvDsUserMeta),
    sizeof (NvDsLabelInfo)
  };
  for (guint i = 0; i < G_N_ELEMENTS (pools); i++) {
    fail_unless (pools[i] != NULL);
    fail_unless_equals_int (pools[i]->meta_type, types[i]);
    fail_unless_equals_int (pools[i]->element_size, sizes[i]);
    fail_unless (pools[i]->max_elements_in_pool >= 1);
    fail_unless_equals_int (pools[i]->num_empty_elements, pools[i]->max_elements_in_pool);
    fail_unless_equals_int (pools[i]->num_full_elements, 0);
    fail_unless_equals_int (g_list_length (pools[i]->empty_list),
        pools[i]->max_elements_in_pool);
    fail_unless (pools[i]->full_list == NULL);
  }
  fail_unless_equals_int (batch->frame_meta_pool->max_elements_in_pool, 4);
  fail_unless_equals_int (batch->obj_meta_pool->max_elements_in_pool, 4 * 16);
  fail_unless (nvds_destroy_batch_meta (batch));

  /* A large batch size gets bounded initial pools (they grow on demand). */
  batch = nvds_create_batch_meta (1024);
  fail_unless_equals_int (batch->max_frames_in_batch, 1024);
  fail_unless_equals_int (batch->frame_meta_pool->max_elements_in_pool, 1024);
  fail_unless_equals_int (batch->obj_meta_pool->max_elements_in_pool, 256);
  fail_unless_equals_int (batch->display_meta_pool->max_elements_in_pool, 16);
  fail_unless (nvds_destroy_batch_meta (batch));

  /* Batch size 0 still gives usable pools. */
  batch = nvds_create_batch_meta (0);
  fail_unless_equals_int (batch->max_frames_in_batch, 0);
  NvDsFrameMeta *frame = nvds_acquire_frame_meta_from_pool (batch);
  fail_unless (frame != NULL);
  nvds_add_frame_meta_to_batch (batch, frame);
  fail_unless_equals_int (batch->num_frames_in_batch, 1);
  fail_unless (nvds_destroy_batch_meta (batch));
}

GST_END_TEST;

GST_START_TEST (test_pool_reuse)
{
  NvDsBatchMeta *batch = nvds_create_batch_meta (2);
  NvDsMetaPool *pool = batch->obj_meta_pool;
  guint cap = pool->max_elements_in_pool;

  NvDsFrameMeta *frame = nvds_acquire_frame_meta_from_pool (batch);
  nvds_add_frame_meta_to_batch (batch, frame);
  NvDsObjectMeta *obj = nvds_acquire_obj_meta_from_pool (batch);
  fail_unless_equals_int (pool->num_full_elements, 1);
  fail_unless_equals_int (pool->num_empty_elements, cap - 1);
  fail_unless (obj->base_meta.batch_meta == batch);
  fail_unless_equals_int (obj->base_meta.meta_type, NVDS_OBJ_META);

  /* Dirty it, release it, get it back zeroed and re-initialised. */
  obj->class_id = 7;
  obj->confidence = 0.5f;
  obj->text_params.display_text = g_strdup ("mask");
  nvds_add_obj_meta_to_frame (frame, obj, NULL);
  nvds_remove_obj_meta_from_frame (frame, obj);
  fail_unless_equals_int (pool->num_full_elements, 0);
  fail_unless_equals_int (pool->num_empty_elements, cap);
  fail_unless (pool->full_list == NULL);

  NvDsObjectMeta *again = nvds_acquire_obj_meta_from_pool (batch);
  fail_unless (again == obj, "released element should be handed out next");
  fail_unless_equals_int (again->class_id, 0);
  fail_unless (again->text_params.display_text == NULL);
  fail_unless (again->base_meta.batch_meta == batch);
  fail_unless_equals_int (again->base_meta.meta_type, NVDS_OBJ_META);
  fail_unless_equals_int (pool->num_full_elements, 1);
  /* Acquired but never added: the batch still releases it. */
  fail_unless (nvds_destroy_batch_meta (batch));
}

GST_END_TEST;

GST_START_TEST (test_pool_growth_and_full_list)
{
  NvDsBatchMeta *batch = nvds_create_batch_meta (1);
  NvDsMetaPool *pool = batch->obj_meta_pool;
  guint cap = pool->max_elements_in_pool;
  guint n = cap * 3 + 5;
  NvDsFrameMeta *frame = nvds_acquire_frame_meta_from_pool (batch);
  nvds_add_frame_meta_to_batch (batch, frame);
  NvDsObjectMeta **objs = g_new0 (NvDsObjectMeta *, n);
  for (guint i = 0; i < n; i++) {
    objs[i] = nvds_acquire_obj_meta_from_pool (batch);
    fail_unless (objs[i] != NULL);
    objs[i]->class_id = (gint) i;
    nvds_add_obj_meta_to_frame (frame, objs[i], NULL);
  }
  fail_unless (pool->max_elements_in_pool >= n);
  fail_unless_equals_int (pool->num_full_elements, n);
  fail_unless_equals_int (pool->num_empty_elements + pool->num_full_elements,
      pool->max_elements_in_pool);
  fail_unless_equals_int (g_list_length (pool->full_list), n);
  fail_unless_equals_int (g_list_length (pool->empty_list), pool->num_empty_elements);
  fail_unless_equals_int (frame->num_obj_meta, n);

  /* full_list holds every element in use, in acquire order; frame list keeps add order. */
  guint i = 0;
  for (GList * l = pool->full_list; l; l = l->next, i++)
    fail_unless (l->data == objs[i]);
  i = 0;
  for (GList * l = frame->obj_meta_list; l; l = l->next, i++)
    fail_unless_equals_int (((NvDsObjectMeta *) l->data)->class_id, i);
  /* Distinct, non-overlapping elements. */
  GHashTable *seen = g_hash_table_new (NULL, NULL);
  for (i = 0; i < n; i++)
    fail_unless (g_hash_table_add (seen, objs[i]));
  g_hash_table_destroy (seen);

  /* Removing from the middle keeps full_list exact. */
  nvds_remove_obj_meta_from_frame (frame, objs[n / 2]);
  nvds_remove_obj_meta_from_frame (frame, objs[0]);
  nvds_remove_obj_meta_from_frame (frame, objs[n - 1]);
  fail_unless_equals_int (pool->num_full_elements, n - 3);
  fail_unless_equals_int (g_list_length (pool->full_list), n - 3);
  fail_if (list_contains (pool->full_list, objs[n / 2]));
  fail_if (list_contains (pool->full_list, objs[0]));
  fail_if (list_contains (pool->full_list, objs[n - 1]));
  fail_unless (list_contains (pool->empty_list, objs[n / 2]));
  fail_unless_equals_int (frame->num_obj_meta, n - 3);
  /* Acquire after removal: tail bookkeeping still right. */
  NvDsObjectMeta *extra = nvds_acquire_obj_meta_from_pool (batch);
  fail_unless (g_list_last (pool->full_list)->data == extra);
  nvds_add_obj_meta_to_frame (frame, extra, NULL);

  nvds_clear_obj_meta_list (frame, frame->obj_meta_list);
  fail_unless (frame->obj_meta_list == NULL);
  fail_unless_equals_int (frame->num_obj_meta, 0);
  fail_unless_equals_int (pool->num_full_elements, 0);
  fail_unless_equals_int (pool->num_empty_elements, pool->max_elements_in_pool);
  g_free (objs);
  fail_unless (nvds_destroy_batch_meta (batch));
}

GST_END_TEST;

/* Builds frame -> objects -> classifiers -> labels, display metas and user metas at every level. */
static void
populate (NvDsBatchMeta * batch, guint frames, guint objs_per_frame)
{
  for (guint f = 0; f < frames; f++) {
    NvDsFrameMeta *frame = nvds_acquire_frame_meta_from_pool (batch);
    frame->batch_id = f;
    frame->source_id = 10 + f;
    nvds_add_frame_meta_to_batch (batch, frame);
    NvDsObjectMeta *first = NULL;
    for (guint o = 0; o < objs_per_frame; o++) {
      NvDsObjectMeta *obj = nvds_acquire_obj_meta_from_pool (batch);
      obj->class_id = (gint) o % 2;
      obj->object_id = UNTRACKED_OBJECT_ID;
      g_strlcpy (obj->obj_label, o % 2 ? "no-mask" : "mask", MAX_LABEL_SIZE);
      obj->text_params.display_text = g_strdup (obj->obj_label);
      obj->mask_params.width = 2;
      obj->mask_params.height = 2;
      obj->mask_params.size = 4 * sizeof (float);
      obj->mask_params.data = g_new0 (float, 4);
      nvds_add_obj_meta_to_frame (frame, obj, first);
      if (!first)
        first = obj;
      NvDsClassifierMeta *cls = nvds_acquire_classifier_meta_from_pool (batch);
      cls->unique_component_id = 2;
      for (guint k = 0; k < 2; k++) {
        NvDsLabelInfo *label = nvds_acquire_label_info_meta_from_pool (batch);
        label->result_class_id = k;
        g_strlcpy (label->result_label, "attr", MAX_LABEL_SIZE);
        label->pResult_label = g_strdup_printf ("heap-%u", k);
        nvds_add_label_info_meta_to_classifier (cls, label);
      }
      nvds_add_classifier_meta_to_object (obj, cls);
      nvds_add_user_meta_to_obj (obj, new_user_meta (batch, (gint) o));
    }
    NvDsDisplayMeta *disp = nvds_acquire_display_meta_from_pool (batch);
    disp->num_labels = 2;
    disp->text_params[0].display_text = g_strdup ("fps");
    disp->text_params[1].display_text = g_strdup ("count");
    nvds_add_display_meta_to_frame (frame, disp);
    nvds_add_user_meta_to_frame (frame, new_user_meta (batch, 100));
  }
  nvds_add_user_meta_to_batch (batch, new_user_meta (batch, 1000));
}

GST_START_TEST (test_add_remove_every_level)
{
  NvDsBatchMeta *batch = nvds_create_batch_meta (2);
  released_payloads = 0;
  populate (batch, 2, 3);
  fail_unless_equals_int (batch->num_frames_in_batch, 2);
  fail_unless_equals_int (g_list_length (batch->frame_meta_list), 2);
  fail_unless_equals_int (batch->obj_meta_pool->num_full_elements, 6);
  fail_unless_equals_int (batch->classifier_meta_pool->num_full_elements, 6);
  fail_unless_equals_int (batch->label_info_meta_pool->num_full_elements, 12);
  fail_unless_equals_int (batch->display_meta_pool->num_full_elements, 2);
  fail_unless_equals_int (batch->user_meta_pool->num_full_elements, 6 + 2 + 1);

  NvDsFrameMeta *f0 = nvds_get_nth_frame_meta (batch->frame_meta_list, 0);
  NvDsFrameMeta *f1 = nvds_get_nth_frame_meta (batch->frame_meta_list, 1);
  fail_unless (nvds_get_nth_frame_meta (batch->frame_meta_list, 2) == NULL);
  fail_unless_equals_int (f0->batch_id, 0);
  fail_unless_equals_int (f1->batch_id, 1);
  fail_unless_equals_int (f0->num_obj_meta, 3);

  /* Parent pointers as stored by nvds_add_obj_meta_to_frame. */
  NvDsObjectMeta *o0 = f0->obj_meta_list->data, *o1 = f0->obj_meta_list->next->data;
  fail_unless (o0->parent == NULL);
  fail_unless (o1->parent == o0);

  /* Label level. */
  NvDsClassifierMeta *cls = o1->classifier_meta_list->data;
  fail_unless_equals_int (cls->num_labels, 2);
  nvds_remove_label_info_meta_from_classifier (cls, cls->label_info_list->data);
  fail_unless_equals_int (cls->num_labels, 1);
  fail_unless_equals_int (batch->label_info_meta_pool->num_full_elements, 11);
  nvds_clear_label_info_meta_list (cls, cls->label_info_list);
  fail_unless (cls->label_info_list == NULL);
  fail_unless_equals_int (cls->num_labels, 0);
  fail_unless_equals_int (batch->label_info_meta_pool->num_full_elements, 10);

  /* Classifier level (its labels go back with it). */
  NvDsClassifierMeta *cls0 = o0->classifier_meta_list->data;
  nvds_remove_classifier_meta_from_obj (o0, cls0);
  fail_unless (o0->classifier_meta_list == NULL);
  fail_unless_equals_int (batch->classifier_meta_pool->num_full_elements, 5);
  fail_unless_equals_int (batch->label_info_meta_pool->num_full_elements, 8);
  nvds_clear_classifier_meta_list (o1, o1->classifier_meta_list);
  fail_unless_equals_int (batch->classifier_meta_pool->num_full_elements, 4);

  /* User meta at every level: release_func runs once per removed meta. */
  nvds_remove_user_meta_from_object (o0, o0->obj_user_meta_list->data);
  fail_unless_equals_int (released_payloads, 1);
  nvds_clear_obj_user_meta_list (o1, o1->obj_user_meta_list);
  fail_unless_equals_int (released_payloads, 2);
  nvds_remove_user_meta_from_frame (f0, f0->frame_user_meta_list->data);
  fail_unless_equals_int (released_payloads, 3);
  nvds_clear_frame_user_meta_list (f1, f1->frame_user_meta_list);
  fail_unless_equals_int (released_payloads, 4);
  nvds_remove_user_meta_from_batch (batch, batch->batch_user_meta_list->data);
  fail_unless_equals_int (released_payloads, 5);
  fail_unless (batch->batch_user_meta_list == NULL);
  nvds_add_user_meta_to_batch (batch, new_user_meta (batch, 1));
  nvds_clear_batch_user_meta_list (batch, batch->batch_user_meta_list);
  fail_unless_equals_int (released_payloads, 6);

  /* Display level. */
  nvds_remove_display_meta_from_frame (f0, f0->display_meta_list->data);
  fail_unless (f0->display_meta_list == NULL);
  nvds_clear_display_meta_list (f1, f1->display_meta_list);
  fail_unless_equals_int (batch->display_meta_pool->num_full_elements, 0);

  /* Removing a parent clears the children's parent pointer (no dangling pointers). */
  nvds_remove_obj_meta_from_frame (f0, o0);
  fail_unless (o1->parent == NULL);
  fail_unless_equals_int (f0->num_obj_meta, 2);

  /* Frame level: a frame takes everything it holds back to the pools. */
  guint before = released_payloads;
  nvds_remove_frame_meta_from_batch (batch, f0);
  fail_unless_equals_int (batch->num_frames_in_batch, 1);
  fail_unless_equals_int (released_payloads, before + 1);       /* o2's user meta */
  nvds_clear_frame_meta_list (batch, batch->frame_meta_list);
  fail_unless (batch->frame_meta_list == NULL);
  fail_unless_equals_int (batch->num_frames_in_batch, 0);
  fail_unless_equals_int (released_payloads, before + 1 + 3);
  NvDsMetaPool *pools[] = { batch->frame_meta_pool, batch->obj_meta_pool,
    batch->classifier_meta_pool, batch->display_meta_pool, batch->user_meta_pool,
    batch->label_info_meta_pool
  };
  for (guint i = 0; i < G_N_ELEMENTS (pools); i++) {
    fail_unless_equals_int (pools[i]->num_full_elements, 0);
    fail_unless (pools[i]->full_list == NULL);
  }
  fail_unless (nvds_destroy_batch_meta (batch));
}

GST_END_TEST;

GST_START_TEST (test_destroy_releases_everything)
{
  NvDsBatchMeta *batch = nvds_create_batch_meta (3);
  released_payloads = 0;
  populate (batch, 3, 4);
  /* An orphan user meta that was acquired but never added is released too. */
  new_user_meta (batch, 5);
  fail_unless (nvds_destroy_batch_meta (batch));
  fail_unless_equals_int (released_payloads, 3 * 4 + 3 + 1 + 1);
}

GST_END_TEST;

GST_START_TEST (test_clear_meta_list)
{
  NvDsBatchMeta *batch = nvds_create_batch_meta (1);
  populate (batch, 1, 3);
  NvDsFrameMeta *frame = batch->frame_meta_list->data;
  frame->obj_meta_list = nvds_clear_meta_list (batch, frame->obj_meta_list, batch->obj_meta_pool);
  fail_unless (frame->obj_meta_list == NULL);
  fail_unless_equals_int (batch->obj_meta_pool->num_full_elements, 0);
  fail_unless_equals_int (batch->classifier_meta_pool->num_full_elements, 0);
  fail_unless_equals_int (batch->label_info_meta_pool->num_full_elements, 0);
  /* An element of another pool stays in the returned list. */
  GList *mixed = g_list_append (NULL, frame->display_meta_list->data);
  ASSERT_WARNING (mixed = nvds_clear_meta_list (batch, mixed, batch->user_meta_pool));
  fail_unless_equals_int (g_list_length (mixed), 1);
  g_list_free (mixed);
  fail_unless (nvds_destroy_batch_meta (batch));
}

GST_END_TEST;

GST_START_TEST (test_bad_input_is_refused)
{
  NvDsBatchMeta *batch = nvds_create_batch_meta (1);
  NvDsBatchMeta *other = nvds_create_batch_meta (1);
  NvDsFrameMeta *frame = nvds_acquire_frame_meta_from_pool (batch);
  nvds_add_frame_meta_to_batch (batch, frame);
  NvDsObjectMeta *obj = nvds_acquire_obj_meta_from_pool (batch);
  NvDsObjectMeta *foreign = nvds_acquire_obj_meta_from_pool (other);

  ASSERT_WARNING (nvds_add_obj_meta_to_frame (frame, NULL, NULL));
  ASSERT_WARNING (nvds_add_obj_meta_to_frame (frame, foreign, NULL));
  ASSERT_WARNING (nvds_add_obj_meta_to_frame (frame, (NvDsObjectMeta *) frame, NULL));
  fail_unless_equals_int (frame->num_obj_meta, 0);
  /* Removing something that is not in the list leaves it alone. */
  ASSERT_WARNING (nvds_remove_obj_meta_from_frame (frame, obj));
  fail_unless_equals_int (batch->obj_meta_pool->num_full_elements, 1);
  nvds_add_obj_meta_to_frame (frame, obj, NULL);
  nvds_remove_obj_meta_from_frame (frame, obj);
  /* A second removal of a released element is refused. */
  ASSERT_WARNING (nvds_remove_obj_meta_from_frame (frame, obj));
  fail_unless_equals_int (batch->obj_meta_pool->num_full_elements, 0);
  ASSERT_CRITICAL (nvds_acquire_obj_meta_from_pool (NULL));
  ASSERT_CRITICAL (nvds_destroy_batch_meta (NULL));
  fail_unless (nvds_destroy_batch_meta (batch));
  fail_unless (nvds_destroy_batch_meta (other));
}

GST_END_TEST;

GST_START_TEST (test_roi_unsupported)
{
  NvDsBatchMeta *batch = nvds_create_batch_meta (1);
  NvDsClassifierMeta *cls = nvds_acquire_classifier_meta_from_pool (batch);
  NvDsUserMeta *um = nvds_acquire_user_meta_from_pool (batch);
  ASSERT_WARNING (nvds_add_classifier_meta_to_roi (NULL, cls));
  ASSERT_WARNING (nvds_remove_classifier_meta_from_roi (NULL, cls));
  ASSERT_WARNING (nvds_add_user_meta_to_roi (NULL, um));
  ASSERT_WARNING (nvds_remove_user_meta_from_roi (NULL, um));
  fail_unless_equals_int (batch->classifier_meta_pool->num_full_elements, 1);
  fail_unless (nvds_destroy_batch_meta (batch));
}

GST_END_TEST;

GST_START_TEST (test_lock_is_recursive)
{
  NvDsBatchMeta *batch = nvds_create_batch_meta (1);
  nvds_acquire_meta_lock (batch);
  nvds_acquire_meta_lock (batch);
  /* Library calls take the lock internally too: must not deadlock while we hold it. */
  NvDsFrameMeta *frame = nvds_acquire_frame_meta_from_pool (batch);
  nvds_add_frame_meta_to_batch (batch, frame);
  nvds_release_meta_lock (batch);
  fail_unless (g_rec_mutex_trylock (&batch->meta_mutex));       /* same thread: still ours */
  g_rec_mutex_unlock (&batch->meta_mutex);
  nvds_release_meta_lock (batch);
  fail_unless (nvds_destroy_batch_meta (batch));
}

GST_END_TEST;

typedef struct
{
  NvDsBatchMeta *batch;
  NvDsFrameMeta *frame;
  guint count;
  gboolean lock;
} Worker;

static gpointer
worker_thread (gpointer data)
{
  Worker *w = data;
  for (guint i = 0; i < w->count; i++) {
    if (w->lock)
      nvds_acquire_meta_lock (w->batch);
    NvDsObjectMeta *obj = nvds_acquire_obj_meta_from_pool (w->batch);
    obj->class_id = (gint) i;
    nvds_add_obj_meta_to_frame (w->frame, obj, NULL);
    if (i % 3 == 2)
      nvds_remove_obj_meta_from_frame (w->frame, obj);
    if (w->lock)
      nvds_release_meta_lock (w->batch);
  }
  return NULL;
}

static void
run_workers (gboolean lock)
{
  const guint threads = 4, per_thread = 150;
  NvDsBatchMeta *batch = nvds_create_batch_meta (threads);
  Worker workers[4];
  GThread *t[4];
  for (guint i = 0; i < threads; i++) {
    workers[i].batch = batch;
    workers[i].frame = nvds_acquire_frame_meta_from_pool (batch);
    workers[i].count = per_thread;
    workers[i].lock = lock;
    nvds_add_frame_meta_to_batch (batch, workers[i].frame);
  }
  for (guint i = 0; i < threads; i++)
    t[i] = g_thread_new ("acquire", worker_thread, &workers[i]);
  for (guint i = 0; i < threads; i++)
    g_thread_join (t[i]);
  guint kept = per_thread - per_thread / 3;
  NvDsMetaPool *pool = batch->obj_meta_pool;
  fail_unless_equals_int (pool->num_full_elements, threads * kept);
  fail_unless_equals_int (g_list_length (pool->full_list), threads * kept);
  fail_unless_equals_int (pool->num_empty_elements + pool->num_full_elements,
      pool->max_elements_in_pool);
  fail_unless_equals_int (g_list_length (pool->empty_list), pool->num_empty_elements);
  for (guint i = 0; i < threads; i++) {
    fail_unless_equals_int (workers[i].frame->num_obj_meta, kept);
    fail_unless_equals_int (g_list_length (workers[i].frame->obj_meta_list), kept);
  }
  fail_unless (nvds_destroy_batch_meta (batch));
}

GST_START_TEST (test_threads_under_lock)
{
  run_workers (TRUE);
}

GST_END_TEST;

/* Threads working on different frames of one batch share only the pools, which lock themselves. */
GST_START_TEST (test_threads_distinct_frames_without_lock)
{
  run_workers (FALSE);
}

GST_END_TEST;

static gpointer
register_types (gpointer data)
{
  gint *out = data;
  for (guint i = 0; i < 16; i++) {
    gchar *d = g_strdup_printf ("DSNET.TEST.THREAD_%u", i);
    out[i] = nvds_get_user_meta_type (d);
    g_free (d);
  }
  return NULL;
}

GST_START_TEST (test_user_meta_types)
{
  NvDsMetaType a = nvds_get_user_meta_type ((gchar *) "NVIDIA.NVINFER.USER_META");
  NvDsMetaType b = nvds_get_user_meta_type ((gchar *) "DSNET.MUX.SOURCE_INFO");
  NvDsMetaType a2 = nvds_get_user_meta_type ((gchar *) "NVIDIA.NVINFER.USER_META");
  fail_unless (a >= NVDS_START_USER_META);
  fail_unless (b >= NVDS_START_USER_META);
  fail_unless (a != b);
  fail_unless_equals_int (a, a2);
  /* Descriptions may contain dots; fewer than three fields, empty fields, spaces are invalid. */
  fail_unless (nvds_get_user_meta_type ((gchar *) "ORG.COMP.DESC.V2") >= NVDS_START_USER_META);
  ASSERT_WARNING (fail_unless_equals_int (nvds_get_user_meta_type (NULL), NVDS_INVALID_META));
  ASSERT_WARNING (fail_unless_equals_int (nvds_get_user_meta_type ((gchar *) ""),
          NVDS_INVALID_META));
  ASSERT_WARNING (fail_unless_equals_int (nvds_get_user_meta_type ((gchar *) "ORG.COMP"),
          NVDS_INVALID_META));
  ASSERT_WARNING (fail_unless_equals_int (nvds_get_user_meta_type ((gchar *) "ORG..DESC"),
          NVDS_INVALID_META));
  ASSERT_WARNING (fail_unless_equals_int (nvds_get_user_meta_type ((gchar *) "ORG.COMP.DE SC"),
          NVDS_INVALID_META));
  ASSERT_WARNING (fail_unless_equals_int (nvds_get_user_meta_type ((gchar *) "ORG.COMP."),
          NVDS_INVALID_META));

  /* Concurrent registration: every thread sees the same value per descriptor, all distinct. */
  gint results[4][16];
  GThread *t[4];
  for (guint i = 0; i < 4; i++)
    t[i] = g_thread_new ("types", register_types, results[i]);
  for (guint i = 0; i < 4; i++)
    g_thread_join (t[i]);
  GHashTable *seen = g_hash_table_new (NULL, NULL);
  for (guint k = 0; k < 16; k++) {
    for (guint i = 1; i < 4; i++)
      fail_unless_equals_int (results[i][k], results[0][k]);
    fail_unless (results[0][k] >= NVDS_START_USER_META);
    fail_unless (results[0][k] != (gint) a && results[0][k] != (gint) b);
    fail_unless (g_hash_table_add (seen, GINT_TO_POINTER (results[0][k])));
  }
  g_hash_table_destroy (seen);
}

GST_END_TEST;

GST_START_TEST (test_metadata_info)
{
  NvDsBatchMeta *batch = nvds_create_batch_meta (1);
  populate (batch, 1, 2);
  fail_unless (nvds_get_current_metadata_info (batch));
  fail_unless (nvds_destroy_batch_meta (batch));
}

GST_END_TEST;

static Suite *
meta_pool_suite (void)
{
  Suite *s = suite_create ("dsnet_meta_pools");
  TCase *tc = tcase_create ("general");
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_create_destroy);
  tcase_add_test (tc, test_pool_reuse);
  tcase_add_test (tc, test_pool_growth_and_full_list);
  tcase_add_test (tc, test_add_remove_every_level);
  tcase_add_test (tc, test_destroy_releases_everything);
  tcase_add_test (tc, test_clear_meta_list);
  tcase_add_test (tc, test_bad_input_is_refused);
  tcase_add_test (tc, test_roi_unsupported);
  tcase_add_test (tc, test_lock_is_recursive);
  tcase_add_test (tc, test_threads_under_lock);
  tcase_add_test (tc, test_threads_distinct_frames_without_lock);
  tcase_add_test (tc, test_user_meta_types);
  tcase_add_test (tc, test_metadata_info);
  return s;
}

GST_CHECK_MAIN (meta_pool);
