using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DeepStreamNet.Metadata;
using DeepStreamNet.Probes;
using DeepStreamNet.Runner;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner.Faults;

/// <summary>
/// Issue 18, "a file source beside an RTSP source that never connects": with unlimited reconnection the RTSP source
/// never ends by itself, so the run ends on a stop request. The RTSP source's element never reached PLAYING (nobody
/// answers), which kept the whole pipeline from PLAYING and its EOS message from being posted: the stop was forced
/// after 10 s and the file source's MP4 was lost (exit 5, <c>out.mp4.incomplete</c>). Now the down source is taken out
/// at the stop: the MP4 holds every frame of the file, the exit code says a source failed, the stop takes seconds.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class NeverConnectedRtspTests
{
    private const int HealthyFrames = 90;

    [TestCase(false, TestName = "NeverConnectedRtsp_ClosedPort_StopFinalisesTheFileSourcesMp4")]
    [TestCase(true, TestName = "NeverConnectedRtsp_ServerThatNeverAnswers_StopFinalisesTheFileSourcesMp4")]
    public void StopFinalisesTheFileSourcesMp4(bool silentServer)
    {
        using var server = silentServer ? new SilentServer() : null;
        var port = server?.Port ?? SourceIsolationTests.ClosedPort();
        var dir = RunnerHarness.TempDir(silentServer ? "fault-rtsp-silent" : "fault-rtsp-closed");
        var output = Path.Combine(dir, "out.mp4");
        var (graph, _) = RunnerHarness.Graph(dir, SourceIsolationTests.RtspConfig(port, output, attempts: -1));
        var log = new TestLogger();
        using var runner = new PipelineRunner(graph, log);
        runner.Build();
        var healthy = 0;
        using var registration = runner.AddProbe(ProbeAttachPoint.AfterMuxer, (ref BatchMeta batch, in ProbeContext _) =>
        {
            foreach (var f in batch.Frames)
            {
                if (f.SourceId == 0)
                {
                    Interlocked.Increment(ref healthy);
                }
            }
        });

        var run = runner.RunAsync();
        var clock = Stopwatch.StartNew();
        while (Volatile.Read(ref healthy) < HealthyFrames && clock.Elapsed < TimeSpan.FromSeconds(90) && !run.IsCompleted)
        {
            Thread.Sleep(100);
        }

        // Let the RTSP source go through a reconnection or two after the file ended, then stop as Ctrl-C does.
        Thread.Sleep(2500);
        Assert.That(run.IsCompleted, Is.False, "unlimited reconnection: the run does not end by itself");
        var stop = Stopwatch.StartNew();
        runner.RequestStop();
        Assert.That(run.Wait(TimeSpan.FromSeconds(30)), Is.True, "the run ended after the stop request");
        stop.Stop();
        var result = run.Result;

        var detail = string.Join("\n", log.Lines.TakeLast(30));
        Assert.That(healthy, Is.EqualTo(HealthyFrames), "every frame of the file went through the muxer");
        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Stopped), detail);
        Assert.That(result.StopForced, Is.False, detail);
        Assert.That(result.ExitCode, Is.EqualTo(RunExitCodes.SourcesFailed), detail);
        Assert.That(result.Errors, Has.Some.Contains("not connected when the run stopped"), detail);
        Assert.That(stop.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "the stop did not wait for the 10 s forced stop");
        SourceIsolationTests.AssertFinalised(output, dir);
        Assert.That(File.Exists(output + ".incomplete"), Is.False);
        var (decoded, _, _, _) = TestMedia.Inspect(output);
        Assert.That(decoded, Is.EqualTo(HealthyFrames), "the MP4 holds every frame of the file source");
    }

    /// <summary>A TCP server on a local port that accepts connections and never answers (an RTSP server that hangs).</summary>
    private sealed class SilentServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<TcpClient> _clients = [];
        private readonly Thread _accept;

        public SilentServer()
        {
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _accept = new Thread(() =>
            {
                try
                {
                    while (true)
                    {
                        var client = _listener.AcceptTcpClient();
                        lock (_clients)
                        {
                            _clients.Add(client);
                        }
                    }
                }
                catch (SocketException)
                {
                    // Stopped.
                }
                catch (ObjectDisposedException)
                {
                    // Stopped.
                }
            })
            {
                IsBackground = true,
            };
            _accept.Start();
        }

        public int Port { get; }

        public void Dispose()
        {
            _listener.Stop();
            _accept.Join(TimeSpan.FromSeconds(5));
            lock (_clients)
            {
                foreach (var c in _clients)
                {
                    c.Dispose();
                }
            }
        }
    }
}
