using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DeepStreamNet.Interop;
using DeepStreamNet.Pipeline;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Runtime;

/// <summary>Sometimes-pads (uridecodebin, decodebin, rtspsrc): linked when <c>pad-added</c> fires.</summary>
public sealed unsafe partial class PipelineRunner
{
    private void ConnectPadAdded(GraphLink link)
    {
        var handle = GCHandle.Alloc(new DynamicLink(this, link));
        using var signal = new Utf8Z("pad-added");
        GLib.g_signal_connect_data(Element(link.From), signal.P, (delegate* unmanaged[Cdecl]<void>)(delegate* unmanaged[Cdecl]<GstElement*, GstPad*, void*, void>)&OnPadAdded,
            (void*)GCHandle.ToIntPtr(handle), &OnPadAddedDestroy, 0);
    }

    private void LinkAddedPad(GraphLink link, GstPad* pad)
    {
        var caps = Gst.gst_pad_get_current_caps(pad);
        if (caps is null)
        {
            caps = Gst.gst_pad_query_caps(pad, null);
        }

        string? media = null;
        string? kind = null;
        if (caps is not null)
        {
            if (Gst.gst_caps_get_size(caps) > 0)
            {
                var s = Gst.gst_caps_get_structure(caps, 0);
                kind = NativeText.From(Gst.gst_structure_get_name(s));
                using var field = new Utf8Z("media");
                media = NativeText.From(Gst.gst_structure_get_string(s, field.P));
            }

            Gst.gst_mini_object_unref((GstMiniObject*)caps);
        }

        var padName = NativeText.Take(Gst.gst_object_get_name((GstObject*)pad));
        var isVideo = kind?.StartsWith("video/", StringComparison.Ordinal) == true || (kind == "application/x-rtp" && media == "video");
        if (!isVideo)
        {
            _log.LogDebug("{Element}.{Pad}: {Caps} is not video, left unlinked", link.From, padName, kind);
            return;
        }

        var dst = Element(link.To);
        if (dst is null)
        {
            return;
        }

        using var sinkName = new Utf8Z(link.ToPad ?? "sink");
        var sink = Gst.gst_element_get_static_pad(dst, sinkName.P);
        if (sink is null)
        {
            _log.LogError("{Element}.{Pad}: {Target} has no pad '{SinkPad}'", link.From, padName, link.To, link.ToPad ?? "sink");
            return;
        }

        try
        {
            if (Gst.gst_pad_is_linked(sink))
            {
                _log.LogDebug("{Element}.{Pad}: {Target} is already linked, extra video stream left unlinked", link.From, padName, link.To);
                return;
            }

            var r = Gst.gst_pad_link(pad, sink);
            if (r != GstPadLinkReturn.GST_PAD_LINK_OK)
            {
                _log.LogError("cannot link {Element}.{Pad} ({Caps}) -> {Target}: {Result}", link.From, padName, kind, link.To, r);
            }
            else
            {
                _log.LogDebug("linked {Element}.{Pad} ({Caps}) -> {Target}", link.From, padName, kind, link.To);
            }
        }
        finally
        {
            Gst.gst_object_unref(sink);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnPadAdded(GstElement* element, GstPad* pad, void* data)
    {
        if (GCHandle.FromIntPtr((nint)data).Target is DynamicLink d)
        {
            try
            {
                d.Runner.LinkAddedPad(d.Link, pad);
            }
#pragma warning disable CA1031 // nothing may unwind into GLib
            catch (Exception ex)
#pragma warning restore CA1031
            {
                d.Runner._log.LogError(ex, "pad-added handler of {Element} failed", d.Link.From);
            }
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnPadAddedDestroy(void* data, GClosure* closure) => GCHandle.FromIntPtr((nint)data).Free();

    private sealed record DynamicLink(PipelineRunner Runner, GraphLink Link);
}
