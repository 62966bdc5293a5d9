using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DeepStreamNet.Interop;
using DeepStreamNet.GStreamer;
using DeepStreamNet.Runner;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner;

/// <summary>deepstream-app sink type 4 end to end: the runner serves its output over RTSP and a real client decodes it.</summary>
[TestFixture]
[NonParallelizable]
public sealed unsafe class RtspOutTests
{
    [Test]
    public void RtspOutSink_ClientOnLoopback_DecodesFramesOfTheTiledSize()
    {
        // sync=1 plays the 28 s demo clip in real time, so the stream outlives the client.
        var (client, run, tail) = Serve(TestMedia.DemoMp4, string.Empty, frames: 10);
        Assert.That(client.Frames, Is.GreaterThanOrEqualTo(10), $"decoded frames from the RTSP output (attempts {client.Attempts}, last error: {client.LastError})\n{tail}");
        Assert.That((client.Width, client.Height), Is.EqualTo((640, 360)), "decoded frame size");
        Assert.That(run.Outcome, Is.EqualTo(RunOutcome.Stopped), tail);
    }

    [Test]
    public void RtspOutSink_WithFileLoop_StreamsOnAcrossPasses()
    {
        // The 30-frame clip looped: 90 decoded frames need three passes, so the loop seek must not end the stream.
        var (client, run, tail) = Serve(TestMedia.ShortClip, "[tests]\nfile-loop=1", frames: 90);
        Assert.That(client.Frames, Is.GreaterThanOrEqualTo(90), $"decoded frames over three passes (attempts {client.Attempts}, last error: {client.LastError})\n{tail}");
        Assert.That(tail, Does.Contain("end of file, looping"));
        Assert.That(run.Outcome, Is.EqualTo(RunOutcome.Stopped), tail);
    }

    /// <summary>Runs one source into an RTSP out sink until an rtspsrc client on 127.0.0.1 decoded
    /// <paramref name="frames"/> frames (or gave up), then stops the runner.</summary>
    private static (ClientResult Client, RunResult Run, string Log) Serve(string media, string extra, int frames)
    {
        var rtspPort = FreePort(SocketType.Stream, ProtocolType.Tcp);
        var udpPort = FreePort(SocketType.Dgram, ProtocolType.Udp);
        var dir = RunnerHarness.TempDir("rtsp-out");
        // Real-time playback; a short I-frame interval lets a client that joins mid-stream start decoding quickly.
        var sink = $"type=4\ncodec=1\nenc-type=1\nsync=1\nbitrate=1000000\niframeinterval=10\nrtsp-port={rtspPort}\nudp-port={udpPort}";
        var text = RunnerHarness.Config([TestMedia.Uri(media)], sink, infer: false, tracker: false, extra: extra);
        var (graph, config) = RunnerHarness.Graph(dir, text);
        var log = new TestLogger();
        using var runner = new PipelineRunner(graph, log);
        runner.Build();
        using var cts = new CancellationTokenSource();
        var run = runner.RunAsync(cts.Token);
        ClientResult client;
        try
        {
            client = Receive($"rtsp://127.0.0.1:{rtspPort}/ds-test", frames, TimeSpan.FromSeconds(40));
        }
        finally
        {
            cts.Cancel();
        }

        Assert.That(run.Wait(TimeSpan.FromSeconds(30), CancellationToken.None), Is.True, "runner did not stop after cancel");
        return (client, run.Result, string.Join("\n", log.Lines));
    }

