using System.Runtime.InteropServices;
using DeepStreamNet.Interop;

namespace DeepStreamNet.GStreamer;

/// <summary>UTF-8 conversions for the generated interop, which takes and returns <c>byte*</c> strings.</summary>
internal static unsafe class NativeText
{
    /// <summary>A NUL-terminated UTF-8 string as a managed string (null for NULL).</summary>
    public static string? From(byte* p) => p is null ? null : Marshal.PtrToStringUTF8((nint)p);

    /// <summary>Reads and <c>g_free</c>s a string the callee handed over.</summary>
    public static string? Take(byte* p)
    {
        var s = From(p);
        if (p is not null)
        {
            GLib.g_free(p);
        }

        return s;
    }
}

/// <summary>A NUL-terminated UTF-8 copy of a managed string on the native heap, freed on dispose.</summary>
internal readonly unsafe struct Utf8Z : IDisposable
{
    private readonly nint _p;

    public Utf8Z(string? s) => _p = s is null ? 0 : Marshal.StringToCoTaskMemUTF8(s);

    public byte* P => (byte*)_p;

    public void Dispose()
    {
        if (_p != 0)
        {
            Marshal.FreeCoTaskMem(_p);
        }
    }
}
