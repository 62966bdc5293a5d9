/*
 * dsnetinfer with nvinfer custom parser libraries: a user library (user_parser/user_parser.cpp, written
 * against nvdsinfer_custom_impl.h as for DeepStream) gives exactly the objects of the built-in DetectNet_v2
 * parser and the labels of the built-in classifier; load errors name file, symbol and config line; a false
 * return drops the unit's objects with a warning; a crash names the library.
 */
#include <math.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check_ort_main.h"
#include "infer_element_common.h"
#include "infer_test_model.h"

#define N_FRAMES 4
#define FRAME_W 64
#define FRAME_H 32

/* Frames of pseudo-random pixels: varied confidences and boxes in both cells. */
static void
random_frames (GstBuffer ** frames)
{
  GRand *r = g_rand_new_with_seed (14);
  for (guint i = 0; i < N_FRAMES; i++) {
    frames[i] = gst_buffer_new_allocate (NULL, FRAME_W * FRAME_H * 4, NULL);
    GstMapInfo map;
    gst_buffer_map (frames[i], &map, GST_MAP_WRITE);
    for (gsize k = 0; k < map.size; k++)
      map.data[k] = (guint8) g_rand_int_range (r, 0, 256);
    gst_buffer_unmap (frames[i], &map);
  }
  g_rand_free (r);
}

/* Runs one batch of N_FRAMES through a dsnetinfer with `config` text (model detectnet.onnx beside it). */
static GstBuffer *
run_config (const gchar * cfg, const gchar * text, GstBuffer ** frames)
{
  g_file_set_contents (cfg, text, -1, NULL);
  GstHarness *h = new_infer_harness (cfg, NULL);
  set_batch_caps (h, FRAME_W, FRAME_H, N_FRAMES);
  GstBuffer *out = gst_harness_push_and_pull (h, make_batch (frames, N_FRAMES, FRAME_W, FRAME_H, 0));
  fail_unless (out != NULL);
  gst_harness_teardown (h);
  return out;
}

GST_START_TEST (test_user_bbox_parser_matches_builtin)
{
  gchar *cfg = write_temp ("pgie.txt", "");
  gchar *model = write_detectnet_model (cfg);
  GstBuffer *frames[N_FRAMES];
  random_frames (frames);
  const gchar *common = "[property]\nonnx-file=detectnet.onnx\nnet-scale-factor=0.0039215686274509803\n"
      "num-detected-classes=1\nbatch-size=4\ncluster-mode=4\n";
  gchar *builtin = g_strdup_printf ("%s[class-attrs-all]\npre-cluster-threshold=0.3\n", common);
  gchar *custom = g_strdup_printf ("%scustom-lib-path=%s\nparse-bbox-func-name=NvDsInferParseUserDetectNet\n"
      "[class-attrs-all]\npre-cluster-threshold=0.3\n", common, USER_PARSER_PATH);
  GstBuffer *a = run_config (cfg, builtin, frames);
  GstBuffer *b = run_config (cfg, custom, frames);
  GList *fa = gst_buffer_get_nvds_batch_meta (a)->frame_meta_list;
  GList *fb = gst_buffer_get_nvds_batch_meta (b)->frame_meta_list;
  guint total = 0;
  for (; fa && fb; fa = fa->next, fb = fb->next) {
    NvDsFrameMeta *x = fa->data, *y = fb->data;
    ck_assert_uint_eq (g_list_length (x->obj_meta_list), g_list_length (y->obj_meta_list));
    for (GList * oa = x->obj_meta_list, *ob = y->obj_meta_list; oa; oa = oa->next, ob = ob->next) {
      NvDsObjectMeta *p = oa->data, *q = ob->data;
      ck_assert_int_eq (p->class_id, q->class_id);      /* the user's class-1 object was dropped */
      fail_unless (p->confidence == q->confidence, "%f vs %f", p->confidence, q->confidence);
      fail_unless (memcmp (&p->rect_params, &q->rect_params, 4 * sizeof (gfloat)) == 0,
          "box %f,%f,%f,%f vs %f,%f,%f,%f", p->rect_params.left, p->rect_params.top, p->rect_params.width,
          p->rect_params.height, q->rect_params.left, q->rect_params.top, q->rect_params.width,
          q->rect_params.height);
      total++;
    }
  }
  fail_unless (fa == NULL && fb == NULL);
  fail_unless (total >= N_FRAMES, "only %u objects: the comparison would be too weak", total);
  gst_buffer_unref (a);
  gst_buffer_unref (b);
  for (guint i = 0; i < N_FRAMES; i++)
    gst_buffer_unref (frames[i]);
  g_free (builtin);
  g_free (custom);
  g_free (model);
  remove_temp (cfg);
}
GST_END_TEST;

