/*
 * Whole-file reads of the text inputs the native readers take (nvinfer and nvdspreprocess configs, label files,
 * tracker ll-config-files): a regular file under a size limit only, so /dev/zero, a FIFO or a huge file is a
 * clear error instead of an endless read or a hang.
 */
#ifndef DSNET_TEXT_FILE_H
#define DSNET_TEXT_FILE_H

#include <glib.h>

G_BEGIN_DECLS

/* Largest text input read (4 MiB), the same limit as the managed reader (DeepStreamNet.Config.FileLimits). */
#define DSNET_TEXT_FILE_MAX_BYTES (4u << 20)

/*
 * Reads `path` (a regular file of at most `max_bytes`) into a NUL-terminated buffer (`length` may be NULL).
 * On failure sets `error` in `domain`/`code` to "PATH: cannot read WHAT: REASON" and returns FALSE.
 */
gboolean dsnet_text_file_read (const gchar * path, const gchar * what, gsize max_bytes, GQuark domain,
    gint code, gchar ** contents, gsize * length, GError ** error);

G_END_DECLS

#endif /* DSNET_TEXT_FILE_H */
