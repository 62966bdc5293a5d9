using System.Globalization;
using System.Runtime.InteropServices;
using DeepStreamNet.GStreamer;
using DeepStreamNet.Runner;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner;

/// <summary>The periodic heap trim of a running pipeline: freed native memory that glibc keeps resident goes back.</summary>
[TestFixture]
[NonParallelizable]
public sealed unsafe class NativeHeapTrimmerTests
{
    [Test]
    public void Trim_HandsFreedHeapPagesBackToTheSystem()
    {
        // 64 MB in 32 KB blocks (below the mmap threshold: from the heap, as a pipeline's small and medium buffers are),
        // written so they are resident, then all freed but the last, which pins the heap top: free() alone cannot give
        // the pages back, so they stay resident until a trim.
        const int count = 2048, size = 32 * 1024;
        var blocks = new void*[count];
        for (var i = 0; i < count; i++)
        {
            blocks[i] = NativeMemory.Alloc(size);
            new Span<byte>(blocks[i], size).Fill(0x5a);
        }

        for (var i = 0; i < count - 1; i++)
        {
            NativeMemory.Free(blocks[i]);
        }

        var before = ResidentMb();
        Assert.That(NativeHeapTrimmer.Trim(), Is.True, "glibc's malloc_trim is available on this Linux");
        var after = ResidentMb();
        NativeMemory.Free(blocks[count - 1]);
        TestContext.Out.WriteLine($"RSS {before:F1} MB -> {after:F1} MB after the trim");
        Assert.That(before - after, Is.GreaterThan(40), "the freed 64 MB left the resident set");
    }

    [Test]
    public void ConfigureAllocator_KeepsFrameSizedBlocksOutOfTheArenas()
    {
        // glibc alone: freeing a mapped 24 MB block raises its mmap threshold to 24 MB, so the 12 MB "frames" after it
        // would come from the heap and, with a block pinning the heap top, stay resident after free(). With the fixed
        // threshold each frame is mapped on its own and free() hands it back at once, no trim needed. The frames are
        // large, and the heap top is trimmed first, because malloc serves a request from a free chunk or the heap top
        // before it considers mapping: in a process that has run many pipelines (the whole suite) smaller frames may find
        // such chunks.
        NativeHeapTrimmer.ConfigureAllocator();
        NativeHeapTrimmer.Trim();
        var big = NativeMemory.Alloc(24 << 20);
        new Span<byte>(big, 24 << 20).Fill(1);
        NativeMemory.Free(big);

        const int count = 6, size = 12 << 20;
        var frames = new void*[count];
        for (var i = 0; i < count; i++)
        {
            frames[i] = NativeMemory.Alloc(size);
            new Span<byte>(frames[i], size).Fill(0x5a);
        }

        var pin = NativeMemory.Alloc(256 * 1024); // under either threshold: from the heap top, after the frames
        new Span<byte>(pin, 256 * 1024).Fill(1);
        var before = ResidentMb();
        for (var i = 0; i < count; i++)
        {
            NativeMemory.Free(frames[i]);
        }

        var after = ResidentMb();
        NativeMemory.Free(pin);
        TestContext.Out.WriteLine($"RSS {before:F1} MB -> {after:F1} MB after freeing 72 MB of frames (no trim)");
        Assert.That(before - after, Is.GreaterThan(60), "freed frame-sized blocks left the resident set without a trim");
    }

    private static double ResidentMb()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
    }
}
