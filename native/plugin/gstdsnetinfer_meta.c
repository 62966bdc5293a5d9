/* dsnetinfer: DeepStream metadata written from inference results. See gstdsnetinfer_meta.h. */
#include "gstdsnetinfer_meta.h"

#include <string.h>

#include "dsnet_infer_meta.h"

static gpointer
tensor_meta_copy (gpointer data, gpointer user_data)
{
  (void) user_data;
  NvDsUserMeta *um = data;
  NvDsInferTensorMeta *src = um->user_meta_data;
  NvDsInferTensorMeta *dst = g_memdup2 (src, sizeof (*src));
  guint n = src->num_output_layers;
  dst->output_layers_info = g_memdup2 (src->output_layers_info, n * sizeof (NvDsInferLayerInfo));
  dst->out_buf_ptrs_host = g_new0 (void *, MAX (n, 1));
  dst->out_buf_ptrs_dev = g_new0 (void *, MAX (n, 1));
  for (guint i = 0; i < n; i++) {
    gsize bytes = (gsize) src->output_layers_info[i].inferDims.numElements * sizeof (gfloat);
    dst->out_buf_ptrs_host[i] = g_memdup2 (src->out_buf_ptrs_host[i], bytes);
    dst->output_layers_info[i].buffer = dst->out_buf_ptrs_host[i];
    dst->output_layers_info[i].layerName = g_intern_string (src->output_layers_info[i].layerName);
  }
  return dst;
}

static void
tensor_meta_release (gpointer data, gpointer user_data)
{
  (void) user_data;
  NvDsUserMeta *um = data;
  NvDsInferTensorMeta *m = um->user_meta_data;
  if (m == NULL)
    return;
  for (guint i = 0; i < m->num_output_layers; i++)
    g_free (m->out_buf_ptrs_host[i]);
  g_free (m->out_buf_ptrs_host);
  g_free (m->out_buf_ptrs_dev);
  g_free (m->output_layers_info);
  g_free (m);
  um->user_meta_data = NULL;
}

NvDsUserMeta *
dsnet_infer_make_tensor_meta (NvDsBatchMeta * batch, DsnetOrtOutputs * out, guint item,
    const DsnetInferConfig * cfg, const DsnetPreprocess * pp)
{
  NvDsUserMeta *um = nvds_acquire_user_meta_from_pool (batch);
  if (um == NULL)
    return NULL;
  NvDsInferTensorMeta *m = g_new0 (NvDsInferTensorMeta, 1);
  m->unique_id = (guint) cfg->gie_unique_id;
  m->num_output_layers = out->n;
  m->output_layers_info = g_new0 (NvDsInferLayerInfo, MAX (out->n, 1));
  m->out_buf_ptrs_host = g_new0 (void *, MAX (out->n, 1));
  m->out_buf_ptrs_dev = g_new0 (void *, MAX (out->n, 1));
  m->gpu_id = cfg->gpu_id;
  m->network_info.width = (guint) pp->net_w;
  m->network_info.height = (guint) pp->net_h;
  m->network_info.channels = (guint) pp->channels;
  m->maintain_aspect_ratio = cfg->maintain_aspect_ratio;
  for (guint i = 0; i < out->n; i++) {
    NvDsInferLayerInfo *li = &m->output_layers_info[i];
    dsnet_ort_outputs_layer_info (out, i, item, li);
    m->out_buf_ptrs_host[i] = g_memdup2 (li->buffer, (gsize) li->inferDims.numElements * sizeof (gfloat));
    li->buffer = m->out_buf_ptrs_host[i];
  }
  um->user_meta_data = m;
  um->base_meta.meta_type = NVDSINFER_TENSOR_OUTPUT_META;
  um->base_meta.copy_func = tensor_meta_copy;
  um->base_meta.release_func = tensor_meta_release;
  return um;
}