    /// <summary>A port the OS just handed out on 127.0.0.1 (free at the time of asking).</summary>
    private static int FreePort(SocketType type, ProtocolType protocol)
    {
        using var s = new Socket(AddressFamily.InterNetwork, type, protocol);
        s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)s.LocalEndPoint!).Port;
    }

    private readonly record struct ClientResult(int Frames, int Width, int Height, int Attempts, string? LastError);

    /// <summary>Plays the URL until <paramref name="frames"/> frames are decoded or the deadline passes; a client that
    /// errors before its first frame (server not up yet, no data on the mount yet) is retried.</summary>
    private static ClientResult Receive(string url, int frames, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var attempts = 0;
        string? lastError = null;
        var best = new ClientResult(0, 0, 0, 0, null);
        while (DateTime.UtcNow < deadline)
        {
            attempts++;
            var r = Attempt(url, frames, deadline, out lastError);
            if (r.Frames > best.Frames)
            {
                best = r;
            }

            if (r.Frames >= frames || r.Frames > 0)
            {
                break; // got data: no retry after a connection that worked
            }

            Thread.Sleep(500);
        }

        return best with { Attempts = attempts, LastError = lastError };
    }

    private static ClientResult Attempt(string url, int frames, DateTime deadline, out string? error)
    {
        error = null;
        using var d = new TestMedia.Utf8($"rtspsrc location={url} protocols=tcp latency=0 timeout=5000000 ! rtph264depay ! h264parse ! avdec_h264 ! fakesink name=s sync=false");
        GError* e = null;
        var p = Gst.gst_parse_launch(d.P, &e);
        if (e is not null)
        {
            var m = Marshal.PtrToStringUTF8((nint)e->message);
            GLib.g_error_free(e);
            if (p is not null)
            {
                Gst.gst_object_unref(p);
            }

            Assert.Fail($"gst_parse_launch: {m}");
        }

        var counter = new Counter();
        var handle = GCHandle.Alloc(counter);
        GstPad* pad = null;
        try
        {
            using var n = new TestMedia.Utf8("s");
            var sink = Gst.gst_bin_get_by_name((GstBin*)p, n.P);
            using var pn = new TestMedia.Utf8("sink");
            pad = Gst.gst_element_get_static_pad(sink, pn.P);
            Gst.gst_object_unref(sink);
            Gst.gst_pad_add_probe(pad, GstPadProbeType.GST_PAD_PROBE_TYPE_BUFFER, &OnBuffer, (void*)GCHandle.ToIntPtr(handle), null);
            Gst.gst_element_set_state(p, GstState.GST_STATE_PLAYING);
            var bus = Gst.gst_element_get_bus(p);
            try
            {
                while (Volatile.Read(ref counter.Frames) < frames && DateTime.UtcNow < deadline)
                {
                    var msg = Gst.gst_bus_timed_pop_filtered(bus, 100_000_000UL, GstMessageType.GST_MESSAGE_EOS | GstMessageType.GST_MESSAGE_ERROR);
                    if (msg is null)
                    {
                        continue;
                    }

                    if (msg->type == GstMessageType.GST_MESSAGE_ERROR)
                    {
                        GError* me = null;
                        byte* dbg = null;
                        Gst.gst_message_parse_error(msg, &me, &dbg);
                        error = Marshal.PtrToStringUTF8((nint)me->message);
                        GLib.g_error_free(me);
                        GLib.g_free(dbg);
                    }
                    else
                    {
                        error = "EOS";
                    }

                    Gst.gst_mini_object_unref((GstMiniObject*)msg);
                    break;
                }
            }
            finally
            {
                Gst.gst_object_unref(bus);
            }

            int w = 0, h = 0;
            var caps = Gst.gst_pad_get_current_caps(pad);
            if (caps is not null)
            {
                var s = Gst.gst_caps_get_structure(caps, 0);
                using var fw = new TestMedia.Utf8("width");
                using var fh = new TestMedia.Utf8("height");
                Gst.gst_structure_get_int(s, fw.P, &w);
                Gst.gst_structure_get_int(s, fh.P, &h);
                Gst.gst_mini_object_unref((GstMiniObject*)caps);
            }

            return new ClientResult(Volatile.Read(ref counter.Frames), w, h, 0, error);
        }
        finally
        {
            Gst.gst_element_set_state(p, GstState.GST_STATE_NULL);
            if (pad is not null)
            {
                Gst.gst_object_unref(pad);
            }

            Gst.gst_object_unref(p);
            handle.Free();
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static GstPadProbeReturn OnBuffer(GstPad* pad, GstPadProbeInfo* info, void* data)
    {
        if (GCHandle.FromIntPtr((nint)data).Target is Counter c)
        {
            Interlocked.Increment(ref c.Frames);
        }

        return GstPadProbeReturn.GST_PAD_PROBE_OK;
    }

    private sealed class Counter
    {
        public int Frames;
    }
}
