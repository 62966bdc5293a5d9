/*
 * Linked into every test executable of the ASan tree (SANITIZERS.md). Allocations made by the ELF constructors of
 * the shared libraries (before main) are not leak-checked: GLib's constructor allocates the first quark block there
 * and drops it on purpose when the quark table grows (valgrind.supp's glib-quark-initial-block). LeakSanitizer's
 * fast unwinder cannot see through GLib's frames, so a suppression cannot name that allocation; ignoring the
 * constructor phase can. Our libraries have no ELF constructors, so nothing of ours is hidden.
 */
#include <sanitizer/lsan_interface.h>

static void
leak_checks_off (void)
{
  __lsan_disable ();
}

/* .preinit_array runs before any shared library's constructor; the executable's constructor after all of them. */
__attribute__((section (".preinit_array"), used))
static void (*const dsnet_asan_preinit) (void) = leak_checks_off;

__attribute__((constructor))
static void
leak_checks_on (void)
{
  __lsan_enable ();
}
