using DeepStreamNet.InferImages;
using DeepStreamNet.Interop;
using DeepStreamNet.Runner;
using DeepStreamNet.Tests.Probes;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner;

/// <summary>deepstream-app's PERF lines from the runner's perf probe on a real muxer.</summary>
[TestFixture]
public sealed unsafe class PerfProbeTests
{
    [OneTimeSetUp]
    public void Init() => ProbeTestEnv.Init();

    [Test]
    public void PerfLinesStopAtEndOfStreamInsteadOfPrintingZeros()
    {
        // 1.5 s of live video at 50 fps, a 1 s interval: one full interval, then the partial one at EOS, then silence
        // while the pipeline stays in PLAYING (without the EOS rule two more lines of 0.00 would follow).
        var lines = new List<string>();
        using var pipeline = new LaunchedPipeline(
            "videotestsrc num-buffers=75 is-live=true ! video/x-raw,width=160,height=120,framerate=50/1 ! m.sink_0 " +
            "dsnetstreammux name=m batch-size=1 width=160 height=120 ! fakesink name=sink");
        using var perf = new PerfProbe(1, TimeSpan.FromSeconds(1), s => { lock (lines) { lines.Add(s); } }, new TestLogger());
        var muxSrc = DeepStreamNet.GStreamer.GstPads.Find(pipeline.Bin, "m", "src");
        perf.Attach(muxSrc, PerfProbe.Mask);
        Gst.gst_object_unref(muxSrc);

        pipeline.SetState(GstState.GST_STATE_PLAYING);
        pipeline.WaitForEnd(TimeSpan.FromSeconds(30));
        List<string> atEos;
        lock (lines)
        {
            atEos = [.. lines];
        }

        Thread.Sleep(TimeSpan.FromSeconds(2.5));
        List<string> later;
        lock (lines)
        {
            later = [.. lines];
        }

        pipeline.SetState(GstState.GST_STATE_NULL);
        var values = atEos.Where(l => !l.Contains("FPS", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(values, Has.Count.InRange(1, 2), string.Join("\n", atEos));
            Assert.That(values.Select(CurrentFps), Is.All.GreaterThan(0.0), string.Join("\n", atEos));
            Assert.That(later, Is.EqualTo(atEos), "no PERF line after the end of the stream");
        });
    }

    [Test]
    public void PerfLinesReadBackWhatIsWritten()
    {
        PerfSample[] written = [new(25.02, 24.87), new(0, 0), new(120.5, 99.999)];
        var header = PerfLine.Header(3);
        var values = PerfLine.Values(written);
        Assert.Multiple(() =>
        {
            Assert.That(header, Is.EqualTo("**PERF:  FPS 0 (Avg)\tFPS 1 (Avg)\tFPS 2 (Avg)\t"));
            Assert.That(values, Is.EqualTo("**PERF:  25.02 (24.87)\t0.00 (0.00)\t120.50 (100.00)\t"));
            Assert.That(PerfLine.TryParse(values, out var read), Is.True);
            Assert.That(read, Is.EqualTo(new PerfSample[] { new(25.02, 24.87), new(0, 0), new(120.5, 100) }));
            Assert.That(PerfLine.TryParse(header, out _), Is.False, "the header is not a values line");
            Assert.That(PerfLine.TryParse("**PERF:  25.02\t", out _), Is.False);
            Assert.That(PerfLine.TryParse("fps 25.02 (24.87)", out _), Is.False);
        });
    }

    /// <summary>The current FPS of source 0 in <c>**PERF:  25.02 (24.87)\t</c>.</summary>
    private static double CurrentFps(string line) =>
        PerfLine.TryParse(line, out var streams) ? streams[0].Current : throw new FormatException(line);
}
