/* Placeholder until the metadata library lands; replaced by the real sources. */
#include "nvdsmeta.h"
int dsnet_meta_placeholder (void);
int dsnet_meta_placeholder (void) { return 0; }
