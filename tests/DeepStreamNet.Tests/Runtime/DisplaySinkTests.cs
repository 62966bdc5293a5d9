using NUnit.Framework;

namespace DeepStreamNet.Tests.Runtime;

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

        // Two grabs of the window area a second apart: real picture (not black) and moving (the video plays).
        Thread.Sleep(1000);
        var first = XScreen.GrabGray(x.Display, 800, 450);
        Thread.Sleep(1000);
        var second = XScreen.GrabGray(x.Display, 800, 450);
        Assert.That(first.Average(b => (double)b), Is.GreaterThan(60), "the window shows the (bright) demo picture");
        Assert.That(first.Zip(second).Average(t => Math.Abs(t.First - t.Second)), Is.GreaterThan(1.0), "the picture changes as the video plays");

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
