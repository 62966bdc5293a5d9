using DeepStreamNet.InferImages;
using DeepStreamNet.Tests.Probes;
using FaceMaskAlerts;
using NUnit.Framework;
using SkiaSharp;

namespace DeepStreamNet.Tests.Samples;

/// <summary>The FaceMaskAlerts sample on the first 2 s of the demo clip (real decode, inference, tracking).</summary>
[TestFixture]
public sealed class FaceMaskAlertsTests
{
    [OneTimeSetUp]
    public void Init() => ProbeTestEnv.Init();

    [Test]
    public void AlertsOncePerTrackedUnmaskedFaceWithAJpegCrop()
    {
        var dir = Path.Combine(Path.GetTempPath(), "dsnet-alerts-" + Guid.NewGuid().ToString("N"));
        try
        {
            var probe = new MaskAlertProbe(new AlertOptions { ConsecutiveFrames = 5, CropDirectory = dir });
            var raised = new List<MaskAlert>();
            probe.Alert += raised.Add;
            var video = Path.Combine(TestPaths.SharedAssets, "media", "facemask-demo-720p.mp4");
            using var pipeline = new LaunchedPipeline(AlertPipeline.Describe(
                video,
                ProbeTestEnv.InferConfig,
                Path.Combine(ProbeTestEnv.PortableConfigDir, "config_tracker_IOU.yml"),
                maxFrames: 50));
            using var reg = pipeline.AddProbe("tracker", "src", probe);
            pipeline.RunToEnd(TimeSpan.FromSeconds(120));

            Assert.That(reg.Stats.Faults, Is.Zero, reg.Stats.LastFault);
            Assert.That(probe.Counts.Keys, Is.EquivalentTo(new uint[] { 0 }));
            var counts = probe.Counts[0];
            Assert.That(counts.Frames, Is.InRange(50, 51)); // identity eos-after may let one more through
            // Frames 0-12 show 2 unmasked + 1 masked face, 13-24 one masked, 25-37 two faces (demo annotations).
            Assert.That(counts.NoMask, Is.GreaterThanOrEqualTo(15));
            Assert.That(counts.Mask, Is.GreaterThanOrEqualTo(15));

            Assert.That(raised, Is.EqualTo(probe.Alerts));
            Assert.That(raised, Has.Count.InRange(2, 6));
            Assert.That(raised.Select(a => a.TrackId), Is.Unique, "one alert per track id");
            // The two unmasked faces of the first picture (x ≈ 291-350 and 775-844) alert after 5 tracked frames.
            Assert.That(raised.Count(a => a.FrameNumber < 13), Is.EqualTo(2));
            Assert.That(raised.Any(a => a.Box.Left < 330 && a.Box.Right > 320), Is.True);
            Assert.That(raised.Any(a => a.Box.Left < 810 && a.Box.Right > 800), Is.True);
            foreach (var a in raised)
            {
                Assert.That(a.ConsecutiveFrames, Is.EqualTo(5));
                Assert.That(a.CropPath, Is.Not.Null.And.Exist);
                using var bmp = SKBitmap.Decode(a.CropPath);
                Assert.That(bmp, Is.Not.Null, "the crop is a JPEG");
                Assert.That(bmp.Width, Is.InRange((int)a.Box.Width - 1, (int)a.Box.Width + 2));
                Assert.That(bmp.Height, Is.InRange((int)a.Box.Height - 1, (int)a.Box.Height + 2));
                Assert.That(Spread(bmp), Is.GreaterThan(20), "a face, not a blank slot");
            }
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    private static int Spread(SKBitmap bmp)
    {
        int lo = 255, hi = 0;
        for (var y = 0; y < bmp.Height; y += 2)
        {
            for (var x = 0; x < bmp.Width; x += 2)
            {
                var c = bmp.GetPixel(x, y);
                var l = (c.Red + c.Green + c.Blue) / 3;
                lo = Math.Min(lo, l);
                hi = Math.Max(hi, l);
            }
        }

        return hi - lo;
    }
}
