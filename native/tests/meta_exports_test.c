/*
 * libdsnet_meta.so exports exactly the 64 functions of DeepStream 6.3's nvdsmeta.h + gstnvdsmeta.h:
 * dlopen() the built library, dlsym() every name, then read its ELF dynamic symbol table to make sure
 * nothing else is exported and that the SONAME is libdsnet_meta.so.
 */
#include <dlfcn.h>
#include <elf.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>

#ifndef DSNET_META_LIB
#error "DSNET_META_LIB (path of libdsnet_meta.so) must be defined by the build"
#endif

static const char *const api[] = {
  "nvds_acquire_meta_lock",
  "nvds_release_meta_lock",
  "nvds_create_batch_meta",
  "nvds_destroy_batch_meta",
  "nvds_acquire_frame_meta_from_pool",
  "nvds_add_frame_meta_to_batch",
  "nvds_remove_frame_meta_from_batch",
  "nvds_acquire_obj_meta_from_pool",
  "nvds_add_obj_meta_to_frame",
  "nvds_remove_obj_meta_from_frame",
  "nvds_acquire_classifier_meta_from_pool",
  "nvds_add_classifier_meta_to_roi",
  "nvds_remove_classifier_meta_from_roi",
  "nvds_add_classifier_meta_to_object",
  "nvds_remove_classifier_meta_from_obj",
  "nvds_acquire_display_meta_from_pool",
  "nvds_add_display_meta_to_frame",
  "nvds_remove_display_meta_from_frame",
  "nvds_acquire_label_info_meta_from_pool",
  "nvds_add_label_info_meta_to_classifier",
  "nvds_remove_label_info_meta_from_classifier",
  "nvds_add_user_meta_to_batch",
  "nvds_add_user_meta_to_frame",
  "nvds_add_user_meta_to_roi",
  "nvds_add_user_meta_to_obj",
  "nvds_acquire_user_meta_from_pool",
  "nvds_remove_user_meta_from_batch",
  "nvds_remove_user_meta_from_frame",
  "nvds_remove_user_meta_from_roi",
  "nvds_remove_user_meta_from_object",
  "nvds_get_current_metadata_info",
  "nvds_batch_meta_copy_func",
  "nvds_batch_meta_release_func",
  "nvds_get_nth_frame_meta",
  "nvds_clear_frame_meta_list",
  "nvds_clear_obj_meta_list",
  "nvds_clear_classifier_meta_list",
  "nvds_clear_label_info_meta_list",
  "nvds_clear_display_meta_list",
  "nvds_clear_batch_user_meta_list",
  "nvds_clear_frame_user_meta_list",
  "nvds_clear_obj_user_meta_list",
  "nvds_clear_meta_list",
  "nvds_copy_frame_meta",
  "nvds_copy_obj_meta",
  "nvds_copy_classifier_meta",
  "nvds_copy_label_info_meta",
  "nvds_copy_display_meta",
  "nvds_copy_batch_user_meta_list",
  "nvds_copy_frame_user_meta_list",
  "nvds_copy_obj_user_meta_list",
  "nvds_copy_display_meta_list",
  "nvds_copy_frame_meta_list",
  "nvds_copy_obj_meta_list",
  "nvds_copy_classification_list",
  "nvds_copy_label_info_list",
  "nvds_get_user_meta_type",
  "nvds_meta_api_get_type",
  "nvds_meta_get_info",
  "gst_buffer_add_nvds_meta",
  "gst_buffer_get_nvds_meta",
  "gst_buffer_get_nvds_batch_meta",
  "nvds_copy_gst_meta_to_frame_meta",
  "nvds_copy_gst_meta_to_audio_frame_meta"
};

static gboolean
is_api (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (api); i++)
    if (strcmp (api[i], name) == 0)
      return TRUE;
  return FALSE;
}

