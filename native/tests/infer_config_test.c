/* nvinfer config reader: types, defaults, precedence, legacy keys, unknown keys, errors with lines. */
#include <gst/check/gstcheck.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "check_ort_main.h"
#include "infer_config.h"
#include "infer_labels.h"

static DsnetInferConfig *
load_text (const gchar * text, guint skip, GError ** error)
{
  return dsnet_infer_config_load_from_data ("/cfg/dir/pgie.txt", text, strlen (text), skip, error);
}

/* Loads text that must fail and returns the message. */
static gchar *
load_error (const gchar * text)
{
  GError *e = NULL;
  DsnetInferConfig *cfg = load_text (text, 0, &e);
  fail_unless (cfg == NULL, "config unexpectedly loaded:\n%s", text);
  fail_unless (e != NULL);
  gchar *msg = g_strdup (e->message);
  g_error_free (e);
  return msg;
}

#define assert_error(text, expected) G_STMT_START {                     \
    gchar *m_ = load_error (text);                                      \
    fail_unless (g_str_equal (m_, expected), "got '%s', expected '%s'", m_, expected); \
    g_free (m_);                                                        \
  } G_STMT_END

static gboolean
has_warning (DsnetInferConfig * cfg, const gchar * text)
{
  for (guint i = 0; i < cfg->warnings->len; i++)
    if (g_str_equal (g_ptr_array_index (cfg->warnings, i), text))
      return TRUE;
  return FALSE;
}

GST_START_TEST (test_defaults)
{
  GError *e = NULL;
  DsnetInferConfig *cfg = load_text ("[property]\n", 0, &e);
  fail_unless (cfg != NULL);
  ck_assert_int_eq (cfg->gie_unique_id, 15);
  ck_assert_int_eq (cfg->process_mode, 1);
  ck_assert_int_eq (cfg->batch_size, 1);
  ck_assert_int_eq (cfg->operate_on_gie_id, -1);
  ck_assert_int_eq (cfg->secondary_reinfer_interval, G_MAXINT);
  ck_assert_int_eq (cfg->tensor_meta_pool_size, 2);
  ck_assert_int_eq (cfg->network_type, 0);
  ck_assert_int_eq (cfg->cluster_mode, 0);
  ck_assert_int_eq (cfg->max_gpu_mem_per, 99);
  fail_unless (!cfg->intra_op_spinning);
  fail_unless (cfg->overlap);
  fail_unless (cfg->net_scale_factor == 1.0);
  fail_unless (cfg->operate_on_class_ids == NULL);
  fail_unless (!cfg->has_infer_dims);
  fail_unless (cfg->class_attrs_all.pre_cluster_threshold == 0.2);
  fail_unless (cfg->class_attrs_all.nms_iou_threshold == 0.3);
  ck_assert_int_eq (cfg->class_attrs_all.topk, -1);
  fail_unless (cfg->class_attrs_all.border_color[0] == 1.0 && cfg->class_attrs_all.border_color[3] == 1.0);
  ck_assert_uint_eq (cfg->warnings->len, 0);
  dsnet_infer_config_free (cfg);
}
GST_END_TEST;

