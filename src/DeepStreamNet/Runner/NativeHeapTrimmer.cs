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
    /// Sets glibc's allocator up for a video pipeline, once per process, before its streaming threads start; each setting
    /// is skipped when its <c>MALLOC_*</c> environment variable is set, and elsewhere than glibc nothing is done.
    /// <list type="bullet">
    /// <item><b>Arenas</b> (<c>mallopt(M_ARENA_MAX)</c>) capped at max(2, cores / 2) unless <c>MALLOC_ARENA_MAX</c> is set.
    /// glibc gives a thread that finds the heap locked an arena of its own, up to 8 per core, and each arena keeps its own
    /// free pages and fragments; a pipeline's many streaming threads allocating and freeing frames spread the heap over
    /// many arenas, so its resident set settles higher and creeps longer. Arenas made before the call stay; new threads
    /// share the existing ones.</item>
    /// <item><b>mmap threshold</b> (<c>mallopt(M_MMAP_THRESHOLD)</c>) fixed at <see cref="MmapThresholdBytes"/> unless
    /// <c>MALLOC_MMAP_THRESHOLD_</c> is set. glibc starts at 128 KiB but raises the threshold to the size of each large
    /// mapped block it frees (up to 32 MiB), so after the first freed frame every frame-sized block (1.4 MB for a 720p
    /// NV12 frame, 3.7 MB for RGBA, 3 MB for an input tensor) comes from the arenas, where blocks of many sizes freed by
    /// many threads fragment them and the pages stay resident. A fixed threshold keeps frames mapped and unmapped whole, so
    /// a freed frame goes back to the system at once; smaller blocks are not affected.</item>
    /// </list>
    /// </summary>
    public static void ConfigureAllocator()
    {
        if (_unavailable || Interlocked.Exchange(ref _configured, 1) == 1)
        {
            return;
        }

        try
        {
            if (Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is null)
            {
                _ = MallOpt(MArenaMax, Math.Max(2, Environment.ProcessorCount / 2));
            }

            if (Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_") is null)
            {
                _ = MallOpt(MMmapThreshold, MmapThresholdBytes);
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _unavailable = true;
        }
    }

    /// <summary>The fixed mmap threshold: blocks of this size and larger (frames, tensors) are mapped on their own.</summary>
    public const int MmapThresholdBytes = 1 << 20;

    private const int MArenaMax = -8; // glibc malloc.h M_ARENA_MAX
    private const int MMmapThreshold = -3; // glibc malloc.h M_MMAP_THRESHOLD

    private static int _configured;

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int param, int value);

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
