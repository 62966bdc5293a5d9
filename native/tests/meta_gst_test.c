/*
 * libdsnet_meta's NvDsMeta GstMeta: registration and tag, attach/lookup, buffer copies carrying deep
 * copies, free on buffer destruction, passing through real elements, and carrying an input buffer's
 * metas into frame user meta (nvds_copy_gst_meta_to_frame_meta).
 */
#include <gst/check/gstcheck.h>
#include <gst/check/gstharness.h>
#include <gst/app/gstappsink.h>
#include <gst/app/gstappsrc.h>

#include "gstnvdsmeta.h"
#include "nvdsmeta.h"

static NvDsBatchMeta *
batch_with_object (const gchar * label)
{
  NvDsBatchMeta *batch = nvds_create_batch_meta (1);
  NvDsFrameMeta *frame = nvds_acquire_frame_meta_from_pool (batch);
  frame->source_id = 3;
  nvds_add_frame_meta_to_batch (batch, frame);
  NvDsObjectMeta *obj = nvds_acquire_obj_meta_from_pool (batch);
  g_strlcpy (obj->obj_label, label, MAX_LABEL_SIZE);
  obj->text_params.display_text = g_strdup (label);
  nvds_add_obj_meta_to_frame (frame, obj, NULL);
  return batch;
}

static GstBuffer *
buffer_with_batch (NvDsBatchMeta * batch)
{
  GstBuffer *buf = gst_buffer_new_allocate (NULL, 64, NULL);
  NvDsMeta *meta = gst_buffer_add_nvds_meta (buf, batch, NULL, nvds_batch_meta_copy_func,
      nvds_batch_meta_release_func);
  fail_unless (meta != NULL);
  meta->meta_type = NVDS_BATCH_GST_META;
  return buf;
}

static NvDsObjectMeta *
first_object (NvDsBatchMeta * batch)
{
  NvDsFrameMeta *frame = batch->frame_meta_list->data;
  return frame->obj_meta_list->data;
}

GST_START_TEST (test_registration)
{
  GType api = nvds_meta_api_get_type ();
  fail_unless (api != 0);
  fail_unless (api == NVDS_META_API_TYPE);
  fail_unless (gst_meta_api_type_has_tag (api, g_quark_from_string (NVDS_META_STRING)));
  const GstMetaInfo *info = nvds_meta_get_info ();
  fail_unless (info != NULL);
  fail_unless (info == NVDS_META_INFO);
  fail_unless (info->api == api);
  fail_unless_equals_int (info->size, sizeof (NvDsMeta));
  fail_unless (gst_meta_get_info ("NvDsMeta") == info);
}

GST_END_TEST;

GST_START_TEST (test_attach_and_find)
{
  GstBuffer *plain = gst_buffer_new ();
  fail_unless (gst_buffer_get_nvds_batch_meta (plain) == NULL);
  fail_unless (gst_buffer_get_nvds_meta (plain) == NULL);
  gst_buffer_unref (plain);

  NvDsBatchMeta *batch = batch_with_object ("mask");
  GstBuffer *buf = buffer_with_batch (batch);
  fail_unless (gst_buffer_get_nvds_batch_meta (buf) == batch);
  NvDsMeta *batch_meta = gst_buffer_get_nvds_meta (buf);
  fail_unless (batch_meta->meta_data == batch);
  fail_unless (gst_buffer_get_meta (buf, NVDS_META_API_TYPE) == (GstMeta *) batch_meta);

  /* A later, different NvDsMeta is "the last added", but the batch lookup still finds the batch. */
  static gint decoder_payload = 5;
  NvDsMeta *other = gst_buffer_add_nvds_meta (buf, &decoder_payload, NULL, NULL, NULL);
  other->meta_type = NVDS_DECODER_GST_META;
  fail_unless (gst_buffer_get_nvds_meta (buf) == other);
  fail_unless (gst_buffer_get_nvds_batch_meta (buf) == batch);

  /* Only an NVDS_BATCH_GST_META counts as a batch. */
  GstBuffer *nobatch = gst_buffer_new ();
  NvDsMeta *m = gst_buffer_add_nvds_meta (nobatch, &decoder_payload, NULL, NULL, NULL);
  m->meta_type = NVDS_DECODER_GST_META;
  fail_unless (gst_buffer_get_nvds_batch_meta (nobatch) == NULL);
  gst_buffer_unref (nobatch);

  gst_buffer_unref (buf);       /* freefunc destroys the batch (valgrind checks it) */
}

GST_END_TEST;

static guint freed;

static void
count_free (gpointer data, gpointer user_data)
{
  fail_unless (user_data == GINT_TO_POINTER (42));
  g_free (data);
  freed++;
}

