using DeepStreamNet.GStreamer;
using DeepStreamNet.Runner;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner;

/// <summary>[tiled-display] enable=2 at run time: the tiled picture and one demuxed source (the sink with
/// link-to-demux=1 and its source-id) are written side by side from the same batches.</summary>
[TestFixture]
[NonParallelizable]
public sealed class TiledAndDemuxTests
{
    [Test]
    public void Enable2_WritesTheTiledMp4_AndTheSelectedSourceAlone()
    {
        var dir = RunnerHarness.TempDir("tiler-demux");
        var tiled = Path.Combine(dir, "tiled.mp4");
        var demuxed = Path.Combine(dir, "source1.mp4");
        var file = "type=3\ncontainer=1\ncodec=1\nenc-type=1\nsync=0\nbitrate=1000000";
        // Source 0 has 30 frames, source 1 has 20: the demuxed file's length tells which source it carries.
        var text = RunnerHarness.Config([TestMedia.Uri(TestMedia.ShortClip), TestMedia.Uri(TestMedia.ShorterClip)], $"{file}\noutput-file={tiled}",
                infer: true, tracker: false, tileWidth: 1280, tileHeight: 360,
                extra: $"[sink1]\nenable=1\n{file}\nlink-to-demux=1\nsource-id=1\noutput-file={demuxed}")
            .Replace("[tiled-display]\nenable=1", "[tiled-display]\nenable=2\nrows=1\ncolumns=2", StringComparison.Ordinal);
        var (graph, config) = RunnerHarness.Graph(dir, text);
        Assert.That(graph.OfFactory("dsnetmultistreamtiler").Count(), Is.EqualTo(1));
        Assert.That(graph.OfFactory("dsnetstreamdemux").Count(), Is.EqualTo(1));
        var log = new TestLogger();
        using var runner = new PipelineRunner(graph, log);
        runner.Build();
        var result = RunnerHarness.Run(runner, TimeSpan.FromSeconds(120));
        var tail = string.Join("\n", log.Lines.TakeLast(20));

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.EndOfStream), tail);
        var t = TestMedia.Inspect(tiled);
        var d = TestMedia.Inspect(demuxed);
        Assert.Multiple(() =>
        {
            Assert.That((t.Width, t.Height), Is.EqualTo((1280, 360)), "tiled 1x2");
            Assert.That(t.Frames, Is.EqualTo(30), "one tiled frame per batch, as long as the longer source");
            Assert.That((d.Width, d.Height), Is.EqualTo((640, 360)), "the demuxed source at the muxer's size");
            Assert.That(d.Frames, Is.EqualTo(20), "source 1 (20 frames) alone, not source 0 (30 frames)");
        });
    }
}