GST_START_TEST (test_user_classifier_parser)
{
  gchar *cfg = write_temp ("cls.txt", "");
  gchar *model = write_detectnet_model (cfg);
  GstBuffer *frames[N_FRAMES];
  random_frames (frames);
  const gchar *common = "[property]\nonnx-file=detectnet.onnx\nnet-scale-factor=0.0039215686274509803\n"
      "network-type=1\nbatch-size=4\nclassifier-threshold=0.01\n";
  gchar *custom = g_strdup_printf ("%scustom-lib-path=%s\nparse-classifier-func-name="
      "NvDsInferClassiferParseUserArgmax\n", common, USER_PARSER_PATH);
  GstBuffer *a = run_config (cfg, common, frames);
  GstBuffer *b = run_config (cfg, custom, frames);
  GList *fa = gst_buffer_get_nvds_batch_meta (a)->frame_meta_list;
  GList *fb = gst_buffer_get_nvds_batch_meta (b)->frame_meta_list;
  for (; fa && fb; fa = fa->next, fb = fb->next) {
    NvDsFrameMeta *x = fa->data, *y = fb->data;
    /* primary classifier: one frame-sized object (class -1) holding the classifier meta */
    ck_assert_uint_eq (g_list_length (x->obj_meta_list), 1);
    ck_assert_uint_eq (g_list_length (y->obj_meta_list), 1);
    NvDsObjectMeta *p = x->obj_meta_list->data, *q = y->obj_meta_list->data;
    ck_assert_int_eq (q->class_id, -1);
    NvDsClassifierMeta *cp = p->classifier_meta_list->data, *cq = q->classifier_meta_list->data;
    ck_assert_uint_eq (cp->num_labels, 2);
    ck_assert_uint_eq (cq->num_labels, 2);
    for (GList * la = cp->label_info_list, *lb = cq->label_info_list; la; la = la->next, lb = lb->next) {
      NvDsLabelInfo *i = la->data, *j = lb->data;
      ck_assert_uint_eq (i->label_id, j->label_id);
      ck_assert_uint_eq (i->result_class_id, j->result_class_id);
      fail_unless (i->result_prob == j->result_prob);
      gchar *want = g_strdup_printf ("user-%u-%u", i->label_id, i->result_class_id);
      ck_assert_str_eq (j->result_label, want);
      g_free (want);
    }
  }
  gst_buffer_unref (a);
  gst_buffer_unref (b);
  for (guint i = 0; i < N_FRAMES; i++)
    gst_buffer_unref (frames[i]);
  g_free (custom);
  g_free (model);
  remove_temp (cfg);
}
GST_END_TEST;

static void
assert_start_error_contains (const gchar * cfg, const gchar * text, const gchar * const *needles)
{
  g_file_set_contents (cfg, text, -1, NULL);
  gchar *err = start_error (cfg, NULL);
  for (const gchar * const *n = needles; *n; n++)
    fail_unless (strstr (err, *n) != NULL, "'%s' not in: %s", *n, err);
  g_free (err);
}

GST_START_TEST (test_load_errors)
{
  gchar *cfg = write_temp ("bad.txt", "");
  gchar *model = write_detectnet_model (cfg);
  /* the library does not exist: file (as tried), dlerror, the key's line */
  const gchar *missing[] = { "bad.txt:3: [property] parse-bbox-func-name", "nope/libmissing.so",
    "cannot open shared object file", "bad.txt:2: [property] custom-lib-path", NULL
  };
  assert_start_error_contains (cfg, "[property]\ncustom-lib-path=nope/libmissing.so\n"
      "parse-bbox-func-name=X\nonnx-file=detectnet.onnx\nnum-detected-classes=1\n", missing);
  /* the symbol is missing */
  gchar *text = g_strdup_printf ("[property]\nonnx-file=detectnet.onnx\nnum-detected-classes=1\n"
      "custom-lib-path=%s\nparse-bbox-func-name=NvDsInferParseNotThere\n", USER_PARSER_PATH);
  const gchar *symbol[] = { "bad.txt:5: [property] parse-bbox-func-name", USER_PARSER_PATH,
    "does not export 'NvDsInferParseNotThere'", "extern \"C\"", NULL
  };
  assert_start_error_contains (cfg, text, symbol);
  g_free (text);
  /* a parser name without a library */
  const gchar *nolib[] = { "bad.txt:3: [property] parse-bbox-func-name", "needs custom-lib-path",
    "libdsnet_parsers.so", NULL
  };
  assert_start_error_contains (cfg, "[property]\nonnx-file=detectnet.onnx\n"
      "parse-bbox-func-name=NvDsInferParseUltraFaceMask\n", nolib);
  /* classifier parser missing */
  text = g_strdup_printf ("[property]\nonnx-file=detectnet.onnx\nnetwork-type=1\ncustom-lib-path=%s\n"
      "parse-classifier-func-name=Nope\n", USER_PARSER_PATH);
  const gchar *cls[] = { "bad.txt:5: [property] parse-classifier-func-name", "does not export 'Nope'", NULL };
  assert_start_error_contains (cfg, text, cls);
  g_free (text);
  g_free (model);
  remove_temp (cfg);
}
GST_END_TEST;

