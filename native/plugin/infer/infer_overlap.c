/* Worker thread of one job at a time: see infer_overlap.h. */
#include "infer_overlap.h"

struct _DsnetWorker
{
  DsnetWorkerJob job;
  gpointer user_data;
  GThread *thread;
  GMutex lock;
  GCond cond;
  gboolean queued;              /* submitted and not finished */
  gboolean quit;
};

static gpointer
worker_main (gpointer data)
{
  DsnetWorker *w = data;
  g_mutex_lock (&w->lock);
  for (;;) {
    while (!w->queued && !w->quit)
      g_cond_wait (&w->cond, &w->lock);
    if (!w->queued)
      break;
    g_mutex_unlock (&w->lock);
    w->job (w->user_data);
    g_mutex_lock (&w->lock);
    w->queued = FALSE;
    g_cond_broadcast (&w->cond);
  }
  g_mutex_unlock (&w->lock);
  return NULL;
}

DsnetWorker *
dsnet_worker_new (const gchar * thread_name, DsnetWorkerJob job, gpointer user_data)
{
  DsnetWorker *w = g_new0 (DsnetWorker, 1);
  w->job = job;
  w->user_data = user_data;
  g_mutex_init (&w->lock);
  g_cond_init (&w->cond);
  w->thread = g_thread_new (thread_name, worker_main, w);
  return w;
}

void
dsnet_worker_submit (DsnetWorker * w)
{
  g_mutex_lock (&w->lock);
  g_warn_if_fail (!w->queued);
  w->queued = TRUE;
  g_cond_broadcast (&w->cond);
  g_mutex_unlock (&w->lock);
}

void
dsnet_worker_wait (DsnetWorker * w)
{
  g_mutex_lock (&w->lock);
  while (w->queued)
    g_cond_wait (&w->cond, &w->lock);
  g_mutex_unlock (&w->lock);
}

void
dsnet_worker_free (DsnetWorker * w)
{
  if (w == NULL)
    return;
  g_mutex_lock (&w->lock);
  while (w->queued)
    g_cond_wait (&w->cond, &w->lock);
  w->quit = TRUE;
  g_cond_broadcast (&w->cond);
  g_mutex_unlock (&w->lock);
  g_thread_join (w->thread);
  g_mutex_clear (&w->lock);
  g_cond_clear (&w->cond);
  g_free (w);
}
