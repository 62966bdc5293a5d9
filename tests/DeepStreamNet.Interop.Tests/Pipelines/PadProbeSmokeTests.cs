using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NUnit.Framework;

namespace DeepStreamNet.Interop.Tests.Pipelines;

/// <summary>
/// A real pipeline driven only through the generated layer: parse_launch, a buffer probe on the sink pad through a
/// static [UnmanagedCallersOnly] trampoline with a GCHandle in user_data, released by a GDestroyNotify trampoline.
/// </summary>
public sealed unsafe class PadProbeSmokeTests
{
    private sealed class ProbeState
    {
        public int Buffers;
        public int DestroyNotifies;
        public ulong LastPts = ulong.MaxValue;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static GstPadProbeReturn OnBuffer(GstPad* pad, GstPadProbeInfo* info, void* userData)
    {
        var state = (ProbeState)GCHandle.FromIntPtr((nint)userData).Target!;
        if ((info->type & GstPadProbeType.GST_PAD_PROBE_TYPE_BUFFER) != 0)
        {
            var buffer = (GstBuffer*)info->data;
            state.LastPts = buffer->pts;
            Interlocked.Increment(ref state.Buffers);
        }

        return GstPadProbeReturn.GST_PAD_PROBE_OK;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnDestroy(void* userData)
    {
        var handle = GCHandle.FromIntPtr((nint)userData);
        Interlocked.Increment(ref ((ProbeState)handle.Target!).DestroyNotifies);
        handle.Free();
    }

    [Test]
    public void Videotestsrc_30_buffers_reach_the_probe_and_the_destroy_notify_frees_the_handle()
    {
        var state = new ProbeState();
        GError* error = null;
        GstElement* pipeline;
        using (var desc = new Utf8("videotestsrc num-buffers=30 ! video/x-raw,width=64,height=48,framerate=30/1 ! fakesink name=s"))
        {
            pipeline = Gst.gst_parse_launch(desc.Pointer, &error);
        }

        string? parseError = error == null ? null : Utf8.Read(error->message);
        Assert.That(parseError, Is.Null, "parse_launch failed");
        Assert.That(pipeline != null, Is.True);

        GstElement* sink;
        using (var name = new Utf8("s"))
        {
            sink = Gst.gst_bin_get_by_name((GstBin*)pipeline, name.Pointer);
        }

        GstPad* pad;
        using (var padName = new Utf8("sink"))
        {
            pad = Gst.gst_element_get_static_pad(sink, padName.Pointer);
        }

        Assert.That(sink != null && pad != null, Is.True);
        var handle = GCHandle.Alloc(state);
        ulong id = Gst.gst_pad_add_probe(pad, GstPadProbeType.GST_PAD_PROBE_TYPE_BUFFER, &OnBuffer, (void*)GCHandle.ToIntPtr(handle), &OnDestroy);
        Assert.That(id, Is.Not.Zero);

        Assert.That(Gst.gst_element_set_state(pipeline, GstState.GST_STATE_PLAYING), Is.Not.EqualTo(GstStateChangeReturn.GST_STATE_CHANGE_FAILURE));
        GstBus* bus = Gst.gst_element_get_bus(pipeline);
        GstMessage* msg = Gst.gst_bus_timed_pop_filtered(bus, 10 * Gst.GST_SECOND, GstMessageType.GST_MESSAGE_EOS | GstMessageType.GST_MESSAGE_ERROR);
        Assert.That(msg != null, Is.True, "no EOS within 10 s");
        GstMessageType type = msg->type;
        string? errorText = null;
        if (type == GstMessageType.GST_MESSAGE_ERROR)
        {
            GError* err = null;
            Gst.gst_message_parse_error(msg, &err, null);
            errorText = Utf8.Read(err->message);
            GLib.g_error_free(err);
        }

        Gst.gst_message_unref(msg);
        Gst.gst_object_unref(bus);

        Assert.That(type, Is.EqualTo(GstMessageType.GST_MESSAGE_EOS), errorText);
        Gst.gst_element_set_state(pipeline, GstState.GST_STATE_NULL);
        Assert.That(state.Buffers, Is.EqualTo(30));
        Assert.That(state.LastPts, Is.EqualTo(29 * Gst.GST_SECOND / 30), "pts of the 30th buffer at 30 fps");
        Assert.That(state.DestroyNotifies, Is.Zero, "the probe is still installed");

        Gst.gst_pad_remove_probe(pad, id);
        Assert.That(state.DestroyNotifies, Is.EqualTo(1), "removing the probe runs the GDestroyNotify trampoline");

        Gst.gst_object_unref(pad);
        Gst.gst_object_unref(sink);
        Gst.gst_object_unref(pipeline);
    }
}
