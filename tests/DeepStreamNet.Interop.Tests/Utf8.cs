using System.Runtime.InteropServices;

namespace DeepStreamNet.Interop.Tests;

/// <summary>A NUL-terminated UTF-8 copy of a string in native memory, for <c>const gchar *</c> parameters.</summary>
internal readonly unsafe struct Utf8 : IDisposable
{
    public Utf8(string value) => Pointer = (byte*)Marshal.StringToCoTaskMemUTF8(value);

    public byte* Pointer { get; }

    public static string? Read(byte* p) => p == null ? null : Marshal.PtrToStringUTF8((nint)p);

    public void Dispose() => Marshal.FreeCoTaskMem((nint)Pointer);
}