GST_START_TEST (test_all_types_and_paths)
{
  const gchar *text =
      "# face mask\n"
      "[property]\n"
      "gie-unique-id=3\n"
      "net-scale-factor=0.0078125\n"
      "offsets=127.0;127.0;127.0\n"
      "model-color-format=1\n"
      "onnx-file=models/m.onnx\n"
      "labelfile-path=/abs/labels.txt\n"
      "infer-dims=3;480;640\n"
      "batch-size=4\n"
      "network-input-order=1\n"
      "maintain-aspect-ratio=true\n"
      "symmetric-padding=1\n"
      "num-detected-classes=2\n"
      "cluster-mode=2\n"
      "output-blob-names=scores;boxes;\n"
      "operate-on-class-ids=0;1\n"
      "filter-out-class-ids=1\n"
      "parse-bbox-func-name=NvDsInferParseCustomSSDNormalized\n"
      "tensor-meta-pool-size=1\n"
      "classifier-threshold=0.51\n"
      "[class-attrs-all]\n"
      "pre-cluster-threshold=0.3\n"
      "topk=20\n"
      "border-color=0;1;0;1\n"
      "bg-color=0.1;0.2;0.3;0.4\n"
      "[dsnet]\n" "class-map=2;1\n" "intra-op-threads=2\n" "intra-op-spinning=1\n";
  GError *e = NULL;
  DsnetInferConfig *cfg = load_text (text, 0, &e);
  fail_unless (cfg != NULL, "%s", e ? e->message : "");
  ck_assert_int_eq (cfg->gie_unique_id, 3);
  fail_unless (cfg->net_scale_factor == 0.0078125);
  ck_assert_uint_eq (cfg->n_offsets, 3);
  fail_unless (cfg->offsets[2] == 127.0);
  ck_assert_int_eq (cfg->model_color_format, DSNET_COLOR_BGR);
  ck_assert_str_eq (cfg->onnx_file, "/cfg/dir/models/m.onnx");
  ck_assert_str_eq (cfg->labelfile_path, "/abs/labels.txt");
  fail_unless (cfg->has_infer_dims);
  ck_assert_int_eq (cfg->infer_dims[1], 480);
  ck_assert_int_eq (cfg->infer_dims[2], 640);
  ck_assert_int_eq (cfg->batch_size, 4);
  ck_assert_int_eq (cfg->network_input_order, 1);
  fail_unless (cfg->maintain_aspect_ratio && cfg->symmetric_padding);
  ck_assert_int_eq (cfg->cluster_mode, 2);
  ck_assert_uint_eq (g_strv_length (cfg->output_blob_names), 2);
  ck_assert_str_eq (cfg->output_blob_names[1], "boxes");
  ck_assert_uint_eq (cfg->n_operate_on_class_ids, 2);
  ck_assert_uint_eq (cfg->n_filter_out_class_ids, 1);
  ck_assert_int_eq (cfg->filter_out_class_ids[0], 1);
  ck_assert_str_eq (cfg->parse_bbox_func_name, "NvDsInferParseCustomSSDNormalized");
  ck_assert_int_eq (cfg->tensor_meta_pool_size, 2);     /* raised to the minimum */
  fail_unless (cfg->classifier_threshold == 0.51);
  ck_assert_uint_eq (cfg->n_class_attrs, 2);
  fail_unless (cfg->class_attrs[1].pre_cluster_threshold == 0.3);
  ck_assert_int_eq (cfg->class_attrs[0].topk, 20);
  fail_unless (cfg->class_attrs[0].border_color[1] == 1.0);
  fail_unless (cfg->class_attrs[0].has_bg_color && cfg->class_attrs[0].bg_color[3] == 0.4);
  ck_assert_uint_eq (cfg->n_class_map, 2);
  ck_assert_int_eq (cfg->class_map[0], 2);
  ck_assert_int_eq (cfg->intra_op_threads, 2);
  fail_unless (cfg->intra_op_spinning);
  ck_assert_uint_eq (dsnet_infer_config_key_line (cfg, "class-attrs-all", "topk"), 24);
  ck_assert_uint_eq (cfg->warnings->len, 0);
  dsnet_infer_config_free (cfg);
}
GST_END_TEST;

