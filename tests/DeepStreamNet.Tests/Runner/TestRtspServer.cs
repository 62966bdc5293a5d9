using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DeepStreamNet.Interop;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner;

/// <summary>
/// gst-rtsp-server on 127.0.0.1 serving a live test pattern at /test (H.264 by default, or the launch line given), on
/// its own GLib main loop.
/// </summary>
internal sealed unsafe class TestRtspServer : IDisposable
{
    public const string H264 = "( videotestsrc is-live=true ! video/x-raw,width=320,height=240,framerate=25/1 ! x264enc tune=zerolatency speed-preset=ultrafast key-int-max=5 ! rtph264pay name=pay0 pt=96 config-interval=1 )";

    public const string H265 = "( videotestsrc is-live=true ! video/x-raw,width=320,height=240,framerate=25/1 ! x265enc tune=zerolatency speed-preset=ultrafast key-int-max=5 ! rtph265pay name=pay0 pt=96 config-interval=1 )";

    private readonly GMainContext* _context;
    private readonly GMainLoop* _loop;
    private readonly Thread _thread;
    private readonly GstRTSPServer* _server;
    private uint _source;

    public TestRtspServer(int port, string launch = H264)
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
        using (var l = new TestMedia.Utf8(launch))
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
