using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner;

/// <summary>deepstream-app sink type 2 (window) on the portable runtime: a real X11 window under Xvfb, and a clear
/// error when there is no display at all.</summary>
[TestFixture]
[NonParallelizable]
public sealed class DisplaySinkTests
{
    private static readonly Dictionary<string, string?> Headless = new() { ["DISPLAY"] = null, ["WAYLAND_DISPLAY"] = null };

    [Test]
    public void DisplaySink_UnderXvfb_ShowsThePlayingVideoInAWindowOfTheSinkSize()
    {
        var frames = XScreen.ClipThumbs(TestMedia.DemoMp4, 800, 450); // before the run: the clip plays in real time
        using var x = XvfbServer.Start(1280, 720);
        var dir = RunnerHarness.TempDir("display");
        var path = Path.Combine(dir, "app.txt");
        // sync=1 plays the demo clip in real time: the window stays up while the test looks at it.
        File.WriteAllText(path, RunnerHarness.Config([TestMedia.Uri(TestMedia.DemoMp4)], "type=2\nsync=1\nwidth=800\nheight=450", infer: false, tracker: false));
        using var p = CliProcessTests.StartDsnet(dir, new Dictionary<string, string?> { ["DISPLAY"] = x.Display, ["WAYLAND_DISPLAY"] = null },
            "run", path, "--backend", "portable");

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        IReadOnlyList<(string Name, int Width, int Height)> windows = [];
        while (!p.HasExited && DateTime.UtcNow < deadline && windows.Count == 0)
        {
            Thread.Sleep(200);
            windows = x.Windows();
        }

        Assert.That(windows, Has.Count.EqualTo(1), "one video window on the X server\n" + p.Output);
        Assert.That((windows[0].Width, windows[0].Height), Is.EqualTo((800, 450)), "window sized by the sink's width/height");

        // Two grabs of the window area a second apart, each matched against every frame of the clip as the sink shows it:
        // the window shows the video (a close match, far closer than a black or stale window would be) and it plays on
        // (the second grab matches a later frame). The window is mapped before its first frame is drawn, so the first
        // grab is repeated until it shows a picture (a not-yet-drawn window once matched a random frame at 7.8).
        var first = XScreen.BestMatch(XScreen.GrabThumb(x.Display, 800, 450), frames);
        var drawnBy = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (first.Difference >= 3.0 && DateTime.UtcNow < drawnBy && !p.HasExited)
        {
            Thread.Sleep(200);
            first = XScreen.BestMatch(XScreen.GrabThumb(x.Display, 800, 450), frames);
        }

        Thread.Sleep(1000);
        var second = XScreen.BestMatch(XScreen.GrabThumb(x.Display, 800, 450), frames);
        TestContext.Out.WriteLine($"first grab ~ frame {first.Index} (difference {first.Difference:F1}), second ~ frame {second.Index} ({second.Difference:F1})");
        Assert.That(first.Difference, Is.LessThan(3.0), "the window shows a frame of the demo clip");
        Assert.That(second.Difference, Is.LessThan(8.0), "the window still shows frames of the demo clip");
        Assert.That(second.Index, Is.GreaterThan(first.Index), "the picture moves on as the video plays");

        p.Interrupt();
        var (code, stdout, stderr) = p.WaitForExit(TimeSpan.FromSeconds(30), "dsnet run after SIGINT");
        Assert.That(code, Is.Zero, stdout + stderr);
        Assert.That(stdout + stderr, Does.Contain("run ended: Stopped"));
    }

    [Test]
    public void DisplaySink_Headless_ExitsThree_WithWhatToDo()
    {
        var dir = RunnerHarness.TempDir("display-headless");
        var path = Path.Combine(dir, "app.txt");
        File.WriteAllText(path, RunnerHarness.Config([TestMedia.Uri(TestMedia.ShortClip)], "type=2\nsync=0", infer: false, tracker: false));
        using var p = CliProcessTests.StartDsnet(dir, Headless, "run", path, "--backend", "portable");
        var (code, stdout, stderr) = p.WaitForExit(TimeSpan.FromSeconds(60), "dsnet run");
        Assert.That(code, Is.EqualTo(3), stdout + stderr);
        Assert.That(stderr, Does.Contain("'sink0_sink' (autovideosink) renders to a window but there is no display")
            .And.Contain("type=3").And.Contain("xvfb-run"));
    }
}
