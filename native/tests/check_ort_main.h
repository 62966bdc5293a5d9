/* GST_CHECK_MAIN for tests that load ONNX Runtime.
 *
 * ONNX Runtime (1.31) starts a process-wide thread with the first OrtEnv that outlives ReleaseEnv and is never joined:
 * during exit() its static destructors free data that thread still reads (valgrind: "Invalid read ... free'd by
 * __run_exit_handlers", seen at random in the *.valgrind twins; a ten-line program that only creates and releases an
 * env shows it every time). Every element, session and env of the test is released before the suite returns; the
 * process then ends with _exit() after flushing stdio, so ONNX Runtime's exit handlers never race its own thread and
 * valgrind's leak check (run at process end either way) stays deterministic. */
#ifndef DSNET_CHECK_ORT_MAIN_H
#define DSNET_CHECK_ORT_MAIN_H

#include <stdio.h>
#include <unistd.h>
#include <gst/check/gstcheck.h>

#include "lsan_ignore.h"

#define DSNET_CHECK_ORT_MAIN(name)                                    \
int main (int argc, char **argv)                                      \
{                                                                     \
  Suite *s;                                                           \
  int failed;                                                         \
  /* gst_check_init adds a log function: see lsan_ignore.h */         \
  DSNET_LSAN_IGNORE_BEGIN ();                                         \
  gst_check_init (&argc, &argv);                                      \
  DSNET_LSAN_IGNORE_END ();                                           \
  s = name ## _suite ();                                              \
  failed = gst_check_run_suite (s, # name, __FILE__);                 \
  fflush (stdout);                                                    \
  fflush (stderr);                                                    \
  _exit (failed == 0 ? 0 : 1);                                        \
}

#endif
