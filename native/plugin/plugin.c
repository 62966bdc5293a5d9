/*
 * libgstdsnet: the portable DeepStreamNet elements. One plugin_init registers every element; each
 * element lives in its own file pair and declares itself in elements.h.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <gst/gst.h>

#include "elements.h"

static gboolean
plugin_init (GstPlugin * plugin)
{
  gboolean ok = TRUE;

  /* One line per element (keep alphabetical). */
  ok &= GST_ELEMENT_REGISTER (dsnetinfer, plugin);
  ok &= GST_ELEMENT_REGISTER (dsnetmultistreamtiler, plugin);
  ok &= GST_ELEMENT_REGISTER (dsnetosd, plugin);
  ok &= GST_ELEMENT_REGISTER (dsnetpreprocess, plugin);
  ok &= GST_ELEMENT_REGISTER (dsnetstreamdemux, plugin);
  ok &= GST_ELEMENT_REGISTER (dsnetstreammux, plugin);
  ok &= GST_ELEMENT_REGISTER (dsnettracker, plugin);
  ok &= GST_ELEMENT_REGISTER (dsnetvideoconvert, plugin);

  return ok;
}

#define PACKAGE "deepstreamnet"
GST_PLUGIN_DEFINE (GST_VERSION_MAJOR, GST_VERSION_MINOR, dsnet,
    "DeepStreamNet portable runtime: batching, inference, tracking, tiling and OSD on the CPU",
    plugin_init, "0.1.0", "MIT", "DeepStreamNet", "https://deepstreamnet.invalid")
