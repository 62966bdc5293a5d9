namespace DeepStreamNet.Interop;

/// <summary>GLib macros the generator cannot read (their bodies are expressions, not literals).</summary>
public static partial class GLib
{
    // G_TYPE_MAKE_FUNDAMENTAL (x) = x << G_TYPE_FUNDAMENTAL_SHIFT (gtype.h); GType is gsize (ulong on LP64).
    public const ulong G_TYPE_INVALID = 0UL << G_TYPE_FUNDAMENTAL_SHIFT;
    public const ulong G_TYPE_NONE = 1UL << G_TYPE_FUNDAMENTAL_SHIFT;
    public const ulong G_TYPE_INTERFACE = 2UL << G_TYPE_FUNDAMENTAL_SHIFT;
    public const ulong G_TYPE_CHAR = 3UL << G_TYPE_FUNDAMENTAL_SHIFT;
    public const ulong G_TYPE_UCHAR = 4UL << G_TYPE_FUNDAMENTAL_SHIFT;
    public const ulong G_TYPE_BOOLEAN = 5UL << G_TYPE_FUNDAMENTAL_SHIFT;
    public const ulong G_TYPE_INT = 6UL << G_TYPE_FUNDAMENTAL_SHIFT;
    public const ulong G_TYPE_UINT = 7UL << G_TYPE_FUNDAMENTAL_SHIFT;
    public const ulong G_TYPE_LONG = 8UL << G_TYPE_FUNDAMENTAL_SHIFT;
    public const ulong G_TYPE_ULONG = 9UL << G_TYPE_FUNDAMENTAL_SHIFT;
    public const ulong G_TYPE_INT64 = 10UL << G_TYPE_FUNDAMENTAL_SHIFT;
    public const ulong G_TYPE_UINT64 = 11UL << G_TYPE_FUNDAMENTAL_SHIFT;
    public const ulong G_TYPE_ENUM = 12UL << G_TYPE_FUNDAMENTAL_SHIFT;
    public const ulong G_TYPE_FLAGS = 13UL << G_TYPE_FUNDAMENTAL_SHIFT;
    public const ulong G_TYPE_FLOAT = 14UL << G_TYPE_FUNDAMENTAL_SHIFT;
    public const ulong G_TYPE_DOUBLE = 15UL << G_TYPE_FUNDAMENTAL_SHIFT;
    public const ulong G_TYPE_STRING = 16UL << G_TYPE_FUNDAMENTAL_SHIFT;
    public const ulong G_TYPE_POINTER = 17UL << G_TYPE_FUNDAMENTAL_SHIFT;
    public const ulong G_TYPE_BOXED = 18UL << G_TYPE_FUNDAMENTAL_SHIFT;
    public const ulong G_TYPE_PARAM = 19UL << G_TYPE_FUNDAMENTAL_SHIFT;
    public const ulong G_TYPE_OBJECT = 20UL << G_TYPE_FUNDAMENTAL_SHIFT;
    public const ulong G_TYPE_VARIANT = 21UL << G_TYPE_FUNDAMENTAL_SHIFT;

    // G_SOURCE_CONTINUE / G_SOURCE_REMOVE are TRUE / FALSE.
    public const int G_SOURCE_CONTINUE = 1;
    public const int G_SOURCE_REMOVE = 0;
}
