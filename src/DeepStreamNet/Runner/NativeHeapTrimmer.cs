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

    /// <summary>
    /// Caps glibc's malloc arenas (<c>mallopt(M_ARENA_MAX)</c>) at max(2, cores / 2) unless <c>MALLOC_ARENA_MAX</c> is set.
    /// glibc gives a thread that finds the heap locked an arena of its own, up to 8 per core, and each arena keeps its own
    /// free pages and fragments; a pipeline's many streaming threads allocating and freeing frames spread the heap over
    /// many arenas, so its resident set settles higher and creeps longer. Arenas made before the call stay; new threads
    /// share the existing ones. Once per process; elsewhere than glibc it does nothing.
    /// </summary>
    public static void LimitArenas()
    {
        if (_unavailable || Interlocked.Exchange(ref _arenasLimited, 1) == 1 || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
        {
            return;
        }

        try
        {
            _ = MallOpt(MArenaMax, Math.Max(2, Environment.ProcessorCount / 2));
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _unavailable = true;
        }
    }

    private const int MArenaMax = -8; // glibc malloc.h M_ARENA_MAX

    private static int _arenasLimited;

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int param, int value);

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