GST_START_TEST (test_class_attrs_precedence)
{
  const gchar *text =
      "[property]\nnum-detected-classes=3\n"
      "[class-attrs-2]\npre-cluster-threshold=0.9\n"
      "[class-attrs-all]\npre-cluster-threshold=0.4\nnms-iou-threshold=0.5\ntopk=7\n"
      "[class-attrs-0]\ntopk=3\n";
  GError *e = NULL;
  DsnetInferConfig *cfg = load_text (text, 0, &e);
  fail_unless (cfg != NULL, "%s", e ? e->message : "");
  ck_assert_uint_eq (cfg->n_class_attrs, 3);
  /* class 0: only topk overridden */
  ck_assert_int_eq (cfg->class_attrs[0].topk, 3);
  fail_unless (cfg->class_attrs[0].pre_cluster_threshold == 0.4);
  fail_unless (cfg->class_attrs[0].nms_iou_threshold == 0.5);
  /* class 1: all */
  ck_assert_int_eq (cfg->class_attrs[1].topk, 7);
  /* class 2: threshold overridden even though its group comes before class-attrs-all */
  fail_unless (cfg->class_attrs[2].pre_cluster_threshold == 0.9);
  ck_assert_int_eq (cfg->class_attrs[2].topk, 7);
  fail_unless (dsnet_infer_config_class_attrs (cfg, 5) == &cfg->class_attrs_all);
  dsnet_infer_config_free (cfg);
}
GST_END_TEST;

GST_START_TEST (test_class_attrs_only_for_detectors)
{
  /* classifiers do not read class-attrs groups at all (an invalid id is then not an error) */
  GError *e = NULL;
  DsnetInferConfig *cfg = load_text ("[property]\nnetwork-type=1\n[class-attrs-9]\ntopk=x\n", 0, &e);
  fail_unless (cfg != NULL);
  ck_assert_uint_eq (cfg->n_class_attrs, 0);
  dsnet_infer_config_free (cfg);
}
GST_END_TEST;

GST_START_TEST (test_errors_with_lines)
{
  /* a list value GKeyFile refuses (not UTF-8) is an error, not an empty list */
  gchar *m = load_error ("[property]\noutput-blob-names=a;\xff\n");
  fail_unless (g_str_has_prefix (m, "/cfg/dir/pgie.txt:2: [property] output-blob-names: "), "%s", m);
  g_free (m);
  /* an invalid escape: GKeyFile returns a string and an error; the error counts (fuzz_infer_config: it leaked) */
  m = load_error ("[property]\nonnx-file=a\\qb.onnx\n");
  fail_unless (g_str_has_prefix (m, "/cfg/dir/pgie.txt:2: [property] onnx-file: "), "%s", m);
  g_free (m);
  assert_error ("[property]\n\ngie-unique-id=0\n",
      "/cfg/dir/pgie.txt:3: [property] gie-unique-id: value 0 is out of range (must be >= 1)");
  assert_error ("[property]\nbatch-size=abc\n",
      "/cfg/dir/pgie.txt:2: [property] batch-size: expected an integer, got 'abc'");
  assert_error ("[property]\nbatch-size=2000\n",
      "/cfg/dir/pgie.txt:2: [property] batch-size: value 2000 is out of range (1 to 1024)");
  assert_error ("[property]\nprocess-mode=3\n",
      "/cfg/dir/pgie.txt:2: [property] process-mode: invalid value 3 (allowed: 1, 2)");
  assert_error ("[property]\nnetwork-type=5\n",
      "/cfg/dir/pgie.txt:2: [property] network-type: invalid value 5 (allowed: 0, 1, 2, 3, 100)");
  assert_error ("[property]\ncluster-mode=-1\n",
      "/cfg/dir/pgie.txt:2: [property] cluster-mode: value -1 is out of range (0 to 4)");
  assert_error ("[property]\nmaintain-aspect-ratio=yes\n",
      "/cfg/dir/pgie.txt:2: [property] maintain-aspect-ratio: expected a boolean (true, false, 1 or 0), got 'yes'");
  assert_error ("[property]\nnet-scale-factor=1/255\n",
      "/cfg/dir/pgie.txt:2: [property] net-scale-factor: expected a number, got '1/255'");
  assert_error ("[property]\ninfer-dims=3;480\n",
      "/cfg/dir/pgie.txt:2: [property] infer-dims: expected exactly 3 integers separated by ';', got 2");
  assert_error ("[property]\noffsets=1;2;3;4;5\n",
      "/cfg/dir/pgie.txt:2: [property] offsets: at most 4 values allowed, got 5");
  assert_error ("[property]\noperate-on-class-ids=0;x\n",
      "/cfg/dir/pgie.txt:2: [property] operate-on-class-ids: element 2 is not an integer: 'x'");
  assert_error ("[property]\nnum-detected-classes=2\n[class-attrs-all]\nnms-iou-threshold=1.5\n",
      "/cfg/dir/pgie.txt:4: [class-attrs-all] nms-iou-threshold: value 1.5 is out of range (0 to 1)");
  assert_error ("[property]\nnum-detected-classes=2\n[class-attrs-1]\n# c\nborder-color=1;0;0\n",
      "/cfg/dir/pgie.txt:5: [class-attrs-1] border-color: expected exactly 4 values separated by ';', got 3");
  assert_error ("[property]\nnum-detected-classes=2\n[class-attrs-2]\ntopk=1\n",
      "/cfg/dir/pgie.txt: group [class-attrs-2]: class id 2 must be < num-detected-classes (2)");
  assert_error ("[property]\nnum-detected-classes=2\n[class-attrs-x]\ntopk=1\n",
      "/cfg/dir/pgie.txt: group [class-attrs-x]: class id must be a decimal number or 'all'");
  assert_error ("[dsnet]\nclass-map=1\n", "/cfg/dir/pgie.txt: mandatory group [property] is missing");
  assert_error ("[property]\nthis is not a key\n",
      "/cfg/dir/pgie.txt:2: line 'this is not a key' is not a group, a key=value pair or a comment");
  assert_error ("batch-size=1\n[property]\n", "/cfg/dir/pgie.txt:1: key 'batch-size' appears before any [group]");
  assert_error ("[property\n", "/cfg/dir/pgie.txt:1: invalid group header '[property'");
  assert_error ("[property]\n[dsnet]\nclass-map=2;-1\n",
      "/cfg/dir/pgie.txt:3: [dsnet] class-map: element 2 (-1) must be >= 0");
  assert_error ("[property]\n[dsnet]\nintra-op-threads=-2\n",
      "/cfg/dir/pgie.txt:3: [dsnet] intra-op-threads: value -2 is out of range (0 to 1024)");
}
GST_END_TEST;

