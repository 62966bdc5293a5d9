/* Shared by the libFuzzer targets of the C parsers (see native/tests/FUZZING.md). */
#ifndef DSNET_FUZZ_TARGET_H
#define DSNET_FUZZ_TARGET_H

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t * data, size_t size);

/* A refused input must come with a message that says something (a crash, not a silent NULL, otherwise). */
static inline void
fuzz_check_error (GError * e)
{
  g_assert_nonnull (e);
  g_assert_nonnull (e->message);
  g_assert_true (e->message[0] != '\0');
  g_error_free (e);
}

#endif /* DSNET_FUZZ_TARGET_H */
