/* Tests of the dsnettracker ll-config-file reader (NvMultiObjectTracker YAML subset). */
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "dsnet_tracker_config.h"

static gchar *
source_path (const gchar * rel)
{
  const gchar *root = g_getenv ("DSNET_SOURCE_DIR");
  g_assert_nonnull (root);
  return g_build_filename (root, rel, NULL);
}

static gboolean
notes_contain (GPtrArray * notes, const gchar * needle)
{
  for (guint i = 0; i < notes->len; i++)
    if (strstr (g_ptr_array_index (notes, i), needle))
      return TRUE;
  return FALSE;
}

static void
test_sample_file (void)
{
  gchar *path = source_path ("configs/tracker/config_tracker_IOU.yml");
  DsnetTrackerConfig c;
  dsnet_tracker_config_init (&c);
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_free);
  GError *err = NULL;
  g_assert_true (dsnet_tracker_config_load (&c, path, notes, &err));
  g_assert_no_error (err);
  g_assert_cmpfloat (c.min_detector_confidence, ==, 0.3f);
  g_assert_cmpuint (c.max_targets_per_stream, ==, 150);
  g_assert_cmpuint (c.probation_age, ==, 3);
  g_assert_cmpuint (c.max_shadow_tracking_age, ==, 30);
  g_assert_cmpuint (c.early_termination_age, ==, 1);
  g_assert_cmpfloat (c.min_iou_diff_4_new_target, ==, 0.5f);
  g_assert_cmpint (c.matcher, ==, DSNET_TRK_MATCHER_GREEDY);
  g_assert_false (c.check_class_match);
  g_assert_cmpfloat (c.min_score_iou, ==, 0.2f);
  g_assert_true (c.use_kalman);
  /* accepted-and-ignored keys are reported once each, with file and line */
  g_assert_true (notes_contain (notes, "TrajectoryManagement.useUniqueID accepted, not used"));
  g_assert_true (notes_contain (notes, "TargetManagement.enableBboxUnClipping accepted, not used"));
  gchar *where = g_strdup_printf ("%s:", path);
  g_assert_true (notes_contain (notes, where));
  g_free (where);
  g_assert_cmpuint (notes->len, ==, 3);
  g_ptr_array_unref (notes);
  g_free (path);
}

/* The face-mask portable config that deepstream-app configs point at must load too. */
static void
test_facemask_file (void)
{
  gchar *path = source_path ("configs/face-mask/portable/config_tracker_IOU.yml");
  if (!g_file_test (path, G_FILE_TEST_EXISTS)) {
    g_test_skip ("configs/face-mask/portable/config_tracker_IOU.yml not in this tree");
    g_free (path);
    return;
  }
  DsnetTrackerConfig c;
  dsnet_tracker_config_init (&c);
  GError *err = NULL;
  g_assert_true (dsnet_tracker_config_load (&c, path, NULL, &err));
  g_assert_no_error (err);
  g_assert_cmpuint (c.probation_age, ==, 2);
  g_assert_cmpuint (c.max_shadow_tracking_age, ==, 15);
  g_free (path);
}

static void
test_syntax (void)
{
  const gchar *text =
      "%YAML:1.0\r\n"
      "---\n"
      "# comment line\n"
      "BaseConfig:   # trailing comment\n"
      "    minDetectorConfidence: \"0.25\"   # quoted\n"
      "\n"
      "VisualTracker:\n"
      "  visualTrackerType: 1\n"
      "\n"
      "ReID:\n"
      "  inferDims: [128, 1]\n"
      "  nested:\n"
      "    deeper: 3\n"
      "  after: 1\n"
      "MyOwnSection:\n"
      "  foo: bar\n"
      "DataAssociator:\n"
      "  checkClassMatch: true\n"
      "  associationMatcherType: 1\n"
      "StateEstimator:\n"
      "  stateEstimatorType: 0\n";
  DsnetTrackerConfig c;
  dsnet_tracker_config_init (&c);
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_free);
  GError *err = NULL;
  g_assert_true (dsnet_tracker_config_parse (&c, text, "mem.yml", notes, &err));
  g_assert_no_error (err);
  g_assert_cmpfloat (c.min_detector_confidence, ==, 0.25f);
  g_assert_true (c.check_class_match);
  g_assert_cmpint (c.matcher, ==, DSNET_TRK_MATCHER_GLOBAL);
  g_assert_false (c.use_kalman);
  g_assert_true (notes_contain (notes, "mem.yml:8: VisualTracker.visualTrackerType accepted"));
  g_assert_true (notes_contain (notes, "mem.yml:11: ReID.inferDims accepted"));
  g_assert_true (notes_contain (notes, "mem.yml:12: ReID.nested (nested) accepted"));
  g_assert_true (notes_contain (notes, "mem.yml:14: ReID.after accepted"));
  g_assert_true (notes_contain (notes, "mem.yml:15: section 'MyOwnSection' is not an NvMultiObjectTracker"));
  g_assert_false (notes_contain (notes, "deeper"));
  g_assert_false (notes_contain (notes, "foo"));
  g_ptr_array_unref (notes);

  /* byte order mark */
  dsnet_tracker_config_init (&c);
  g_assert_true (dsnet_tracker_config_parse (&c, "\xEF\xBB\xBF%YAML:1.0\nTargetManagement:\n  probationAge: 7\n",
          "bom.yml", NULL, &err));
  g_assert_cmpuint (c.probation_age, ==, 7);

  /* empty text: defaults stay */
  DsnetTrackerConfig d, def;
  dsnet_tracker_config_init (&d);
  dsnet_tracker_config_init (&def);
  g_assert_true (dsnet_tracker_config_parse (&d, "", "empty.yml", NULL, &err));
  g_assert_cmpint (memcmp (&d, &def, sizeof d), ==, 0);
}