GST_START_TEST (test_io_error)
{
  GError *e = NULL;
  fail_unless (dsnet_infer_config_load ("/nonexistent/dir/x.txt", 0, &e) == NULL);
  fail_unless (g_str_has_prefix (e->message, "/nonexistent/dir/x.txt: cannot read nvinfer config file"),
      "%s", e->message);
  g_error_free (e);
}
GST_END_TEST;

GST_START_TEST (test_legacy_and_unknown_keys)
{
  const gchar *text =
      "[property]\n"
      "is-classifier=1\n"
      "input-dims=3;224;224;0\n"
      "enable-dbscan=true\n"
      "parse-func=4\n"
      "no-such-key=1\n"
      "[class-attrs-all]\nthreshold=0.6\nmystery=2\n" "[some-other-group]\nanything=goes\n";
  GError *e = NULL;
  DsnetInferConfig *cfg = load_text (text, 0, &e);
  fail_unless (cfg != NULL, "%s", e ? e->message : "");
  ck_assert_int_eq (cfg->network_type, 1);
  fail_unless (cfg->has_infer_dims);
  ck_assert_int_eq (cfg->infer_dims[0], 3);
  ck_assert_int_eq (cfg->infer_dims[2], 224);
  ck_assert_int_eq (cfg->cluster_mode, 1);
  fail_unless (has_warning (cfg, "/cfg/dir/pgie.txt:2: [property] is-classifier: legacy key, use network-type=1"));
  fail_unless (has_warning (cfg,
          "/cfg/dir/pgie.txt:3: [property] input-dims: deprecated key, use infer-dims (and network-input-order)"));
  fail_unless (has_warning (cfg, "/cfg/dir/pgie.txt:4: [property] enable-dbscan: deprecated key, use cluster-mode=1"));
  fail_unless (has_warning (cfg, "/cfg/dir/pgie.txt:5: [property] parse-func: unknown or legacy key, ignored"));
  fail_unless (has_warning (cfg, "/cfg/dir/pgie.txt:6: [property] no-such-key: unknown or legacy key, ignored"));
  /* classifier: class-attrs groups are not read, so no warning for them */
  ck_assert_uint_eq (cfg->warnings->len, 5);
  dsnet_infer_config_free (cfg);

  /* detector: threshold is the legacy alias of pre-cluster-threshold; infer-dims beats input-dims */
  text = "[property]\nnum-detected-classes=1\ninfer-dims=3;10;20\nuff-input-dims=3;224;224;1\n"
      "network-type=0\nis-classifier=1\ncluster-mode=2\nenable-dbscan=1\n"
      "[class-attrs-all]\nthreshold=0.6\nmystery=2\n";
  cfg = load_text (text, 0, &e);
  fail_unless (cfg != NULL, "%s", e ? e->message : "");
  ck_assert_int_eq (cfg->network_type, 0);
  ck_assert_int_eq (cfg->cluster_mode, 2);
  ck_assert_int_eq (cfg->infer_dims[1], 10);
  ck_assert_int_eq (cfg->uff_input_order, 0);
  fail_unless (cfg->class_attrs[0].pre_cluster_threshold == 0.6);
  fail_unless (has_warning (cfg,
          "/cfg/dir/pgie.txt:4: [property] uff-input-dims: deprecated key ignored because infer-dims is set"));
  fail_unless (has_warning (cfg,
          "/cfg/dir/pgie.txt:6: [property] is-classifier: legacy key ignored because network-type is set"));
  fail_unless (has_warning (cfg,
          "/cfg/dir/pgie.txt:8: [property] enable-dbscan: deprecated key ignored because cluster-mode is set"));
  fail_unless (has_warning (cfg,
          "/cfg/dir/pgie.txt:10: [class-attrs-all] threshold: deprecated key, use pre-cluster-threshold"));
  fail_unless (has_warning (cfg, "/cfg/dir/pgie.txt:11: [class-attrs-all] mystery: unknown or legacy key, ignored"));
  dsnet_infer_config_free (cfg);
}
GST_END_TEST;

