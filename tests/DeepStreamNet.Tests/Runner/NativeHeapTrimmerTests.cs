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

    private static double ResidentMb()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
    }
}
