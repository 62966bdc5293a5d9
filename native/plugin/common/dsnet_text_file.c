/* Bounded whole-file reads of text inputs (see dsnet_text_file.h). */
#include "dsnet_text_file.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* O_NONBLOCK: opening a FIFO for reading must not wait for a writer; the file type is checked right after. */
#define OPEN_FLAGS (O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)

static gboolean
refuse (GError ** error, GQuark domain, gint code, const gchar * path, const gchar * what,
    const gchar * reason)
{
  g_set_error (error, domain, code, "%s: cannot read %s: %s", path, what, reason);
  return FALSE;
}

gboolean
dsnet_text_file_read (const gchar * path, const gchar * what, gsize max_bytes, GQuark domain, gint code,
    gchar ** contents, gsize * length, GError ** error)
{
  g_return_val_if_fail (path != NULL && contents != NULL, FALSE);
  int fd = open (path, OPEN_FLAGS);
  if (fd < 0)
    return refuse (error, domain, code, path, what, g_strerror (errno));
  struct stat st;
  if (fstat (fd, &st) != 0) {
    int err = errno;
    close (fd);
    return refuse (error, domain, code, path, what, g_strerror (err));
  }
  if (!S_ISREG (st.st_mode)) {
    close (fd);
    return refuse (error, domain, code, path, what,
        S_ISDIR (st.st_mode) ? "is a folder, not a file" : "not a regular file");
  }
  if ((guint64) st.st_size > max_bytes) {
    close (fd);
    gchar *reason = g_strdup_printf ("%" G_GUINT64_FORMAT " bytes, more than the limit of %" G_GSIZE_FORMAT,
        (guint64) st.st_size, max_bytes);
    refuse (error, domain, code, path, what, reason);
    g_free (reason);
    return FALSE;
  }
  /* Read at most one byte more than the limit: a file that grew since fstat is refused, not read on. */
  gsize cap = (gsize) st.st_size + 1;
  gchar *buf = g_malloc (cap + 1);
  gsize n = 0;
  while (n <= max_bytes) {
    if (n == cap) {
      cap = MIN (cap * 2, max_bytes + 1);
      buf = g_realloc (buf, cap + 1);
    }
    ssize_t r = read (fd, buf + n, cap - n);
    if (r < 0 && errno == EINTR)
      continue;
    if (r < 0) {
      int err = errno;
      close (fd);
      g_free (buf);
      return refuse (error, domain, code, path, what, g_strerror (err));
    }
    if (r == 0)
      break;
    n += (gsize) r;
  }
  close (fd);
  if (n > max_bytes) {
    g_free (buf);
    return refuse (error, domain, code, path, what, "the file grew past the size limit while it was read");
  }
  buf[n] = '\0';
  *contents = buf;
  if (length)
    *length = n;
  return TRUE;
}