/* Checks the dynamic symbol table and SONAME; returns the number of problems found. */
static int
check_elf (const char *path)
{
  gchar *data = NULL;
  gsize len = 0;
  GError *err = NULL;
  if (!g_file_get_contents (path, &data, &len, &err)) {
    fprintf (stderr, "cannot read %s: %s\n", path, err->message);
    g_error_free (err);
    return 1;
  }
  int problems = 0;
  const Elf64_Ehdr *eh = (const Elf64_Ehdr *) data;
  if (len < sizeof *eh || memcmp (eh->e_ident, ELFMAG, SELFMAG) != 0
      || eh->e_ident[EI_CLASS] != ELFCLASS64) {
    fprintf (stderr, "%s: not a 64-bit ELF file\n", path);
    g_free (data);
    return 1;
  }
  const Elf64_Shdr *sh = (const Elf64_Shdr *) (data + eh->e_shoff);
  guint exported = 0;
  gboolean soname_ok = FALSE;
  for (guint i = 0; i < eh->e_shnum; i++) {
    if (sh[i].sh_type == SHT_DYNSYM) {
      const Elf64_Sym *syms = (const Elf64_Sym *) (data + sh[i].sh_offset);
      const char *strtab = data + sh[sh[i].sh_link].sh_offset;
      gsize n = sh[i].sh_size / sizeof (Elf64_Sym);
      for (gsize k = 1; k < n; k++) {
        const char *name = strtab + syms[k].st_name;
        int bind = ELF64_ST_BIND (syms[k].st_info);
        if (syms[k].st_shndx == SHN_UNDEF || bind == STB_LOCAL)
          continue;
        if (!is_api (name)) {
          fprintf (stderr, "exported symbol outside the API: %s\n", name);
          problems++;
        } else if (ELF64_ST_TYPE (syms[k].st_info) != STT_FUNC) {
          fprintf (stderr, "%s is exported but not as a function\n", name);
          problems++;
        } else {
          exported++;
        }
      }
    } else if (sh[i].sh_type == SHT_DYNAMIC) {
      const Elf64_Dyn *dyn = (const Elf64_Dyn *) (data + sh[i].sh_offset);
      const char *strtab = data + sh[sh[i].sh_link].sh_offset;
      for (; dyn->d_tag != DT_NULL; dyn++)
        if (dyn->d_tag == DT_SONAME)
          soname_ok = strcmp (strtab + dyn->d_un.d_val, "libdsnet_meta.so") == 0;
    }
  }
  if (exported != G_N_ELEMENTS (api)) {
    fprintf (stderr, "%u API functions exported, expected %zu\n", exported, G_N_ELEMENTS (api));
    problems++;
  }
  if (!soname_ok) {
    fprintf (stderr, "SONAME is not libdsnet_meta.so\n");
    problems++;
  }
  g_free (data);
  return problems;
}

int
main (void)
{
  int problems = 0;
  void *lib = dlopen (DSNET_META_LIB, RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    fprintf (stderr, "dlopen %s: %s\n", DSNET_META_LIB, dlerror ());
    return 1;
  }
  for (gsize i = 0; i < G_N_ELEMENTS (api); i++) {
    if (!dlsym (lib, api[i])) {
      fprintf (stderr, "missing export: %s\n", api[i]);
      problems++;
    }
  }
  /* Internals stay hidden. */
  const char *internal[] = { "dsnet_pool_acquire", "dsnet_release_element", "dsnet_meta_debug" };
  for (gsize i = 0; i < G_N_ELEMENTS (internal); i++) {
    if (dlsym (lib, internal[i])) {
      fprintf (stderr, "internal symbol exported: %s\n", internal[i]);
      problems++;
    }
  }
  problems += check_elf (DSNET_META_LIB);
  dlclose (lib);
  if (problems == 0)
    printf ("libdsnet_meta.so exports exactly the %zu API functions\n", G_N_ELEMENTS (api));
  return problems == 0 ? 0 : 1;
}
