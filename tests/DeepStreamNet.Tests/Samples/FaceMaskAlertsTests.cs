using DeepStreamNet.Hosting;
using DeepStreamNet.InferImages;
using DeepStreamNet.Interop;
using DeepStreamNet;
using DeepStreamNet.Runner;
using DeepStreamNet.Tests.Probes;
using FaceMaskAlerts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Samples;

/// <summary>
/// The FaceMaskAlerts sample as shipped — its settings INI, its deepstream-app config, the DI-registered probe in the
/// generic host — on the first 2 s of the demo clip (real decode, inference, tracking, crops through the pixel API).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class FaceMaskAlertsTests
{
    private static string Settings => Path.Combine(TestPaths.RepositoryRoot, "samples", "FaceMaskAlerts", "facemaskalerts.ini");

    [OneTimeSetUp]
    public void Init() => ProbeTestEnv.Init();

    [Test]
    public async Task AlertsOncePerTrackedUnmaskedFaceWithAJpegCrop()
    {
        var dir = Path.Combine(Path.GetTempPath(), "dsnet-alerts-" + Guid.NewGuid().ToString("N"));
        var exitBefore = Environment.ExitCode;
        try
        {
            var video = Path.Combine(TestPaths.SharedAssets, "media", "facemask-demo-720p.mp4");
            var args = new AlertsArguments(Settings, OutputDirectory: dir, MaxFrames: 50, Backend: PipelineBackend.Portable, Overrides:
            [
                // the shipped config's relative asset paths, pointed at the shared copies this test tree uses
                $"source0.uri=file://{video}",
                $"primary-gie.config-file={ProbeTestEnv.InferConfig}",
                $"tracker.ll-config-file={Path.Combine(ProbeTestEnv.PortableConfigDir, "config_tracker_IOU.yml")}",
            ]);
            using var host = AlertsApp.BuildHost(args, new Serilog.LoggerConfiguration().CreateLogger());
            var probe = host.Services.GetRequiredService<MaskAlertProbe>();
            var raised = new List<MaskAlert>();
            probe.Alert += raised.Add;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
            await host.StartAsync(timeout.Token);
            await host.WaitForShutdownAsync(timeout.Token);

            Assert.That(timeout.IsCancellationRequested, Is.False, "MaxFrames stopped the host (EOS) by itself");
            Assert.That(host.Services.GetRequiredService<DeepStreamService>().Result?.Outcome, Is.EqualTo(RunOutcome.EndOfStream).Or.EqualTo(RunOutcome.Stopped));
            Assert.That(Environment.ExitCode, Is.Zero);
            Assert.That(probe.Counts.Keys, Is.EquivalentTo(new uint[] { 0 }));
            var counts = probe.Counts[0];
            Assert.That(counts.Frames, Is.InRange(50, 80)); // frames in flight, and those decoded while the EOS (sent off the main loop) reaches the muxer pads, still arrive
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
            Assert.That(Directory.GetFiles(dir, "*.jpg"), Has.Length.EqualTo(raised.Count));
            foreach (var a in raised)
            {
                Assert.That(a.ConsecutiveFrames, Is.EqualTo(5));
                Assert.That(a.CropPath, Is.Not.Null.And.Exist);
                AssertFaceCrop(a.CropPath!, a);
            }
        }
        finally
        {
            Environment.ExitCode = exitBefore;
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Test]
    public void AMissingSettingsFileIsNamed()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => AlertsApp.BuildHost(new AlertsArguments("no/such/alerts.ini")));
        Assert.That(ex!.Message, Does.Contain("alerts.ini").And.Contain("--settings"));
    }

    // The crop decodes as a JPEG of the box's size showing a face, not a blank or wrong slot.
    private static unsafe void AssertFaceCrop(string path, MaskAlert alert)
    {
        using var image = ImageDecoder.Decode(path);
        Assert.That(image.Width, Is.InRange((int)alert.Box.Width - 1, (int)alert.Box.Width + 2));
        Assert.That(image.Height, Is.InRange((int)alert.Box.Height - 1, (int)alert.Box.Height + 2));
        GstMapInfo map;
        Assert.That((bool)Gst.gst_buffer_map(image.Buffer, &map, GstMapFlags.GST_MAP_READ), Is.True);
        try
        {
            var bytes = new ReadOnlySpan<byte>(map.data, (int)map.size);
            int lo = 255, hi = 0;
            for (var i = 0; i + 3 < bytes.Length; i += 16)
            {
                var l = (bytes[i] + bytes[i + 1] + bytes[i + 2]) / 3;
                lo = Math.Min(lo, l);
                hi = Math.Max(hi, l);
            }

            Assert.That(hi - lo, Is.GreaterThan(20), "a face, not a blank slot");
        }
        finally
        {
            Gst.gst_buffer_unmap(image.Buffer, &map);
        }
    }
}
