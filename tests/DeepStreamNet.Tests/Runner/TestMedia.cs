using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DeepStreamNet.Interop;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner;

/// <summary>Short clips cut from the shared demo MP4 with real GStreamer pipelines, and decoding checks of outputs.</summary>
internal static unsafe class TestMedia
{
    private static readonly Lazy<string> ShortClipPath = new(() => MakeClip(30, 640, 360, "clip-640x360-30f-v3.mp4"));
    private static readonly Lazy<string> ShorterClipPath = new(() => MakeClip(20, 640, 360, "clip-640x360-20f-v3.mp4"));
    private static readonly Lazy<string> PlayingClipPath = new(() => MakeClip(75, 320, 180, "clip-320x180-75f-v3.mp4"));

    public static string DemoMp4 => Path.Combine(TestPaths.SharedAssets, "media", "facemask-demo-720p.mp4");

    /// <summary>1.2 s (30 frames, 25 fps, evenly timed) 640×360 H.264 MP4 cut from the demo clip (made once per test run).</summary>
    public static string ShortClip => ShortClipPath.Value;

    /// <summary>0.8 s (20 frames) 640×360 H.264 MP4, to tell two sources apart by length.</summary>
    public static string ShorterClip => ShorterClipPath.Value;

    /// <summary>3 s (75 frames) 320×180 H.264 MP4: long enough to change sources while it plays in real time.</summary>
    public static string PlayingClip => PlayingClipPath.Value;

    /// <summary>The first <paramref name="frames"/> frames of the demo at <paramref name="width"/>×<paramref name="height"/> (made once).</summary>
    public static string Clip(int frames, int width, int height) => MakeClip(frames, width, height, $"clip-{width}x{height}-{frames}f-v3.mp4");

    public static string Uri(string path) => new System.Uri(Path.GetFullPath(path)).AbsoluteUri;

    /// <summary>The first <paramref name="frames"/> frames of the demo. identity eos-after=N passes N−1 buffers; a
    /// single-threaded decoder has no frame in flight to drain after that, so no later frame slips in after a gap.</summary>
    private static string MakeClip(int frames, int width, int height, string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "dsnet-runtime-tests");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        if (File.Exists(path) && new FileInfo(path).Length > 0)
        {
            return path;
        }

