using DeepStreamNet.GStreamer;
using DeepStreamNet.Runner;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner;

/// <summary>An RTSP source served by a local gst-rtsp-server that drops its clients and stops for a while is reconnected.</summary>
[TestFixture]
[NonParallelizable]
public sealed unsafe class RtspReconnectTests
{
    [Test]
    public void RtspSource_ServerDropsAndComesBack_IsReconnected()
    {
        var port = 20000 + Random.Shared.Next(20000);
        using var server = new TestRtspServer(port);
        var dir = RunnerHarness.TempDir("rtsp");
        var text = RunnerHarness.Config([$"rtsp://127.0.0.1:{port}/test"], "type=1\nsync=0\ncontainer=1\ncodec=1", infer: false, tracker: false)
            .Replace("type=2", "type=4\nlatency=100\nrtsp-reconnect-interval-sec=2\nrtsp-reconnect-attempts=-1", StringComparison.Ordinal)
            .Replace("[streammux]", "[streammux]\nlive-source=1", StringComparison.Ordinal);
        var (graph, config) = RunnerHarness.Graph(dir, text);
        var log = new TestLogger();
        using var runner = new PipelineRunner(graph, log);
        runner.Build();
        var batches = 0;
        var watch = new FrameWatch(runner, () => Interlocked.Increment(ref batches));
        using var cts = new CancellationTokenSource();
        var run = runner.RunAsync(cts.Token);

        Assert.That(SpinWait.SpinUntil(() => Volatile.Read(ref batches) > 10, TimeSpan.FromSeconds(30)), Is.True, "frames from the RTSP server");
        server.Stop(); // drops the session: no more data
        Thread.Sleep(TimeSpan.FromSeconds(4));
        server.Start();
        var before = Volatile.Read(ref batches);
        var resumed = SpinWait.SpinUntil(() => Volatile.Read(ref batches) > before + 10, TimeSpan.FromSeconds(40));
        cts.Cancel();
        Assert.That(run.Wait(TimeSpan.FromSeconds(30), CancellationToken.None), Is.True);
        GC.KeepAlive(watch);

        Assert.That(log.Lines, Has.Some.Contains("reconnection attempt"));
        Assert.That(resumed, Is.True, "frames flow again after the server came back:\n" + string.Join("\n", log.Lines.TakeLast(20)));
        Assert.That(run.Result.Outcome, Is.EqualTo(RunOutcome.Stopped));
    }
}
