/*
 * DeepStreamNet — row type of the generated layout probes (bindings/generation/<set>/layout_probe.c).
 *
 * Each set exports `const DsnetLayoutRow *dsnet_layout_probe_<set> (size_t *n_rows)`: one row per generated
 * struct (field == NULL, size == sizeof) and one per field (offset, size of the field), as this C compiler lays
 * them out. DeepStreamNet.Interop.Tests compares them with the generated C# structs.
 */
#ifndef DSNET_LAYOUT_PROBE_H
#define DSNET_LAYOUT_PROBE_H

#include <stddef.h>

typedef struct
{
  const char *type;
  const char *field;
  size_t offset;
  size_t size;
} DsnetLayoutRow;

#endif /* DSNET_LAYOUT_PROBE_H */
