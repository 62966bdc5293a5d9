using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DeepStreamNet.Interop;
using DeepStreamNet.GStreamer;
using DeepStreamNet.Runner;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runtime;

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

    /// <summary>gst-rtsp-server on 127.0.0.1 serving a live test pattern at /test, on its own GLib main loop.</summary>
    private sealed class TestRtspServer : IDisposable
    {
        private readonly GMainContext* _context;
        private readonly GMainLoop* _loop;
        private readonly Thread _thread;
        private readonly GstRTSPServer* _server;
        private uint _source;

        public TestRtspServer(int port)
        {
            _context = GLib.g_main_context_new();
            _loop = GLib.g_main_loop_new(_context, false);
            _server = GstRtsp.gst_rtsp_server_new();
            using (var a = new TestMedia.Utf8("127.0.0.1"))
            {
                GstRtsp.gst_rtsp_server_set_address(_server, a.P);
            }

            using (var s = new TestMedia.Utf8(port.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                GstRtsp.gst_rtsp_server_set_service(_server, s.P);
            }

            var mounts = GstRtsp.gst_rtsp_server_get_mount_points(_server);
            var factory = GstRtsp.gst_rtsp_media_factory_new();
            using (var l = new TestMedia.Utf8("( videotestsrc is-live=true ! video/x-raw,width=320,height=240,framerate=25/1 ! x264enc tune=zerolatency speed-preset=ultrafast key-int-max=5 ! rtph264pay name=pay0 pt=96 config-interval=1 )"))
            {
                GstRtsp.gst_rtsp_media_factory_set_launch(factory, l.P);
            }

            GstRtsp.gst_rtsp_media_factory_set_shared(factory, true);
            using (var m = new TestMedia.Utf8("/test"))
            {
                GstRtsp.gst_rtsp_mount_points_add_factory(mounts, m.P, factory);
            }

            Gst.gst_object_unref(mounts);
            _thread = new Thread(() =>
            {
                GLib.g_main_context_push_thread_default(_context);
                GLib.g_main_loop_run(_loop);
                GLib.g_main_context_pop_thread_default(_context);
            }) { IsBackground = true };
            _thread.Start();
            Start();
        }

        public void Start()
        {
            _source = GstRtsp.gst_rtsp_server_attach(_server, _context);
            Assert.That(_source, Is.Not.Zero, "RTSP test server could not listen");
        }

        /// <summary>Stops listening and closes every client session.</summary>
        public void Stop()
        {
            var s = GLib.g_main_context_find_source_by_id(_context, _source);
            if (s is not null)
            {
                GLib.g_source_destroy(s);
            }

            _source = 0;
            var removed = GstRtsp.gst_rtsp_server_client_filter(_server, &RemoveAll, null);
            GLib.g_list_free(removed);
        }

        public void Dispose()
        {
            Stop();
            GLib.g_main_loop_quit(_loop);
            _thread.Join(TimeSpan.FromSeconds(5));
            Gst.gst_object_unref(_server);
            GLib.g_main_loop_unref(_loop);
            GLib.g_main_context_unref(_context);
        }

        [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
        private static GstRTSPFilterResult RemoveAll(GstRTSPServer* server, GstRTSPClient* client, void* data) => GstRTSPFilterResult.GST_RTSP_FILTER_REMOVE;
    }
}
