using DeepStreamNet.InferImages;
using DeepStreamNet.Metadata;
using DeepStreamNet.Probes;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Probes;

/// <summary>The views read exactly what the C side (dsnetstreammux + dsnetinfer on a real image) wrote.</summary>
[TestFixture]
public sealed class MetadataViewTests
{
    [OneTimeSetUp]
    public void Init() => ProbeTestEnv.Init();

    private sealed record Seen(uint Source, uint Pad, uint BatchId, int Frame, ulong Pts, uint W, uint H, uint SrcW, uint SrcH, bool InferDone, uint NumObjects, List<(int ClassId, string Label, float Confidence, RectF Rect, RectF Detector, bool Tracked, int Component, string? Display)> Objects);

    [Test]
    public void ViewsReadWhatDsnetinferWrote()
    {
        var seen = new List<Seen>();
        uint numFrames = 0;
        using var pipeline = new LaunchedPipeline(ProbeTestEnv.FaceImagePipeline(3));
        using var reg = pipeline.AddProbe("infer", "src", (ref BatchMeta batch, in ProbeContext ctx) =>
        {
            numFrames = batch.NumFrames;
            foreach (var f in batch.Frames)
            {
                var objs = new List<(int, string, float, RectF, RectF, bool, int, string?)>();
                foreach (var o in f.Objects)
                {
                    objs.Add((o.ClassId, o.Label, o.Confidence, o.Rect, o.DetectorBox, o.IsTracked, o.UniqueComponentId, o.DisplayText));
                }

                seen.Add(new Seen(f.SourceId, f.PadIndex, f.BatchId, f.FrameNumber, f.Pts, f.PipelineWidth, f.PipelineHeight, f.SourceWidth, f.SourceHeight, f.InferDone, f.NumObjects, objs));
            }
        });
        pipeline.RunToEnd(TimeSpan.FromSeconds(60));

        Assert.That(reg.Stats.Faults, Is.Zero, reg.Stats.LastFault);
        Assert.That(seen, Has.Count.EqualTo(3));
        Assert.That(numFrames, Is.EqualTo(1u));
        for (var i = 0; i < seen.Count; i++)
        {
            var s = seen[i];
            Assert.Multiple(() =>
            {
                Assert.That(s.Source, Is.Zero);
                Assert.That(s.Pad, Is.Zero);
                Assert.That(s.BatchId, Is.Zero);
                Assert.That(s.Frame, Is.EqualTo(i));
                Assert.That((s.W, s.H), Is.EqualTo((512u, 366u)));
                Assert.That((s.SrcW, s.SrcH), Is.EqualTo((512u, 366u)));
                Assert.That(s.NumObjects, Is.EqualTo((uint)s.Objects.Count));
                Assert.That(s.Objects, Has.Count.InRange(2, 4), "the image shows 3 faces");
            });
            foreach (var o in s.Objects)
            {
                Assert.Multiple(() =>
                {
                    Assert.That(o.Label, Is.EqualTo(o.ClassId == 0 ? "mask" : "no-mask"));
                    Assert.That(o.ClassId, Is.AnyOf(0, 1));
                    Assert.That(o.Confidence, Is.InRange(0.5f, 1f));
                    Assert.That(o.Rect.IsInside(512, 366), Is.True, o.Rect.ToString());
                    Assert.That(o.Rect.Width, Is.GreaterThan(5));
                    Assert.That(o.Tracked, Is.False);
                    Assert.That(o.Component, Is.EqualTo(1));
                });
            }
        }

        Assert.That(seen[1].Pts, Is.GreaterThan(seen[0].Pts));
        // Same picture each time: same detections.
        Assert.That(seen[2].Objects.Select(o => o.Label), Is.EqualTo(seen[0].Objects.Select(o => o.Label)));
        Assert.That(seen[0].Objects.Count(o => o.Label == "no-mask"), Is.GreaterThanOrEqualTo(1));
        Assert.That(seen[0].Objects.Count(o => o.Label == "mask"), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public void WritesAreVisibleDownstream()
    {
        var downstream = new List<(string Label, string? Text, OsdColor Border, OsdColor? Bg, OsdColor TextColor)>();
        string? displayText = null;
        RectF displayRect = default;
        int before = 0, after = 0;
        using var pipeline = new LaunchedPipeline(ProbeTestEnv.FaceImagePipeline(1));
        using var writer = pipeline.AddProbe("infer", "src", (ref BatchMeta batch, in ProbeContext ctx) =>
        {
            foreach (var f in batch.Frames)
            {
                before = f.Objects.Count;
                var first = true;
                foreach (var o in f.Objects)
                {
                    if (first)
                    {
                        first = false;
                        o.SetLabel("fäce-renamed");
                        o.BorderColor = new OsdColor(0, 0, 1, 1);
                        o.BackgroundColor = new OsdColor(1, 1, 0, 0.5);
                        o.TextColor = OsdColor.Black;
                    }
                    else
                    {
                        f.RemoveObject(o); // removes all but the first, inside the walk
                    }
                }

                var d = f.AddDisplayMeta();
                d.AddText("faces: 1", 10, 20, 12, OsdColor.White, OsdColor.Black);
                d.AddRect(new RectF(1, 2, 30, 40), OsdColor.Red1, 3);
                d.AddLine(0, 0, 10, 10, OsdColor.Green1);
            }
        });
        using var reader = pipeline.AddProbe("after", "src", (ref BatchMeta batch, in ProbeContext ctx) =>
        {
            foreach (var f in batch.Frames)
            {
                after = (int)f.NumObjects;
                foreach (var o in f.Objects)
                {
                    downstream.Add((o.Label, o.DisplayText, o.BorderColor, o.BackgroundColor, o.TextColor));
                }

                foreach (var d in f.DisplayMetas)
                {
                    displayText = d.TextAt(0);
                    displayRect = d.RectAt(0);
                }
            }
        });
        pipeline.RunToEnd(TimeSpan.FromSeconds(60));

        Assert.That(writer.Stats.Faults + reader.Stats.Faults, Is.Zero, writer.Stats.LastFault ?? reader.Stats.LastFault);
        Assert.That(before, Is.GreaterThanOrEqualTo(2));
        Assert.That(after, Is.EqualTo(1));
        Assert.That(downstream, Has.Count.EqualTo(1));
        Assert.That(downstream[0].Label, Is.EqualTo("fäce-renamed"));
        Assert.That(downstream[0].Text, Is.EqualTo("fäce-renamed"));
        Assert.That(downstream[0].Border, Is.EqualTo(new OsdColor(0, 0, 1, 1)));
        Assert.That(downstream[0].Bg, Is.EqualTo(new OsdColor(1, 1, 0, 0.5)));
        Assert.That(downstream[0].TextColor, Is.EqualTo(OsdColor.Black));
        Assert.That(displayText, Is.EqualTo("faces: 1"));
        Assert.That(displayRect, Is.EqualTo(new RectF(1, 2, 30, 40)));
    }
}
