using System.Runtime.InteropServices;

namespace DeepStreamNet.Runner;

/// <summary>
/// Hands free native heap pages back to the system (glibc <c>malloc_trim(0)</c>). A video pipeline frees and
/// reallocates megabyte-sized blocks from many threads (decoders on a seek or reconnect, queues, inference); glibc keeps
/// such freed pages resident inside its arenas, so resident memory creeps up in steps long after the live heap has
/// stopped growing. Trimming now and then keeps the resident set at the live heap. Elsewhere than glibc it does nothing.
/// </summary>
internal static partial class NativeHeapTrimmer
{
    private static volatile bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>Trims every malloc arena; false when the C library has no <c>malloc_trim</c> (then never tried again).</summary>
    public static bool Trim()
    {
        if (_unavailable)
        {
            return false;
        }

        try
        {
            _ = MallocTrim(0);
            return true;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _unavailable = true; // musl and other C libraries: nothing to trim with
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