typedef struct
{
  const gchar *text;
  const gchar *message;         /* expected substring of the error, including "name:line:" */
} BadCase;

static const BadCase bad_cases[] = {
  {"TargetManagement:\n  probationAge: abc\n", "bad.yml:2: TargetManagement.probationAge expects an integer, got 'abc'"},
  {"TargetManagement:\n\n  probationAge: -1\n", "bad.yml:3: TargetManagement.probationAge must be within [0,"},
  {"TargetManagement:\n  maxTargetsPerStream: 0\n", "bad.yml:2: TargetManagement.maxTargetsPerStream must be within [1,"},
  {"DataAssociator:\n  minMatchingScore4Iou: 1.5\n", "bad.yml:2: DataAssociator.minMatchingScore4Iou must be within [0, 1]"},
  {"DataAssociator:\n  minMatchingScore4Iou: 0.3x\n", "bad.yml:2: DataAssociator.minMatchingScore4Iou expects a number"},
  {"DataAssociator:\n  checkClassMatch: maybe\n", "bad.yml:2: DataAssociator.checkClassMatch expects 0, 1, true or false"},
  {"DataAssociator:\n  associationMatcherType: 2\n", "bad.yml:2: DataAssociator.associationMatcherType expects 0 (greedy) or 1"},
  {"StateEstimator:\n  stateEstimatorType: 5\n", "bad.yml:2: StateEstimator.stateEstimatorType expects 0"},
  {"BaseConfig:\n  minDetectorConfidence:\n", "bad.yml:2: BaseConfig.minDetectorConfidence has no value"},
  {"BaseConfig:\n\tminDetectorConfidence: 0.1\n", "bad.yml:2: tab in indentation"},
  {"BaseConfig:\n  minDetectorConfidence 0.1\n", "bad.yml:2: expected 'key: value' or 'Section:'"},
  {"  probationAge: 3\n", "bad.yml:1: indented key 'probationAge' outside of any section"},
  {"TargetManagement:\n  probationAge: 3\n  probationAge: 4\n", "bad.yml:3: duplicate key 'TargetManagement.probationAge'"},
  {"TargetManagement:\n  probationAge: 3\n    maxShadowTrackingAge: 4\n", "bad.yml:3: inconsistent indentation"},
  {"BaseConfig:\n  - 1\n", "bad.yml:2: unexpected sequence item"},
  {"BaseConfig:\nBaseConfig:\n", "bad.yml:2: duplicate section 'BaseConfig'"},
  {"BaseConfig:\nversion: 2\n  minDetectorConfidence: 0.1\n", "bad.yml:3: indented key 'minDetectorConfidence' outside"},
};

static void
test_bad_values (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (bad_cases); i++) {
    DsnetTrackerConfig c;
    dsnet_tracker_config_init (&c);
    GError *err = NULL;
    g_assert_false (dsnet_tracker_config_parse (&c, bad_cases[i].text, "bad.yml", NULL, &err));
    g_assert_error (err, DSNET_TRACKER_CONFIG_ERROR, 0);
    if (!strstr (err->message, bad_cases[i].message))
      g_error ("case %" G_GSIZE_FORMAT ": got '%s', expected '%s'", i, err->message, bad_cases[i].message);
    g_error_free (err);
  }
}

/* A file on disk: the error names the path and line; a missing file is an error naming the path. */
static void
test_files (void)
{
  gchar *dir = g_dir_make_tmp ("dsnet-trk-XXXXXX", NULL);
  g_assert_nonnull (dir);
  gchar *path = g_build_filename (dir, "t.yml", NULL);
  g_assert_true (g_file_set_contents (path, "BaseConfig:\n  minDetectorConfidence: 0.1\nTargetManagement:\n"
          "  earlyTerminationAge: x1\n", -1, NULL));
  DsnetTrackerConfig c;
  dsnet_tracker_config_init (&c);
  GError *err = NULL;
  g_assert_false (dsnet_tracker_config_load (&c, path, NULL, &err));
  gchar *expect = g_strdup_printf ("%s:4: TargetManagement.earlyTerminationAge expects an integer", path);
  g_assert_nonnull (strstr (err->message, expect));
  g_free (expect);
  g_clear_error (&err);

  gchar *missing = g_build_filename (dir, "missing.yml", NULL);
  g_assert_false (dsnet_tracker_config_load (&c, missing, NULL, &err));
  g_assert_nonnull (strstr (err->message, missing));
  g_assert_nonnull (strstr (err->message, "cannot read ll-config-file"));
  g_clear_error (&err);

  g_unlink (path);
  g_rmdir (dir);
  g_free (missing);
  g_free (path);
  g_free (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tracker/config/sample-file", test_sample_file);
  g_test_add_func ("/tracker/config/facemask-file", test_facemask_file);
  g_test_add_func ("/tracker/config/syntax", test_syntax);
  g_test_add_func ("/tracker/config/bad-values", test_bad_values);
  g_test_add_func ("/tracker/config/files", test_files);
  return g_test_run ();
}