static gpointer
dup_int (gpointer data, gpointer user_data)
{
  fail_unless (user_data == GINT_TO_POINTER (42));
  return g_memdup2 (data, sizeof (gint));
}

GST_START_TEST (test_free_and_copy_callbacks)
{
  freed = 0;
  GstBuffer *buf = gst_buffer_new ();
  gint v = 9;
  NvDsMeta *m = gst_buffer_add_nvds_meta (buf, g_memdup2 (&v, sizeof v), GINT_TO_POINTER (42),
      dup_int, count_free);
  m->meta_type = NVDS_DECODER_GST_META;
  GstBuffer *copy = gst_buffer_copy (buf);
  NvDsMeta *cm = gst_buffer_get_nvds_meta (copy);
  fail_unless (cm != NULL && cm != m);
  fail_unless (cm->meta_data != m->meta_data);
  fail_unless_equals_int (*(gint *) cm->meta_data, 9);
  fail_unless_equals_int (cm->meta_type, NVDS_DECODER_GST_META);
  fail_unless (cm->user_data == GINT_TO_POINTER (42));
  gst_buffer_unref (buf);
  fail_unless_equals_int (freed, 1);
  gst_buffer_unref (copy);
  fail_unless_equals_int (freed, 2);

  /* A freefunc without copyfunc cannot be shared: the copy goes without it. */
  buf = gst_buffer_new ();
  m = gst_buffer_add_nvds_meta (buf, g_memdup2 (&v, sizeof v), GINT_TO_POINTER (42), NULL,
      count_free);
  copy = gst_buffer_copy (buf);
  fail_unless (gst_buffer_get_nvds_meta (copy) == NULL);
  gst_buffer_unref (copy);
  gst_buffer_unref (buf);
  fail_unless_equals_int (freed, 3);
}

GST_END_TEST;

GST_START_TEST (test_buffer_copy_is_deep)
{
  NvDsBatchMeta *batch = batch_with_object ("no-mask");
  GstBuffer *buf = buffer_with_batch (batch);
  GstBuffer *copy = gst_buffer_copy (buf);
  NvDsBatchMeta *cb = gst_buffer_get_nvds_batch_meta (copy);
  fail_unless (cb != NULL);
  fail_unless (cb != batch);
  fail_unless (cb->base_meta.batch_meta == cb);
  fail_unless_equals_int (cb->num_frames_in_batch, 1);
  NvDsObjectMeta *a = first_object (batch), *b = first_object (cb);
  fail_unless (a != b);
  fail_unless_equals_string (b->obj_label, "no-mask");
  fail_unless (a->text_params.display_text != b->text_params.display_text);
  fail_unless_equals_string (b->text_params.display_text, "no-mask");
  fail_unless_equals_int (gst_buffer_get_nvds_meta (copy)->meta_type, NVDS_BATCH_GST_META);

  /* Changing the copy leaves the original alone. */
  g_strlcpy (b->obj_label, "changed", MAX_LABEL_SIZE);
  fail_unless_equals_string (a->obj_label, "no-mask");

  /* make_writable on a shared buffer copies too. */
  gst_buffer_ref (buf);
  GstBuffer *w = gst_buffer_make_writable (buf);
  fail_unless (w != buf);
  NvDsBatchMeta *wb = gst_buffer_get_nvds_batch_meta (w);
  fail_unless (wb != NULL && wb != batch && wb != cb);
  fail_unless_equals_string (first_object (wb)->obj_label, "no-mask");
  gst_buffer_unref (w);
  gst_buffer_unref (buf);
  gst_buffer_unref (copy);
}

GST_END_TEST;

GST_START_TEST (test_through_elements)
{
  /* identity and queue pass buffers (and their metas) on untouched. */
  const gchar *elements[] = { "identity", "queue" };
  for (guint i = 0; i < G_N_ELEMENTS (elements); i++) {
    GstHarness *h = gst_harness_new (elements[i]);
    gst_harness_set_src_caps_str (h, "application/x-test");
    NvDsBatchMeta *batch = batch_with_object ("mask");
    GstBuffer *out = gst_harness_push_and_pull (h, buffer_with_batch (batch));
    fail_unless (out != NULL);
    NvDsBatchMeta *got = gst_buffer_get_nvds_batch_meta (out);
    fail_unless (got != NULL);
    fail_unless_equals_string (first_object (got)->obj_label, "mask");
    gst_buffer_unref (out);
    gst_harness_teardown (h);
  }
}

GST_END_TEST;

