/* A job on a worker thread, one at a time: dsnetinfer runs ONNX Runtime, attaches the results and pushes the
 * buffer there, so its streaming thread can preprocess the next batch meanwhile (README § Overlap and threads). */
#ifndef DSNET_INFER_OVERLAP_H
#define DSNET_INFER_OVERLAP_H

#include <glib.h>

G_BEGIN_DECLS

typedef void (*DsnetWorkerJob) (gpointer user_data);
typedef struct _DsnetWorker DsnetWorker;

DsnetWorker *dsnet_worker_new (const gchar * thread_name, DsnetWorkerJob job, gpointer user_data);
/* Waits for the job in flight and ends the thread. */
void dsnet_worker_free (DsnetWorker * worker);

/* Runs the job once on the worker; call dsnet_worker_wait first if one may be in flight. */
void dsnet_worker_submit (DsnetWorker * worker);
/* Returns when no job is in flight (at once when none was submitted). */
void dsnet_worker_wait (DsnetWorker * worker);

G_END_DECLS

#endif