GST_START_TEST (test_property_overrides_skip_keys)
{
  /* keys overridden by properties are not read at all: even invalid values do not fail */
  const gchar *text = "[property]\ngie-unique-id=0\nbatch-size=9999\noperate-on-gie-id=4\n"
      "operate-on-class-ids=0;1\ninterval=2\n";
  GError *e = NULL;
  DsnetInferConfig *cfg = load_text (text,
      DSNET_OVERRIDE_UNIQUE_ID | DSNET_OVERRIDE_BATCH_SIZE | DSNET_OVERRIDE_OPERATE_ON, &e);
  fail_unless (cfg != NULL, "%s", e ? e->message : "");
  ck_assert_int_eq (cfg->gie_unique_id, 15);
  ck_assert_int_eq (cfg->batch_size, 1);
  ck_assert_int_eq (cfg->operate_on_gie_id, -1);
  fail_unless (cfg->operate_on_class_ids == NULL);
  ck_assert_int_eq (cfg->interval, 2);
  dsnet_infer_config_free (cfg);
}
GST_END_TEST;

GST_START_TEST (test_relative_path_resolution_on_disk)
{
  /* existing files are canonicalised; missing ones keep the joined path */
  gchar *dir = g_dir_make_tmp ("dsnet-infer-XXXXXX", NULL);
  gchar *model = g_build_filename (dir, "model.onnx", NULL);
  g_file_set_contents (model, "x", 1, NULL);
  gchar *cfgpath = g_build_filename (dir, "sub", NULL);
  g_mkdir (cfgpath, 0700);
  gchar *cfgfile = g_build_filename (cfgpath, "c.txt", NULL);
  g_file_set_contents (cfgfile, "[property]\nonnx-file=../model.onnx\nlabelfile-path=missing.txt\n"
      "custom-lib-path=libdsnet_parsers.so\n[dsnet]\nroi-merge-iou-threshold=0.4\n", -1, NULL);
  GError *e = NULL;
  DsnetInferConfig *cfg = dsnet_infer_config_load (cfgfile, 0, &e);
  fail_unless (cfg != NULL, "%s", e ? e->message : "");
  char *real = realpath (model, NULL);
  ck_assert_str_eq (cfg->onnx_file, real);
  gchar *expected = g_build_filename (cfgpath, "missing.txt", NULL);
  ck_assert_str_eq (cfg->labelfile_path, expected);
  /* a bare library name that is not beside the config stays bare (dsnetinfer looks next to its plugin) */
  ck_assert_str_eq (cfg->custom_lib_path, "libdsnet_parsers.so");
  fail_unless (cfg->roi_merge_iou == 0.4);
  free (real);
  g_free (expected);
  dsnet_infer_config_free (cfg);
  g_unlink (cfgfile);
  g_rmdir (cfgpath);
  g_unlink (model);
  g_rmdir (dir);
  g_free (cfgfile);
  g_free (cfgpath);
  g_free (model);
  g_free (dir);
}
GST_END_TEST;

