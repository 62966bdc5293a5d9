using System.Runtime.InteropServices;
using System.Text;
using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>UTF-8 helpers for C strings owned by the metadata (g_strdup / g_free rules) and inline char arrays.</summary>
internal static unsafe class NativeUtf8
{
    /// <summary>The bytes of a NUL-terminated string (empty for NULL), without copying.</summary>
    public static ReadOnlySpan<byte> Span(byte* p) =>
        p is null ? default : MemoryMarshal.CreateReadOnlySpanFromNullTerminated(p);

    /// <summary>The bytes of an inline <c>gchar[capacity]</c> up to its first NUL, without copying.</summary>
    public static ReadOnlySpan<byte> Fixed(byte* p, int capacity)
    {
        var span = new ReadOnlySpan<byte>(p, capacity);
        var n = span.IndexOf((byte)0);
        return n < 0 ? span : span[..n];
    }

    /// <summary>A managed copy (null for NULL).</summary>
    public static string? ToStringOrNull(byte* p, bool free = false)
    {
        if (p is null)
        {
            return null;
        }

        var s = Encoding.UTF8.GetString(Span(p));
        if (free)
        {
            GLib.g_free(p);
        }

        return s;
    }

    /// <summary>A g_malloc'd NUL-terminated UTF-8 copy of <paramref name="s"/> (the metadata library g_frees it).</summary>
    public static byte* GStrdup(string s)
    {
        var n = Encoding.UTF8.GetByteCount(s);
        var p = (byte*)GLib.g_malloc((ulong)(n + 1));
        Encoding.UTF8.GetBytes(s, new Span<byte>(p, n));
        p[n] = 0;
        return p;
    }

    /// <summary>Writes <paramref name="s"/> into an inline <c>gchar[capacity]</c>, truncated on a UTF-8 boundary, NUL-terminated.</summary>
    public static void WriteFixed(byte* dst, int capacity, string s)
    {
        var span = new Span<byte>(dst, capacity);
        span.Clear();
        var bytes = Encoding.UTF8.GetBytes(s);
        var n = Math.Min(bytes.Length, capacity - 1);
        while (n > 0 && n < bytes.Length && (bytes[n] & 0xC0) == 0x80)
        {
            n--; // never cut a multi-byte character in half
        }

        bytes.AsSpan(0, n).CopyTo(span);
    }

    /// <summary>A process-lifetime NUL-terminated copy (font names are borrowed by the metadata, never freed).</summary>
    public static byte* Interned(string s)
    {
        lock (InternGate)
        {
            if (!Interns.TryGetValue(s, out var p))
            {
                p = Marshal.StringToCoTaskMemUTF8(s);
                Interns[s] = p;
            }

            return (byte*)p;
        }
    }

    private static readonly Lock InternGate = new();
    private static readonly Dictionary<string, nint> Interns = new(StringComparer.Ordinal);
}
