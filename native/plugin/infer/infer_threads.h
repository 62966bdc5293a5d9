/* How many ONNX Runtime intra-op threads a dsnetinfer uses when none are configured (README § Overlap and
 * threads). */
#ifndef DSNET_INFER_THREADS_H
#define DSNET_INFER_THREADS_H

#include <gst/gst.h>

G_BEGIN_DECLS

/* What else competes for the cores, counted over the top-level bin the element is in. */
typedef struct
{
  gint cores;                   /* CPUs this process may run on (affinity mask) */
  gint encoders;                /* elements of class Encoder: each keeps one core busy */
  gint primary_inferences;      /* inference elements on whole frames (this one included) */
} DsnetThreadBudget;

void dsnet_thread_budget_measure (GstElement * element, DsnetThreadBudget * budget);
/* max(1, (cores − encoders) / primary inference elements) */
gint dsnet_thread_budget_intra_op (const DsnetThreadBudget * budget);

G_END_DECLS

#endif
