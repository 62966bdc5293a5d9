/*
 * DeepStreamNet — DeepStream 6.x-compatible event-message schema (nvdsmeta_schema.h).
 *
 * The event-message metadata an application attaches to frames for message conversion (NvDsEventMsgMeta and its
 * object extensions), with the same type, field and enum names and the same LP64 layout as DeepStream 6.3. Written
 * from the project's specification (shared/spec/deepstream-events-and-rest.md §1); types only — the portable
 * runtime converts these messages in managed code (src/DeepStreamNet.Service).
 */
#ifndef DSNET_NVDSMETA_SCHEMA_H
#define DSNET_NVDSMETA_SCHEMA_H

#include <glib.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Event kind (full-schema event.type text: entry, exit, moving, stopped, empty, parked, reset). */
typedef enum NvDsEventType
{
  NVDS_EVENT_ENTRY,
  NVDS_EVENT_EXIT,
  NVDS_EVENT_MOVING,
  NVDS_EVENT_STOPPED,
  NVDS_EVENT_EMPTY,
  NVDS_EVENT_PARKED,
  NVDS_EVENT_RESET,
  NVDS_EVENT_RESERVED = 0x100,
  NVDS_EVENT_CUSTOM = 0x101,
  NVDS_EVENT_FORCE32 = 0x7FFFFFFF
} NvDsEventType;

/** Object kind: selects how extMsg is read. */
typedef enum NvDsObjectType
{
  NVDS_OBJECT_TYPE_VEHICLE,
  NVDS_OBJECT_TYPE_PERSON,
  NVDS_OBJECT_TYPE_FACE,
  NVDS_OBJECT_TYPE_BAG,
  NVDS_OBJECT_TYPE_BICYCLE,
  NVDS_OBJECT_TYPE_ROADSIGN,
  NVDS_OBJECT_TYPE_VEHICLE_EXT,
  NVDS_OBJECT_TYPE_PERSON_EXT,
  NVDS_OBJECT_TYPE_FACE_EXT,
  NVDS_OBJECT_TYPE_PRODUCT,
  NVDS_OBJECT_TYPE_PRODUCT_EXT,
  NVDS_OBJECT_TYPE_RESERVED = 0x100,
  NVDS_OBJECT_TYPE_CUSTOM = 0x101,
  NVDS_OBJECT_TYPE_UNKNOWN = 0x102,
  NVDS_OBEJCT_TYPE_FORCE32 = 0x7FFFFFFF /* sic, as DeepStream spells it */
} NvDsObjectType;

/** Message schema (nvmsgconv payload-type). */
typedef enum NvDsPayloadType
{
  NVDS_PAYLOAD_DEEPSTREAM,
  NVDS_PAYLOAD_DEEPSTREAM_MINIMAL,
  NVDS_PAYLOAD_DEEPSTREAM_PROTOBUF,
  NVDS_PAYLOAD_RESERVED = 0x100,
  NVDS_PAYLOAD_CUSTOM = 0x101,
  NVDS_PAYLOAD_FORCE32 = 0x7FFFFFFF
} NvDsPayloadType;

/** A box in pixels; note top before left. */
typedef struct NvDsRect
{
  float top;
  float left;
  float width;
  float height;
} NvDsRect;

typedef struct NvDsGeoLocation
{
  gdouble lat;
  gdouble lon;
  gdouble alt;
} NvDsGeoLocation;

typedef struct NvDsCoordinate
{
  gdouble x;
  gdouble y;
  gdouble z;
} NvDsCoordinate;

/** size doubles at signature. */
typedef struct NvDsObjectSignature
{
  gdouble *signature;
  guint size;
} NvDsObjectSignature;

typedef struct NvDsVehicleObject
{
  gchar *type;
  gchar *make;
  gchar *model;
  gchar *color;
  gchar *region;
  gchar *license;
} NvDsVehicleObject;

typedef struct NvDsPersonObject
{
  gchar *gender;
  gchar *hair;
  gchar *cap;
  gchar *apparel;
  guint age;
} NvDsPersonObject;

typedef struct NvDsFaceObject
{
  gchar *gender;
  gchar *hair;
  gchar *cap;
  gchar *glasses;
  gchar *facialhair;
  gchar *name;
  gchar *eyecolor;
  guint age;
} NvDsFaceObject;

/* The *_EXT variants add a polygon list: each GList element is a GArray of gdouble. */
typedef struct NvDsVehicleObjectExt
{
  gchar *type;
  gchar *make;
  gchar *model;
  gchar *color;
  gchar *region;
  gchar *license;
  GList *mask;
} NvDsVehicleObjectExt;

typedef struct NvDsPersonObjectExt
{
  gchar *gender;
  gchar *hair;
  gchar *cap;
  gchar *apparel;
  guint age;
  GList *mask;
} NvDsPersonObjectExt;

typedef struct NvDsFaceObjectWithExt
{
  gchar *gender;
  gchar *hair;
  gchar *cap;
  gchar *glasses;
  gchar *facialhair;
  gchar *name;
  gchar *eyecolor;
  guint age;
  GList *mask;
} NvDsFaceObjectExt;

typedef struct NvDsProductObject
{
  gchar *brand;
  gchar *type;
  gchar *shape;
} NvDsProductObject;

typedef struct NvDsProductObjectExt
{
  gchar *brand;
  gchar *type;
  gchar *shape;
  GList *mask;
} NvDsProductObjectExt;

typedef struct NvDsJoint
{
  float x;
  float y;
  float z;
  float confidence;
} NvDsJoint;

/** pose_type: 0 = 2D, 1 = 2.5D, 2 = 3D. */
typedef struct NvDsJoints
{
  NvDsJoint *joints;
  int num_joints;
  int pose_type;
} NvDsJoints;

typedef struct NvDsEmbedding
{
  float *embedding_vector;
  guint embedding_length;
} NvDsEmbedding;

/** The event message an application attaches as frame user meta (meta type NVDS_EVENT_MSG_META). */
typedef struct NvDsEventMsgMeta
{
  NvDsEventType type;
  NvDsObjectType objType;
  NvDsRect bbox;
  NvDsGeoLocation location;
  NvDsCoordinate coordinate;
  NvDsObjectSignature objSignature;
  gint objClassId;
  gint sensorId;
  gint moduleId;
  gint placeId;
  gint componentId;
  gint frameId;
  gdouble confidence;
  guint64 trackingId;
  gchar *ts;
  gchar *objectId;
  gchar *sensorStr;
  gchar *otherAttrs;
  gchar *videoPath;
  gpointer extMsg;
  guint extMsgSize;
  NvDsJoints pose;
  NvDsEmbedding embedding;
} NvDsEventMsgMeta;

typedef struct _NvDsEvent
{
  NvDsEventType eventType;
  NvDsEventMsgMeta *metadata;
} NvDsEvent;

typedef struct _NvDsCustomMsgInfo
{
  void *message;
  guint size;
} NvDsCustomMsgInfo;

/** A converted message: payloadSize bytes (JSON without a terminating NUL). */
typedef struct NvDsPayload
{
  gpointer payload;
  guint payloadSize;
  guint componentId;
} NvDsPayload;

#ifdef __cplusplus
}
#endif

#endif /* DSNET_NVDSMETA_SCHEMA_H */
