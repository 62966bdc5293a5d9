/* See smaps_growth.h. */
#include "smaps_growth.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct
{
  guint64 start, end;
  gint64 rss_kb;
  gchar *name;
} Mapping;

struct _SmapsSnapshot
{
  GArray *maps;                 /* Mapping, in address order as the kernel lists them */
  GHashTable *by_start;         /* start address -> its Mapping in maps (filled once maps stops growing) */
};

static void
mapping_clear (gpointer p)
{
  g_free (((Mapping *) p)->name);
}

SmapsSnapshot *
smaps_snapshot_take (void)
{
  FILE *f = fopen ("/proc/self/smaps", "r");
  if (f == NULL)
    return NULL;
  SmapsSnapshot *s = g_new0 (SmapsSnapshot, 1);
  s->maps = g_array_new (FALSE, TRUE, sizeof (Mapping));
  g_array_set_clear_func (s->maps, mapping_clear);
  s->by_start = g_hash_table_new (g_int64_hash, g_int64_equal);
  char line[4096];
  while (fgets (line, sizeof line, f) != NULL) {
    guint64 start, end;
    int name_at = 0;
    /* "start-end perms offset dev inode   name": a header line; every other line is "Key:   value kB" */
    if (sscanf (line, "%" SCNx64 "-%" SCNx64 " %*s %*s %*s %*s %n", &start, &end, &name_at) == 2 && name_at > 0) {
      Mapping m = { start, end, 0, NULL };
      gchar *name = g_strstrip (g_strdup (line + name_at));
      m.name = name[0] ? name : (g_free (name), g_strdup ("[anon]"));
      g_array_append_val (s->maps, m);
    } else if (s->maps->len > 0 && strncmp (line, "Rss:", 4) == 0) {
      g_array_index (s->maps, Mapping, s->maps->len - 1).rss_kb = strtoll (line + 4, NULL, 10);
    }
  }
  fclose (f);
  for (guint i = 0; i < s->maps->len; i++) {
    Mapping *m = &g_array_index (s->maps, Mapping, i);
    g_hash_table_insert (s->by_start, &m->start, m);
  }
  return s;
}

void
smaps_snapshot_free (SmapsSnapshot * s)
{
  if (s == NULL)
    return;
  g_hash_table_destroy (s->by_start);
  g_array_free (s->maps, TRUE);
  g_free (s);
}

/* The same mapping (same start and end) in `s`, or NULL. */
static const Mapping *
same_mapping (const SmapsSnapshot * s, const Mapping * m)
{
  const Mapping *o = g_hash_table_lookup (s->by_start, &m->start);
  return o != NULL && o->end == m->end ? o : NULL;
}

typedef struct
{
  const Mapping *m;
  gint64 delta_kb;
} Growth;

static gint
by_growth_desc (gconstpointer a, gconstpointer b)
{
  gint64 da = ((const Growth *) a)->delta_kb, db = ((const Growth *) b)->delta_kb;
  return da < db ? 1 : da > db ? -1 : 0;
}

void
smaps_snapshot_print_growth (const SmapsSnapshot * before, const SmapsSnapshot * after, guint top)
{
  GArray *grown = g_array_new (FALSE, FALSE, sizeof (Growth));
  gint64 new_kb = 0, gone_kb = 0;
  guint n_new = 0, n_gone = 0;
  for (guint i = 0; i < after->maps->len; i++) {
    const Mapping *m = &g_array_index (after->maps, Mapping, i);
    const Mapping *b = same_mapping (before, m);
    if (b == NULL) {
      n_new++;
      new_kb += m->rss_kb;
    } else if (m->rss_kb != b->rss_kb) {
      Growth g = { m, m->rss_kb - b->rss_kb };
      g_array_append_val (grown, g);
    }
  }
  for (guint i = 0; i < before->maps->len; i++) {
    const Mapping *m = &g_array_index (before->maps, Mapping, i);
    if (same_mapping (after, m) == NULL) {
      n_gone++;
      gone_kb += m->rss_kb;
    }
  }
  g_array_sort (grown, by_growth_desc);
  for (guint i = 0; i < MIN (top, grown->len); i++) {
    const Growth *g = &g_array_index (grown, Growth, i);
    g_print ("    %+7.1f MB  %s (%.1f MB mapping at %" G_GINT64_MODIFIER "x, %.1f MB resident)\n",
        (double) g->delta_kb / 1024.0, g->m->name, (double) (g->m->end - g->m->start) / 1048576.0, g->m->start,
        (double) g->m->rss_kb / 1024.0);
  }
  g_print ("    mappings new or resized: %u holding %.1f MB; gone or resized: %u that held %.1f MB\n", n_new,
      (double) new_kb / 1024.0, n_gone, (double) gone_kb / 1024.0);
  g_array_free (grown, TRUE);
}
