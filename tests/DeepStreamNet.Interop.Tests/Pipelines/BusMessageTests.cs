using NUnit.Framework;

namespace DeepStreamNet.Interop.Tests.Pipelines;

/// <summary>Parse errors and bus messages read through the generated structs and parse functions.</summary>
public sealed unsafe class BusMessageTests
{
    [Test]
    public void Parse_launch_of_an_unknown_element_fills_a_GError_naming_it()
    {
        GError* error = null;
        GstElement* pipeline;
        using (var desc = new Utf8("videotestsrc ! dsnet_no_such_element ! fakesink"))
        {
            pipeline = Gst.gst_parse_launch(desc.Pointer, &error);
        }

        Assert.That(error != null, Is.True);
        string? message = Utf8.Read(error->message);
        GLib.g_error_free(error);
        if (pipeline != null)
        {
            Gst.gst_object_unref(pipeline);
        }

        Assert.That(message, Does.Contain("dsnet_no_such_element"));
    }

    [Test]
    public void State_changes_of_the_pipeline_are_posted_and_parsed()
    {
        GstElement* pipeline;
        using (var desc = new Utf8("videotestsrc num-buffers=2 ! fakesink"))
        {
            pipeline = Gst.gst_parse_launch(desc.Pointer, null);
        }

        Gst.gst_element_set_state(pipeline, GstState.GST_STATE_PLAYING);
        GstBus* bus = Gst.gst_element_get_bus(pipeline);
        var pipelineStates = new List<GstState>();
        bool eos = false;
        while (!eos)
        {
            GstMessage* msg = Gst.gst_bus_timed_pop_filtered(bus, 10 * Gst.GST_SECOND,
                GstMessageType.GST_MESSAGE_STATE_CHANGED | GstMessageType.GST_MESSAGE_EOS | GstMessageType.GST_MESSAGE_ERROR);
            Assert.That(msg != null, Is.True, "bus timed out");
            Assert.That(msg->type, Is.Not.EqualTo(GstMessageType.GST_MESSAGE_ERROR));
            eos = msg->type == GstMessageType.GST_MESSAGE_EOS;
            if (msg->type == GstMessageType.GST_MESSAGE_STATE_CHANGED && msg->src == (GstObject*)pipeline)
            {
                GstState oldState, newState, pending;
                Gst.gst_message_parse_state_changed(msg, &oldState, &newState, &pending);
                pipelineStates.Add(newState);
            }

            Gst.gst_message_unref(msg);
        }

        Gst.gst_object_unref(bus);
        Gst.gst_element_set_state(pipeline, GstState.GST_STATE_NULL);
        Gst.gst_object_unref(pipeline);
        Assert.That(pipelineStates, Is.EqualTo(new[] { GstState.GST_STATE_READY, GstState.GST_STATE_PAUSED, GstState.GST_STATE_PLAYING }));
    }
}
