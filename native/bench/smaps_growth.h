/* Resident kilobytes per memory mapping of this process (/proc/self/smaps) and where resident growth between two
 * snapshots lives: the C soak's copy of the managed soak bench's report (SmapsSnapshot.cs), so that growth the
 * totals cannot place (a demuxer's table, an allocator's arena, a thread stack) shows up without .NET. */
#pragma once

#include <glib.h>

typedef struct _SmapsSnapshot SmapsSnapshot;

/* NULL when /proc/self/smaps cannot be read. */
SmapsSnapshot *smaps_snapshot_take (void);
void smaps_snapshot_free (SmapsSnapshot * s);

/* Prints, indented, the `top` mappings that existed in both snapshots and grew most, then what mappings that
 * appeared (or were resized) and went away hold. */
void smaps_snapshot_print_growth (const SmapsSnapshot * before, const SmapsSnapshot * after, guint top);