        var tmp = path + ".part";
        Run($"filesrc location=\"{DemoMp4}\" ! qtdemux ! h264parse ! avdec_h264 max-threads=1 ! identity eos-after={frames + 1} ! videoconvert ! videoscale ! " +
            $"video/x-raw,format=I420,width={width},height={height} ! x264enc speed-preset=ultrafast key-int-max=10 ! h264parse ! mp4mux ! filesink location=\"{tmp}\"", 120);
        File.Move(tmp, path, overwrite: true);
        return path;
    }

    /// <summary>Runs a gst-launch description to EOS; fails the test on error or timeout.</summary>
    public static void Run(string description, int timeoutSeconds)
    {
        using var d = new Utf8(description);
        GError* error = null;
        var p = Gst.gst_parse_launch(d.P, &error);
        if (error is not null)
        {
            var m = Marshal.PtrToStringUTF8((nint)error->message);
            GLib.g_error_free(error);
            if (p is not null)
            {
                Gst.gst_object_unref(p);
            }

            Assert.Fail($"gst_parse_launch: {m}");
        }

        try
        {
            Gst.gst_element_set_state(p, GstState.GST_STATE_PLAYING);
            var bus = Gst.gst_element_get_bus(p);
            var msg = Gst.gst_bus_timed_pop_filtered(bus, (ulong)timeoutSeconds * 1_000_000_000UL, GstMessageType.GST_MESSAGE_EOS | GstMessageType.GST_MESSAGE_ERROR);
            Gst.gst_object_unref(bus);
            if (msg is null)
            {
                Assert.Fail($"no EOS within {timeoutSeconds} s: {description}");
            }

            var type = msg->type;
            string? text = null;
            if (type == GstMessageType.GST_MESSAGE_ERROR)
            {
                GError* e = null;
                byte* dbg = null;
                Gst.gst_message_parse_error(msg, &e, &dbg);
                text = Marshal.PtrToStringUTF8((nint)e->message);
                GLib.g_error_free(e);
                GLib.g_free(dbg);
            }

            Gst.gst_mini_object_unref((GstMiniObject*)msg);
            Assert.That(text, Is.Null, $"pipeline error: {text}");
        }
        finally
        {
            Gst.gst_element_set_state(p, GstState.GST_STATE_NULL);
            Gst.gst_object_unref(p);
        }
    }

    /// <summary>Decodes a video file to the end: frame count, size of the last caps, last PTS + duration.</summary>
    public static (int Frames, int Width, int Height, TimeSpan Duration) Inspect(string path)
    {
        using var d = new Utf8($"filesrc location=\"{path}\" ! qtdemux ! h264parse ! avdec_h264 ! fakesink name=sink sync=false");
        GError* error = null;
        var p = Gst.gst_parse_launch(d.P, &error);
        Assert.That(error is null, Is.True, "decode pipeline");
        var counter = new FrameCounter();
        var handle = GCHandle.Alloc(counter);
        try
        {
            using var n = new Utf8("sink");
            var sink = Gst.gst_bin_get_by_name((GstBin*)p, n.P);
            using var pn = new Utf8("sink");
            var pad = Gst.gst_element_get_static_pad(sink, pn.P);
            Gst.gst_pad_add_probe(pad, GstPadProbeType.GST_PAD_PROBE_TYPE_BUFFER, &OnBuffer, (void*)GCHandle.ToIntPtr(handle), null);
            Gst.gst_element_set_state(p, GstState.GST_STATE_PLAYING);
            var bus = Gst.gst_element_get_bus(p);
            var msg = Gst.gst_bus_timed_pop_filtered(bus, 60UL * 1_000_000_000UL, GstMessageType.GST_MESSAGE_EOS | GstMessageType.GST_MESSAGE_ERROR);
            Gst.gst_object_unref(bus);
            Assert.That(msg is not null, Is.True, "decoding did not finish");
            var ok = msg->type == GstMessageType.GST_MESSAGE_EOS;
            Gst.gst_mini_object_unref((GstMiniObject*)msg);
            Assert.That(ok, Is.True, $"{path} does not decode to the end");
            var caps = Gst.gst_pad_get_current_caps(pad);
            int w = 0, h = 0;
            if (caps is not null)
            {
                var s = Gst.gst_caps_get_structure(caps, 0);
                using var fw = new Utf8("width");
                using var fh = new Utf8("height");
                Gst.gst_structure_get_int(s, fw.P, &w);
                Gst.gst_structure_get_int(s, fh.P, &h);
                Gst.gst_mini_object_unref((GstMiniObject*)caps);
            }

            Gst.gst_object_unref(pad);
            Gst.gst_object_unref(sink);
            return (counter.Frames, w, h, TimeSpan.FromTicks((long)(counter.End / 100)));
        }
        finally
        {
            Gst.gst_element_set_state(p, GstState.GST_STATE_NULL);
            Gst.gst_object_unref(p);
            handle.Free();
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static GstPadProbeReturn OnBuffer(GstPad* pad, GstPadProbeInfo* info, void* data)
    {
        if (GCHandle.FromIntPtr((nint)data).Target is FrameCounter c)
        {
            var b = Gst.gst_pad_probe_info_get_buffer(info);
            c.Frames++;
            if (b is not null && b->pts != ulong.MaxValue)
            {
                c.End = Math.Max(c.End, b->pts + (b->duration == ulong.MaxValue ? 0 : b->duration));
            }
        }

        return GstPadProbeReturn.GST_PAD_PROBE_OK;
    }

    private sealed class FrameCounter
    {
        public int Frames;
        public ulong End;
    }

    /// <summary>NUL-terminated UTF-8 on the native heap (test side).</summary>
    internal readonly struct Utf8 : IDisposable
    {
        private readonly nint _p;

        public Utf8(string s) => _p = Marshal.StringToCoTaskMemUTF8(s);

        public byte* P => (byte*)_p;

        public void Dispose() => Marshal.FreeCoTaskMem(_p);
    }
}
