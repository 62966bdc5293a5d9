using DeepStreamNet.Interop;

namespace DeepStreamNet.GStreamer;

/// <summary>
/// A gst-rtsp-server on <paramref name="port"/> attached to a main-loop context, whose mount point serves the media of
/// a gst-launch description (deepstream-app's RTSP output re-serves the RTP stream its udpsink sends).
/// </summary>
internal sealed unsafe class RtspServerHost : IDisposable
{
    private readonly GMainContext* _context;
    private GstRTSPServer* _server;
    private uint _source;

    /// <param name="what">Names the server in errors (e.g. the sink group).</param>
    public RtspServerHost(string what, int port, string mountPoint, string launch, GMainContext* context)
    {
        _context = context;
        _server = GstRtsp.gst_rtsp_server_new();
        using (var service = new Utf8Z(port.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            GstRtsp.gst_rtsp_server_set_service(_server, service.P);
        }

        var mounts = GstRtsp.gst_rtsp_server_get_mount_points(_server);
        var factory = GstRtsp.gst_rtsp_media_factory_new();
        using (var l = new Utf8Z(launch))
        {
            GstRtsp.gst_rtsp_media_factory_set_launch(factory, l.P);
        }

        GstRtsp.gst_rtsp_media_factory_set_shared(factory, true);
        using (var m = new Utf8Z(mountPoint))
        {
            GstRtsp.gst_rtsp_mount_points_add_factory(mounts, m.P, factory);
        }

        Gst.gst_object_unref(mounts);
        _source = GstRtsp.gst_rtsp_server_attach(_server, context);
        if (_source == 0)
        {
            Dispose();
            throw new PipelineException($"RTSP server for {what} could not listen on port {port} (in use?)");
        }
    }

    public void Dispose()
    {
        if (_source != 0)
        {
            var source = GLib.g_main_context_find_source_by_id(_context, _source);
            if (source is not null)
            {
                GLib.g_source_destroy(source);
            }

            _source = 0;
        }

        if (_server is not null)
        {
            Gst.gst_object_unref(_server);
            _server = null;
        }
    }
}
