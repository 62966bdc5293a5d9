/*
 * Internals of libdsnet_meta.so shared by its source files (never installed, never exported).
 *
 * Every pooled element is preceded in memory by a DsnetPoolItem header. The header embeds the GList
 * node that links the element into its pool's empty_list or full_list, so acquire and release are
 * O(1) and never allocate: the pool lists are owned by the library and must only be walked by users.
 */
#ifndef DSNET_META_PRIVATE_H
#define DSNET_META_PRIVATE_H

#include <gst/gst.h>

/* The library is built with -fvisibility=hidden; the API declared by the public headers is the only
 * thing exported (dsnet_meta.map lists the same 64 names for the linker). */
#pragma GCC visibility push(default)
#include "gstnvdsmeta.h"
#include "nvdsmeta.h"
#pragma GCC visibility pop

G_BEGIN_DECLS

GST_DEBUG_CATEGORY_EXTERN (dsnet_meta_debug);
#define GST_CAT_DEFAULT dsnet_meta_debug

/* Marks headers written by this library so a foreign pointer is recognised and refused. */
#define DSNET_POOL_ITEM_MAGIC 0x44534e4du

typedef struct _DsnetPool DsnetPool;

typedef struct
{
  GList link;                   /* node in pool->empty_list or pool->full_list; data = element */
  DsnetPool *pool;
  guint32 magic;
  guint32 in_use;
} DsnetPoolItem;

/* Header size rounded to 16 bytes so every element keeps malloc's alignment. */
#define DSNET_POOL_HEADER_SIZE ((sizeof (DsnetPoolItem) + 15u) & ~(gsize) 15u)

struct _DsnetPool
{
  NvDsMetaPool pub;             /* first member: the batch's *_pool fields point here */
  NvDsBatchMeta *batch;
  GList *full_tail;             /* last node of pub.full_list (full_list keeps acquire order) */
  GSList *chunks;               /* g_malloc0'd blocks of items, freed with the pool */
  gsize stride;                 /* header + element, rounded to 16 */
  gboolean destroying;          /* set on every pool while the batch is destroyed: skip bookkeeping */
};

static inline DsnetPoolItem *
dsnet_pool_item_of (gconstpointer element)
{
  return (DsnetPoolItem *) ((guint8 *) element - DSNET_POOL_HEADER_SIZE);
}

/* pools.c */
void dsnet_meta_debug_init (void);
DsnetPool *dsnet_pool_new (NvDsBatchMeta * batch, NvDsMetaType type, gsize element_size,
    guint capacity);
void dsnet_pool_free (DsnetPool * pool);
gpointer dsnet_pool_acquire (NvDsMetaPool * pool);
gboolean dsnet_pool_owns (NvDsMetaPool * pool, gconstpointer element);
gboolean dsnet_pool_in_use (gconstpointer element);
void dsnet_pool_release (gpointer element);
void dsnet_release_element (gpointer element);
void dsnet_release_list (GList * list);
gboolean dsnet_unlink_and_release (GList ** list, gpointer element, const gchar * func);

/* objects.c */
void dsnet_forget_parent (NvDsBatchMeta * batch, NvDsObjectMeta * obj);

/* Checks shared by the public entry points: NULL and foreign pointers are refused with a warning. */
gboolean dsnet_check_element (gconstpointer element, NvDsMetaType type, const gchar * func);

G_END_DECLS

#endif /* DSNET_META_PRIVATE_H */
