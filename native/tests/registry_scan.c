/* ASan tree only (SANITIZERS.md): builds the tests' GStreamer registry once, before any test runs (CTest fixture
 * gst_registry). With GST_REGISTRY_FORK=no the scan loads every system plugin into the scanning process, and some of
 * them keep global state on purpose (libudev monitors, OpenNI2 drivers, GLib blocks allocated where LeakSanitizer's
 * fast unwinder cannot see the caller). Scanning here with leak detection off keeps that out of the tests, which then
 * read the cached registry and load only the plugins they use. */
#include <gst/gst.h>

int
main (int argc, char **argv)
{
  gst_init (&argc, &argv);
  GList *plugins = gst_registry_get_plugin_list (gst_registry_get ());
  guint n = g_list_length (plugins);
  gst_plugin_list_free (plugins);
  g_print ("test registry: %u plugins\n", n);
  return n > 0 ? 0 : 1;
}