GST_START_TEST (test_id_list_and_labels)
{
  gint *ids = NULL;
  guint n = 0;
  fail_unless (dsnet_infer_parse_id_list ("0:2:3", &ids, &n));
  ck_assert_uint_eq (n, 3);
  ck_assert_int_eq (ids[2], 3);
  g_free (ids);
  fail_unless (dsnet_infer_parse_id_list ("", &ids, &n));
  ck_assert_uint_eq (n, 0);
  g_free (ids);
  fail_if (dsnet_infer_parse_id_list ("1;a", &ids, &n));

  DsnetInferLabels *l = dsnet_infer_labels_parse ("mask\r\n\nno-mask\ndefault\n");
  ck_assert_str_eq (dsnet_infer_labels_class (l, 0), "mask");
  ck_assert_str_eq (dsnet_infer_labels_class (l, 1), "no-mask");
  fail_unless (dsnet_infer_labels_class (l, 3) == NULL);
  dsnet_infer_labels_free (l);
  l = dsnet_infer_labels_parse ("red;green;blue\ncar;truck\n");
  ck_assert_str_eq (dsnet_infer_labels_attr (l, 0, 2), "blue");
  ck_assert_str_eq (dsnet_infer_labels_attr (l, 1, 1), "truck");
  fail_unless (dsnet_infer_labels_attr (l, 1, 2) == NULL);
  dsnet_infer_labels_free (l);
}
GST_END_TEST;

/* Every [property] key of DeepStream 6.3 (spec §2.1–§2.4) and every class attribute (§3) is known: a file
 * using them all gives no unknown-key warning. */
