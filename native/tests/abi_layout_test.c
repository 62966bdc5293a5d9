/* Compile-time layout checks of the DeepStream 6.x headers (abbreviated; the metadata work completes it from the spec). */
#include <stddef.h>
#include <stddef.h>
#include "gstnvdsmeta.h"
_Static_assert(sizeof(NvDsBatchMeta)==192,"b");
_Static_assert(sizeof(NvDsFrameMeta)==200,"f");
_Static_assert(sizeof(NvDsObjectMeta)==544,"o");
_Static_assert(offsetof(NvDsObjectMeta,obj_label)==336,"ol");
_Static_assert(sizeof(NvDsClassifierMeta)==64,"c");
_Static_assert(sizeof(NvDsLabelInfo)==200,"l");
_Static_assert(sizeof(NvDsDisplayMeta)==6912,"d");
_Static_assert(offsetof(NvDsDisplayMeta,circle_params)==5312,"dc");
_Static_assert(sizeof(NvDsUserMeta)==48,"u");
_Static_assert(sizeof(NvDsMeta)==72,"m");
_Static_assert(sizeof(NvDsMetaPool)==56,"p");
_Static_assert(sizeof(NvOSD_TextParams)==104,"t");
_Static_assert(sizeof(NvOSD_CircleParams)==96,"ci");
_Static_assert(sizeof(NvOSD_ArrowParams)==64,"a");
_Static_assert(NVDS_CUSTOM_MSG_BLOB==22 && NVDS_START_USER_META==8193 && NVDS_AUDIO_BATCH_META==18,"e");
int main(void){return 0;}
