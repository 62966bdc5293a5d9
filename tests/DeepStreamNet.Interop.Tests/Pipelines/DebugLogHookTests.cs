using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NUnit.Framework;

namespace DeepStreamNet.Interop.Tests.Pipelines;

/// <summary>GStreamer's debug log reaches a managed trampoline with category, level, line and message text.</summary>
public sealed unsafe class DebugLogHookTests
{
    private sealed class LogSink
    {
        public ConcurrentQueue<(string Category, GstDebugLevel Level, int Line, string Text)> Entries { get; } = new();

        public int DestroyNotifies;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(GstDebugCategory* category, GstDebugLevel level, byte* file, byte* function, int line, GObject* obj, GstDebugMessage* message, void* userData)
    {
        var sink = (LogSink)GCHandle.FromIntPtr((nint)userData).Target!;
        string name = Utf8.Read(Gst.gst_debug_category_get_name(category)) ?? string.Empty;
        if (name == "videotestsrc")
        {
            sink.Entries.Enqueue((name, level, line, Utf8.Read(Gst.gst_debug_message_get(message)) ?? string.Empty));
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnDestroy(void* userData)
    {
        var handle = GCHandle.FromIntPtr((nint)userData);
        Interlocked.Increment(ref ((LogSink)handle.Target!).DestroyNotifies);
        handle.Free();
    }

    [Test]
    public void Log_messages_of_a_category_reach_the_managed_log_function_until_it_is_removed()
    {
        var sink = new LogSink();
        void* userData = (void*)GCHandle.ToIntPtr(GCHandle.Alloc(sink));
        using var category = new Utf8("videotestsrc");
        Gst.gst_debug_add_log_function(&OnLog, userData, &OnDestroy);
        Gst.gst_debug_set_threshold_for_name(category.Pointer, GstDebugLevel.GST_LEVEL_DEBUG);
        try
        {
            GstElement* pipeline;
            using (var desc = new Utf8("videotestsrc num-buffers=3 ! fakesink"))
            {
                pipeline = Gst.gst_parse_launch(desc.Pointer, null);
            }

            Gst.gst_element_set_state(pipeline, GstState.GST_STATE_PLAYING);
            GstBus* bus = Gst.gst_element_get_bus(pipeline);
            GstMessage* msg = Gst.gst_bus_timed_pop_filtered(bus, 10 * Gst.GST_SECOND, GstMessageType.GST_MESSAGE_EOS | GstMessageType.GST_MESSAGE_ERROR);
            Assert.That(msg != null && msg->type == GstMessageType.GST_MESSAGE_EOS, Is.True);
            Gst.gst_message_unref(msg);
            Gst.gst_object_unref(bus);
            Gst.gst_element_set_state(pipeline, GstState.GST_STATE_NULL);
            Gst.gst_object_unref(pipeline);
        }
        finally
        {
            Gst.gst_debug_unset_threshold_for_name(category.Pointer);
            Assert.That(Gst.gst_debug_remove_log_function_by_data(userData), Is.EqualTo(1u));
        }

        Assert.That(sink.DestroyNotifies, Is.EqualTo(1));
        Assert.That(sink.Entries, Is.Not.Empty);
        Assert.That(sink.Entries.All(e => e.Level is >= GstDebugLevel.GST_LEVEL_ERROR and <= GstDebugLevel.GST_LEVEL_DEBUG), Is.True);
        Assert.That(sink.Entries.All(e => e.Line > 0 && e.Text.Length > 0), Is.True);
    }
}