GST_START_TEST (test_every_key_known)
{
  const gchar *text =
      "[property]\n"
      "gie-unique-id=1\nprocess-mode=1\ninterval=0\ngpu-id=0\nbatch-size=1\noperate-on-gie-id=-1\n"
      "operate-on-class-ids=0\nfilter-out-class-ids=1\nsecondary-reinfer-interval=10\n"
      "input-object-min-width=1\ninput-object-min-height=1\ninput-object-max-width=0\n"
      "input-object-max-height=0\nclassifier-async-mode=0\noutput-tensor-meta=0\n"
      "output-instance-mask=0\ninput-tensor-from-meta=0\ncrop-objects-to-roi-boundary=0\n"
      "tensor-meta-pool-size=4\nmaintain-aspect-ratio=0\nsymmetric-padding=0\nscaling-filter=1\n"
      "scaling-compute-hw=0\nauto-inc-mem=1\nmax-gpu-mem-per=99\n"
      "network-type=0\nnetwork-mode=0\nmodel-engine-file=m.engine\nint8-calib-file=cal.bin\n"
      "tlt-encoded-model=m.etlt\ntlt-model-key=k\nonnx-file=m.onnx\nuff-file=m.uff\n"
      "uff-input-blob-name=input_1\nmodel-file=m.caffemodel\nproto-file=m.prototxt\n"
      "custom-network-config=net.cfg\nengine-create-func-name=f\ncustom-lib-path=lib.so\n"
      "infer-dims=3;544;960\nuff-input-order=0\nnetwork-input-order=0\nforce-implicit-batch-dim=0\n"
      "workspace-size=100\nenable-dla=0\nuse-dla-core=0\noutput-blob-names=a;b\n"
      "output-io-formats=a:fp32:chw\nlayer-device-precision=a:fp16:gpu\n"
      "net-scale-factor=1\noffsets=1;2;3\nmean-file=mean.ppm\nmodel-color-format=0\n"
      "num-detected-classes=2\ncluster-mode=2\nparse-bbox-func-name=f\n"
      "parse-bbox-instance-mask-func-name=g\nparse-classifier-func-name=h\nclassifier-threshold=0.5\n"
      "classifier-type=t\nsegmentation-threshold=0.5\nsegmentation-output-order=0\nlabelfile-path=l.txt\n"
      "[class-attrs-all]\n"
      "pre-cluster-threshold=0.1\npost-cluster-threshold=0.1\neps=0.2\nminBoxes=1\ndbscan-min-score=0.5\n"
      "group-threshold=1\nnms-iou-threshold=0.5\ntopk=10\nroi-top-offset=1\nroi-bottom-offset=1\n"
      "detected-min-w=1\ndetected-min-h=1\ndetected-max-w=100\ndetected-max-h=100\n"
      "border-color=1;0;0;1\nbg-color=0;0;0;0.5\n";
  GError *e = NULL;
  DsnetInferConfig *cfg = load_text (text, 0, &e);
  fail_unless (cfg != NULL, "%s", e ? e->message : "");
  for (guint i = 0; i < cfg->warnings->len; i++)
    fail ("unexpected warning: %s", (const gchar *) g_ptr_array_index (cfg->warnings, i));
  ck_assert_int_eq (cfg->scaling_filter, 1);
  ck_assert_int_eq (cfg->workspace_size, 100);
  ck_assert_str_eq (cfg->tlt_model_key, "k");
  ck_assert_str_eq (cfg->custom_network_config, "net.cfg");     /* str, not resolved */
  ck_assert_str_eq (cfg->mean_file, "/cfg/dir/mean.ppm");
  ck_assert_str_eq (cfg->output_io_formats[0], "a:fp32:chw");
  ck_assert_int_eq (cfg->class_attrs[1].min_boxes, 1);
  fail_unless (cfg->class_attrs[1].dbscan_min_score == 0.5);
  ck_assert_int_eq (cfg->class_attrs[1].detected_max_h, 100);
  dsnet_infer_config_free (cfg);
}
GST_END_TEST;

static Suite *
infer_config_suite (void)
{
  Suite *s = suite_create ("infer_config");
  TCase *tc = tcase_create ("general");
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_defaults);
  tcase_add_test (tc, test_all_types_and_paths);
  tcase_add_test (tc, test_class_attrs_precedence);
  tcase_add_test (tc, test_class_attrs_only_for_detectors);
  tcase_add_test (tc, test_errors_with_lines);
  tcase_add_test (tc, test_io_error);
  tcase_add_test (tc, test_legacy_and_unknown_keys);
  tcase_add_test (tc, test_property_overrides_skip_keys);
  tcase_add_test (tc, test_relative_path_resolution_on_disk);
  tcase_add_test (tc, test_id_list_and_labels);
  tcase_add_test (tc, test_every_key_known);
  return s;
}

DSNET_CHECK_ORT_MAIN (infer_config);
