/* Element registrations of libgstdsnet (one line per element, keep alphabetical). */
#ifndef DSNET_ELEMENTS_H
#define DSNET_ELEMENTS_H

#include <gst/gst.h>

G_BEGIN_DECLS

GST_ELEMENT_REGISTER_DECLARE (dsnetinfer);
G_END_DECLS

#endif /* DSNET_ELEMENTS_H */
