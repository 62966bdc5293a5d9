/* The intra-op thread rule: see infer_threads.h. Trackers, OSDs, tilers and secondary classifiers are not
 * counted: each costs a small fraction of a primary detector's run (tracker ≈ 0.1 ms, OSD ≈ 1 ms per frame
 * against 50–150 ms), while an encoder or another full-frame detector keeps a core busy. */
#define _GNU_SOURCE             /* sched_getaffinity */
#include "infer_threads.h"

#include <sched.h>
#include <string.h>

static gint
online_cores (void)
{
  cpu_set_t set;
  CPU_ZERO (&set);
  if (sched_getaffinity (0, sizeof (set), &set) == 0 && CPU_COUNT (&set) > 0)
    return CPU_COUNT (&set);
  return (gint) MAX (g_get_num_processors (), 1);
}

static gboolean
is_primary_inference (GstElement * e)
{
  GstElementFactory *f = gst_element_get_factory (e);
  if (f == NULL)
    return FALSE;
  const gchar *name = gst_plugin_feature_get_name (GST_PLUGIN_FEATURE (f));
  if (g_strcmp0 (name, "dsnetinfer") != 0 && g_strcmp0 (name, "nvinfer") != 0)
    return FALSE;
  GParamSpec *p = g_object_class_find_property (G_OBJECT_GET_CLASS (e), "process-mode");
  if (p == NULL || !G_IS_PARAM_SPEC_ENUM (p))
    return TRUE;
  gint mode = 1;
  g_object_get (e, "process-mode", &mode, NULL);
  return mode == 1;
}

static gboolean
is_encoder (GstElement * e)
{
  GstElementFactory *f = gst_element_get_factory (e);
  const gchar *klass = f ? gst_element_factory_get_metadata (f, GST_ELEMENT_METADATA_KLASS) : NULL;
  return klass != NULL && strstr (klass, "Encoder") != NULL;
}

static void
count_element (const GValue * item, gpointer data)
{
  GstElement *e = g_value_get_object (item);
  DsnetThreadBudget *b = data;
  if (is_encoder (e))
    b->encoders++;
  else if (is_primary_inference (e))
    b->primary_inferences++;
}

void
dsnet_thread_budget_measure (GstElement * element, DsnetThreadBudget * budget)
{
  memset (budget, 0, sizeof (*budget));
  budget->cores = online_cores ();
  GstObject *top = gst_object_ref (GST_OBJECT (element));
  for (GstObject * p = gst_object_get_parent (top); p != NULL; p = gst_object_get_parent (top)) {
    gst_object_unref (top);
    top = p;
  }
  if (GST_IS_BIN (top)) {
    GstIterator *it = gst_bin_iterate_recurse (GST_BIN (top));
    while (gst_iterator_foreach (it, count_element, budget) == GST_ITERATOR_RESYNC) {
      gst_iterator_resync (it);
      budget->encoders = budget->primary_inferences = 0;
    }
    gst_iterator_free (it);
  }
  gst_object_unref (top);
  /* the element itself, when it is not in a bin yet (or is a secondary one: it still needs a thread) */
  budget->primary_inferences = MAX (budget->primary_inferences, 1);
}

gint
dsnet_thread_budget_intra_op (const DsnetThreadBudget * b)
{
  gint free_cores = b->cores - b->encoders;
  return MAX (1, free_cores / MAX (b->primary_inferences, 1));
}