/* Pad probe that makes the buffer writable (a copy, since tee shares it) and relabels its objects. */
static GstPadProbeReturn
relabel_probe (GstPad * pad, GstPadProbeInfo * info, gpointer user_data)
{
  (void) pad;
  (void) user_data;
  GstBuffer *buf = gst_buffer_make_writable (GST_PAD_PROBE_INFO_BUFFER (info));
  GST_PAD_PROBE_INFO_DATA (info) = buf;
  NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (buf);
  fail_unless (batch != NULL);
  nvds_acquire_meta_lock (batch);
  NvDsObjectMeta *obj = first_object (batch);
  g_strlcpy (obj->obj_label, "relabelled", MAX_LABEL_SIZE);
  nvds_release_meta_lock (batch);
  return GST_PAD_PROBE_OK;
}

GST_START_TEST (test_tee_branches_are_independent)
{
  GError *err = NULL;
  GstElement *pipe = gst_parse_launch ("appsrc name=src caps=application/x-test format=time ! "
      "tee name=t  t. ! queue name=qa ! appsink name=a sync=false  "
      "t. ! queue name=qb ! appsink name=b sync=false", &err);
  fail_unless (pipe != NULL, "%s", err ? err->message : "");
  GstElement *src = gst_bin_get_by_name (GST_BIN (pipe), "src");
  GstElement *qb = gst_bin_get_by_name (GST_BIN (pipe), "qb");
  GstPad *qb_src = gst_element_get_static_pad (qb, "src");
  gst_pad_add_probe (qb_src, GST_PAD_PROBE_TYPE_BUFFER, relabel_probe, NULL, NULL);
  fail_unless (gst_element_set_state (pipe, GST_STATE_PLAYING) != GST_STATE_CHANGE_FAILURE);

  const guint n = 3;
  for (guint i = 0; i < n; i++) {
    GstBuffer *buf = buffer_with_batch (batch_with_object ("mask"));
    GST_BUFFER_PTS (buf) = i * GST_MSECOND;
    fail_unless_equals_int (gst_app_src_push_buffer (GST_APP_SRC (src), buf), GST_FLOW_OK);
  }
  gst_app_src_end_of_stream (GST_APP_SRC (src));

  const gchar *sinks[] = { "a", "b" };
  const gchar *expected[] = { "mask", "relabelled" };
  for (guint s = 0; s < 2; s++) {
    GstElement *sink = gst_bin_get_by_name (GST_BIN (pipe), sinks[s]);
    for (guint i = 0; i < n; i++) {
      GstSample *sample = gst_app_sink_try_pull_sample (GST_APP_SINK (sink), 10 * GST_SECOND);
      fail_unless (sample != NULL);
      NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (gst_sample_get_buffer (sample));
      fail_unless (batch != NULL);
      fail_unless_equals_string (first_object (batch)->obj_label, expected[s]);
      gst_sample_unref (sample);
    }
    gst_object_unref (sink);
  }
  GstBus *bus = gst_element_get_bus (pipe);
  GstMessage *msg = gst_bus_timed_pop_filtered (bus, 10 * GST_SECOND,
      GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  fail_unless (msg != NULL && GST_MESSAGE_TYPE (msg) == GST_MESSAGE_EOS);
  gst_message_unref (msg);
  gst_object_unref (bus);
  gst_element_set_state (pipe, GST_STATE_NULL);
  gst_object_unref (qb_src);
  gst_object_unref (qb);
  gst_object_unref (src);
  gst_object_unref (pipe);
}

GST_END_TEST;

/* An upstream element's NvDsMeta with the gst->nvds transform pair (the DeepStream pattern). */
static guint transformed, transform_released;

static gpointer
decoder_transform (gpointer data, gpointer user_data)
{
  (void) user_data;
  NvDsUserMeta *um = data;
  transformed++;
  return g_strdup (um->user_meta_data);
}

static void
decoder_release (gpointer data, gpointer user_data)
{
  (void) user_data;
  NvDsUserMeta *um = data;
  g_free (um->user_meta_data);
  um->user_meta_data = NULL;
  transform_released++;
}

static void
free_string (gpointer data, gpointer user_data)
{
  (void) user_data;
  g_free (data);
}

static gpointer
copy_string (gpointer data, gpointer user_data)
{
  (void) user_data;
  return g_strdup (data);
}

GST_START_TEST (test_gst_meta_to_frame_meta)
{
  transformed = transform_released = 0;
  GstBuffer *in = gst_buffer_new ();
  NvDsMeta *dm = gst_buffer_add_nvds_meta (in, g_strdup ("decoder-info"), NULL, copy_string,
      free_string);
  dm->meta_type = NVDS_DECODER_GST_META;
  dm->gst_to_nvds_meta_transform_func = decoder_transform;
  dm->gst_to_nvds_meta_release_func = decoder_release;
  /* NvDsMeta without the transform pair: not carried. */
  NvDsMeta *bare = gst_buffer_add_nvds_meta (in, g_strdup ("bare"), NULL, copy_string, free_string);
  bare->meta_type = NVDS_DEWARPER_GST_META;
  /* A plain GstMeta. */
  GstCaps *ts_caps = gst_caps_new_empty_simple ("timestamp/x-test");
  gst_buffer_add_reference_timestamp_meta (in, ts_caps, 123 * GST_SECOND, GST_CLOCK_TIME_NONE);
  gst_caps_unref (ts_caps);

  NvDsBatchMeta *batch = nvds_create_batch_meta (1);
  NvDsFrameMeta *frame = nvds_acquire_frame_meta_from_pool (batch);
  nvds_add_frame_meta_to_batch (batch, frame);
  nvds_copy_gst_meta_to_frame_meta (in, batch, frame);
  gst_buffer_unref (in);

  fail_unless_equals_int (transformed, 1);
  fail_unless_equals_int (g_list_length (frame->frame_user_meta_list), 2);
  NvDsUserMeta *decoder = NULL, *plain = NULL;
  for (GList * l = frame->frame_user_meta_list; l; l = l->next) {
    NvDsUserMeta *um = l->data;
    if (um->base_meta.meta_type == (NvDsMetaType) NVDS_DECODER_GST_META)
      decoder = um;
    else if (um->base_meta.meta_type == (NvDsMetaType) NVDS_BUFFER_GST_AS_FRAME_USER_META)
      plain = um;
  }
  fail_unless (decoder != NULL && plain != NULL);
  fail_unless_equals_string (decoder->user_meta_data, "decoder-info");
  fail_unless (decoder->base_meta.copy_func == decoder_transform);
  GstBuffer *carrier = plain->user_meta_data;
  fail_unless (GST_IS_BUFFER (carrier));
  GstReferenceTimestampMeta *ts = gst_buffer_get_reference_timestamp_meta (carrier, NULL);
  fail_unless (ts != NULL);
  fail_unless_equals_uint64 (ts->timestamp, 123 * GST_SECOND);
  fail_unless (gst_buffer_get_nvds_meta (carrier) == NULL);

  /* They travel with batch copies and are released with the batch. */
  NvDsBatchMeta *copy = nvds_batch_meta_copy_func (batch, NULL);
  NvDsFrameMeta *cf = copy->frame_meta_list->data;
  fail_unless_equals_int (g_list_length (cf->frame_user_meta_list), 2);
  fail_unless_equals_int (transformed, 2);
  for (GList * l = cf->frame_user_meta_list; l; l = l->next) {
    NvDsUserMeta *um = l->data;
    if (um->base_meta.meta_type == (NvDsMetaType) NVDS_BUFFER_GST_AS_FRAME_USER_META) {
      fail_unless (um->user_meta_data != carrier);
      fail_unless (gst_buffer_get_reference_timestamp_meta (um->user_meta_data, NULL) != NULL);
    }
  }
  nvds_destroy_batch_meta (copy);
  nvds_destroy_batch_meta (batch);
  fail_unless_equals_int (transform_released, 2);

  /* A buffer without metas adds nothing. */
  batch = nvds_create_batch_meta (1);
  frame = nvds_acquire_frame_meta_from_pool (batch);
  nvds_add_frame_meta_to_batch (batch, frame);
  GstBuffer *empty = gst_buffer_new ();
  nvds_copy_gst_meta_to_frame_meta (empty, batch, frame);
  fail_unless (frame->frame_user_meta_list == NULL);
  gst_buffer_unref (empty);
  nvds_destroy_batch_meta (batch);
}

GST_END_TEST;

GST_START_TEST (test_audio_unsupported)
{
  NvDsBatchMeta *batch = nvds_create_batch_meta (1);
  GstBuffer *buf = gst_buffer_new ();
  ASSERT_WARNING (nvds_copy_gst_meta_to_audio_frame_meta (buf, batch, NULL));
  fail_unless_equals_int (batch->user_meta_pool->num_full_elements, 0);
  gst_buffer_unref (buf);
  nvds_destroy_batch_meta (batch);
}

GST_END_TEST;

static Suite *
meta_gst_suite (void)
{
  Suite *s = suite_create ("dsnet_meta_gst");
  TCase *tc = tcase_create ("general");
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_registration);
  tcase_add_test (tc, test_attach_and_find);
  tcase_add_test (tc, test_free_and_copy_callbacks);
  tcase_add_test (tc, test_buffer_copy_is_deep);
  tcase_add_test (tc, test_through_elements);
  tcase_add_test (tc, test_tee_branches_are_independent);
  tcase_add_test (tc, test_gst_meta_to_frame_meta);
  tcase_add_test (tc, test_audio_unsupported);
  return s;
}

GST_CHECK_MAIN (meta_gst);
