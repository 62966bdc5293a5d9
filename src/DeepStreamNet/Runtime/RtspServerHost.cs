using DeepStreamNet.Interop;
using DeepStreamNet.Pipeline;

namespace DeepStreamNet.Runtime;

/// <summary>
/// deepstream-app's RTSP output (sink type 4): a gst-rtsp-server on <c>rtsp-port</c> whose mount <c>/ds-test</c>
/// re-serves the RTP stream the pipeline's udpsink sends to <c>udp-port</c>.
/// </summary>
internal sealed unsafe class RtspServerHost : IDisposable
{
    private readonly GMainContext* _context;
    private GstRTSPServer* _server;
    private uint _source;

    public RtspServerHost(RtspServerSpec spec, GMainContext* context)
    {
        Spec = spec;
        _context = context;
        _server = GstRtsp.gst_rtsp_server_new();
        using (var port = new Utf8Z(spec.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            GstRtsp.gst_rtsp_server_set_service(_server, port.P);
        }

        var mounts = GstRtsp.gst_rtsp_server_get_mount_points(_server);
        var factory = GstRtsp.gst_rtsp_media_factory_new();
        var launch = $"( udpsrc name=pay0 port={spec.UdpPort} buffer-size={spec.UdpBufferSize} caps=\"application/x-rtp, media=video, clock-rate=90000, encoding-name={spec.EncodingName}, payload=96\" )";
        using (var l = new Utf8Z(launch))
        {
            GstRtsp.gst_rtsp_media_factory_set_launch(factory, l.P);
        }

        GstRtsp.gst_rtsp_media_factory_set_shared(factory, true);
        using (var m = new Utf8Z(spec.MountPoint))
        {
            GstRtsp.gst_rtsp_mount_points_add_factory(mounts, m.P, factory);
        }

        Gst.gst_object_unref(mounts);
        _source = GstRtsp.gst_rtsp_server_attach(_server, context);
        if (_source == 0)
        {
            Dispose();
            throw new PipelineException($"RTSP server for [{spec.Sink}] could not listen on port {spec.Port} (in use?)");
        }
    }

    public RtspServerSpec Spec { get; }

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