GST_START_TEST (test_false_return_drops_objects)
{
  gchar *cfg = write_temp ("pgie.txt", "");
  gchar *model = write_detectnet_model (cfg);
  gchar *text = g_strdup_printf ("[property]\nonnx-file=detectnet.onnx\nnum-detected-classes=1\n"
      "custom-lib-path=%s\nparse-bbox-func-name=NvDsInferParseUserFalse\n", USER_PARSER_PATH);
  g_file_set_contents (cfg, text, -1, NULL);
  GstHarness *h = new_infer_harness (cfg, NULL);
  GstBus *bus = gst_bus_new ();
  gst_element_set_bus (h->element, bus);
  GstBuffer *frame = half_red (FRAME_W, FRAME_H, TRUE);
  set_batch_caps (h, FRAME_W, FRAME_H, 1);
  for (int i = 0; i < 2; i++) {
    GstBuffer *out = gst_harness_push_and_pull (h, make_batch (&frame, 1, FRAME_W, FRAME_H, i));
    NvDsFrameMeta *f = gst_buffer_get_nvds_batch_meta (out)->frame_meta_list->data;
    ck_assert_uint_eq (g_list_length (f->obj_meta_list), 0);
    gst_buffer_unref (out);
  }
  /* one warning on the bus (the second failure is only logged) */
  GstMessage *m = gst_bus_pop_filtered (bus, GST_MESSAGE_WARNING);
  fail_unless (m != NULL);
  GError *e = NULL;
  gst_message_parse_warning (m, &e, NULL);
  fail_unless (strstr (e->message, "NvDsInferParseUserFalse() of ") && strstr (e->message, "returned false"),
      "%s", e->message);
  g_error_free (e);
  gst_message_unref (m);
  fail_unless (gst_bus_pop_filtered (bus, GST_MESSAGE_WARNING) == NULL);
  gst_element_set_bus (h->element, NULL);
  gst_object_unref (bus);
  gst_harness_teardown (h);
  gst_buffer_unref (frame);
  g_free (text);
  g_free (model);
  remove_temp (cfg);
}
GST_END_TEST;

/* A parser that crashes takes the process down (as on DeepStream), but stderr names the library. */
GST_START_TEST (test_crash_names_library)
{
  const gchar *preload = g_getenv ("LD_PRELOAD");
  if (preload && strstr (preload, "vgpreload"))
    return;                     /* under valgrind the deliberate SIGSEGV is reported as an error */
  gchar *cfg = write_temp ("pgie.txt", "");
  gchar *model = write_detectnet_model (cfg);
  gchar *text = g_strdup_printf ("[property]\nonnx-file=detectnet.onnx\nnum-detected-classes=1\n"
      "custom-lib-path=%s\nparse-bbox-func-name=NvDsInferParseUserCrash\n", USER_PARSER_PATH);
  g_file_set_contents (cfg, text, -1, NULL);
  int fds[2];
  fail_unless (pipe (fds) == 0);
  pid_t pid = fork ();
  if (pid == 0) {
    dup2 (fds[1], STDERR_FILENO);
    close (fds[0]);
    GstHarness *h = new_infer_harness (cfg, NULL);
    GstBuffer *frame = half_red (FRAME_W, FRAME_H, TRUE);
    set_batch_caps (h, FRAME_W, FRAME_H, 1);
    /* the parser runs on dsnetinfer's ONNX Runtime worker (overlap): wait for the buffer, not only the push */
    infer_push_and_pull (h, make_batch (&frame, 1, FRAME_W, FRAME_H, 0));
    _exit (0);                  /* not reached */
  }
  close (fds[1]);
  GString *err = g_string_new (NULL);
  gchar chunk[512];
  ssize_t n;
  while ((n = read (fds[0], chunk, sizeof (chunk))) > 0)
    g_string_append_len (err, chunk, n);
  close (fds[0]);
  int status = 0;
  waitpid (pid, &status, 0);
  fail_unless (WIFSIGNALED (status) && WTERMSIG (status) == SIGSEGV, "status %d", status);
  fail_unless (strstr (err->str, "inside custom parser NvDsInferParseUserCrash() of " USER_PARSER_PATH),
      "stderr: %s", err->str);
  g_string_free (err, TRUE);
  g_free (text);
  g_free (model);
  remove_temp (cfg);
}
GST_END_TEST;

static Suite *
infer_custom_parser_suite (void)
{
  Suite *s = suite_create ("infer_custom_parser");
  TCase *tc = tcase_create ("general");
  tcase_set_timeout (tc, 300);
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_user_bbox_parser_matches_builtin);
  tcase_add_test (tc, test_user_classifier_parser);
  tcase_add_test (tc, test_load_errors);
  tcase_add_test (tc, test_false_return_drops_objects);
  tcase_add_test (tc, test_crash_names_library);
  return s;
}

DSNET_CHECK_ORT_MAIN (infer_custom_parser);
