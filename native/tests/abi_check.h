/*
 * Compile-time ABI check macros shared by the *_abi_test.c files: a mismatch with the spec fails the build.
 */
#ifndef DSNET_ABI_CHECK_H
#define DSNET_ABI_CHECK_H

#include <stddef.h>
#include <stdalign.h>

#define SAME_TYPE(a, b) __builtin_types_compatible_p (a, b)
/* offset, size and exact C type of a field */
#define FIELD(T, f, off, size, type)                                                        \
  _Static_assert (offsetof (T, f) == (off), #T "." #f " offset");                           \
  _Static_assert (sizeof (((T *) 0)->f) == (size), #T "." #f " size");                       \
  _Static_assert (SAME_TYPE (__typeof__ (((T *) 0)->f), type), #T "." #f " type")
/* offset and size only */
#define FIELD_AT(T, f, off, size)                                                            \
  _Static_assert (offsetof (T, f) == (off), #T "." #f " offset");                           \
  _Static_assert (sizeof (((T *) 0)->f) == (size), #T "." #f " size")
#define STRUCT(T, size, align)                                                               \
  _Static_assert (sizeof (T) == (size), "sizeof " #T);                                       \
  _Static_assert (alignof (T) == (align), "alignof " #T)
#define ENUM(name, value) _Static_assert ((long long) (name) == (long long) (value), #name)
#define FUNC(name, type) _Static_assert (SAME_TYPE (__typeof__ (name), type), #name " signature")

#endif /* DSNET_ABI_CHECK_H */