void
dsnet_infer_fill_object_meta (NvDsObjectMeta * om, const DsnetInferConfig * cfg,
    const DsnetInferLabels * labels, gint class_id, gfloat conf, gdouble left,
    gdouble top, gdouble width, gdouble height)
{
  const DsnetInferClassAttrs *a = dsnet_infer_config_class_attrs (cfg, class_id);
  om->unique_component_id = cfg->gie_unique_id;
  om->confidence = conf;
  om->object_id = UNTRACKED_OBJECT_ID;
  om->class_id = class_id;
  NvOSD_RectParams *r = &om->rect_params;
  r->left = (gfloat) left;
  r->top = (gfloat) top;
  r->width = (gfloat) width;
  r->height = (gfloat) height;
  om->detector_bbox_info.org_bbox_coords.left = r->left;
  om->detector_bbox_info.org_bbox_coords.top = r->top;
  om->detector_bbox_info.org_bbox_coords.width = r->width;
  om->detector_bbox_info.org_bbox_coords.height = r->height;
  r->border_width = 3;
  r->border_color.red = a->border_color[0];
  r->border_color.green = a->border_color[1];
  r->border_color.blue = a->border_color[2];
  r->border_color.alpha = a->border_color[3];
  r->has_bg_color = a->has_bg_color ? 1 : 0;
  if (a->has_bg_color) {
    r->bg_color.red = a->bg_color[0];
    r->bg_color.green = a->bg_color[1];
    r->bg_color.blue = a->bg_color[2];
    r->bg_color.alpha = a->bg_color[3];
  }
  const gchar *label = dsnet_infer_labels_class (labels, class_id);
  if (label != NULL)
    g_strlcpy (om->obj_label, label, MAX_LABEL_SIZE);
  NvOSD_TextParams *t = &om->text_params;
  g_free (t->display_text);
  t->display_text = label ? g_strdup (label) : NULL;
  t->x_offset = (guint) MAX (left, 0.0);
  t->y_offset = (guint) MAX (top - 10, 0.0);
  t->set_bg_clr = 1;
  t->text_bg_clr.red = t->text_bg_clr.green = t->text_bg_clr.blue = 0.0;
  t->text_bg_clr.alpha = 1.0;
  t->font_params.font_name = (char *) "Serif";
  t->font_params.font_size = 11;
  t->font_params.font_color.red = t->font_params.font_color.green = t->font_params.font_color.blue = 1.0;
  t->font_params.font_color.alpha = 1.0;
}

void
dsnet_infer_attach_classifier_meta (NvDsBatchMeta * batch, NvDsObjectMeta * om, GArray * labels,
    gint unique_id, const gchar * classifier_type)
{
  if (labels->len == 0)
    return;
  NvDsClassifierMeta *cm = nvds_acquire_classifier_meta_from_pool (batch);
  if (cm == NULL)
    return;
  cm->unique_component_id = unique_id;
  cm->classifier_type = classifier_type;
  for (guint i = 0; i < labels->len; i++) {
    const NvDsLabelInfo *src = &g_array_index (labels, NvDsLabelInfo, i);
    NvDsLabelInfo *li = nvds_acquire_label_info_meta_from_pool (batch);
    if (li == NULL)
      break;
    li->num_classes = src->num_classes;
    memcpy (li->result_label, src->result_label, MAX_LABEL_SIZE);
    li->pResult_label = NULL;
    li->result_class_id = src->result_class_id;
    li->label_id = src->label_id;
    li->result_prob = src->result_prob;
    nvds_add_label_info_meta_to_classifier (cm, li);
  }
  cm->num_labels = labels->len;
  nvds_add_classifier_meta_to_object (om, cm);
}

/* Classifier output of one image: arg-max per output layer (attribute) above classifier-threshold. */
GArray *
dsnet_infer_classify (DsnetOrtOutputs * out, guint item, gdouble threshold,
    const DsnetInferLabels * labels)
{
  GArray *result = g_array_new (FALSE, TRUE, sizeof (NvDsLabelInfo));
  for (guint l = 0; l < out->n; l++) {
    const DsnetTensorDesc *d = &out->desc[l];
    gsize per = 1;
    for (gsize k = 1; k < d->n_dims; k++)
      per *= (gsize) d->dims[k];
    const gfloat *p = out->data[l] + per * item;
    gsize best = 0;
    for (gsize k = 1; k < per; k++)
      if (p[k] > p[best])
        best = k;
    if (per == 0 || !(p[best] > threshold))
      continue;
    NvDsLabelInfo li;
    memset (&li, 0, sizeof (li));
    li.num_classes = (guint) per;
    li.result_class_id = (guint) best;
    li.label_id = l;
    li.result_prob = p[best];
    const gchar *text = dsnet_infer_labels_attr (labels, l, (gint) best);
    if (text)
      g_strlcpy (li.result_label, text, MAX_LABEL_SIZE);
    g_array_append_val (result, li);
  }
  return result;
}
