/*
 * LeakSanitizer (ASan tree only, no-ops elsewhere): allocations made between DSNET_LSAN_IGNORE_BEGIN and
 * DSNET_LSAN_IGNORE_END are not leak-checked. Only around third-party calls that drop memory on purpose and whose
 * frames LeakSanitizer's fast unwinder cannot name for lsan.supp; each use says why (SANITIZERS.md).
 */
#ifndef DSNET_LSAN_IGNORE_H
#define DSNET_LSAN_IGNORE_H

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#define DSNET_LSAN_IGNORE_BEGIN() __lsan_disable ()
#define DSNET_LSAN_IGNORE_END() __lsan_enable ()
#else
#define DSNET_LSAN_IGNORE_BEGIN() do { } while (0)
#define DSNET_LSAN_IGNORE_END() do { } while (0)
#endif

#endif /* DSNET_LSAN_IGNORE_H */
