/* Element registrations of libgstdsnet (one line per element, keep alphabetical). */
#ifndef DSNET_ELEMENTS_H
#define DSNET_ELEMENTS_H

#include <gst/gst.h>

G_BEGIN_DECLS

GST_ELEMENT_REGISTER_DECLARE (dsnetinfer);
GST_ELEMENT_REGISTER_DECLARE (dsnetmultistreamtiler);
GST_ELEMENT_REGISTER_DECLARE (dsnetosd);
GST_ELEMENT_REGISTER_DECLARE (dsnetpreprocess);
GST_ELEMENT_REGISTER_DECLARE (dsnetstreamdemux);
GST_ELEMENT_REGISTER_DECLARE (dsnetstreammux);
GST_ELEMENT_REGISTER_DECLARE (dsnettracker);
GST_ELEMENT_REGISTER_DECLARE (dsnetvideoconvert);

G_END_DECLS

#endif /* DSNET_ELEMENTS_H */
