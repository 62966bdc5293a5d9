using DeepStreamNet.GStreamer;
using DeepStreamNet.Interop;
using DeepStreamNet.Probes;

namespace DeepStreamNet.InferImages;

/// <summary>
/// A pipeline from a gst-launch description (<c>gst_parse_launch</c>), run to EOS on the calling thread. Used by
/// <c>dsnet infer-images</c> and by tests that need a real pipeline without the deepstream-app runner.
/// </summary>
public sealed unsafe class LaunchedPipeline : IDisposable
{
    private readonly GstObjectHandle _handle;

    /// <summary>Parses <paramref name="description"/>; GStreamer must be initialised.</summary>
    /// <exception cref="InvalidOperationException">The description does not parse (GStreamer's message).</exception>
    public LaunchedPipeline(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        Description = description;
        GError* error = null;
        GstElement* element;
        using (var d = new Utf8Z(description))
        {
            element = Gst.gst_parse_launch(d.P, &error);
        }

        if (error is not null)
        {
            var message = GstErrors.Take(error);
            if (element is not null)
            {
                Gst.gst_object_unref(element);
            }

            throw new InvalidOperationException($"pipeline does not parse: {message} (in '{description}')");
        }

        _handle = GstObjectHandle.ForPipeline(element);
    }

    /// <summary>The description it was made from.</summary>
    public string Description { get; }

    /// <summary>The pipeline element.</summary>
    public GstElement* Element => _handle.Element;

    /// <summary>The pipeline as a bin.</summary>
    public GstBin* Bin => (GstBin*)_handle.Element;

    /// <summary>Attaches a batch probe to pad <paramref name="padName"/> of element <paramref name="elementName"/>.</summary>
    public ProbeRegistration AddProbe(string elementName, string padName, IBatchProbe probe, Microsoft.Extensions.Logging.ILogger? logger = null) =>
        ProbeRegistration.Attach(Bin, elementName, padName, probe, logger);

    /// <summary>Attaches a delegate batch probe.</summary>
    public ProbeRegistration AddProbe(string elementName, string padName, BatchProbe probe, Microsoft.Extensions.Logging.ILogger? logger = null) =>
        ProbeRegistration.Attach(Bin, elementName, padName, new DelegateBatchProbe(probe), logger);

    /// <summary>Sets the pipeline's state; throws when the change fails at once.</summary>
    public void SetState(GstState state)
    {
        if (Gst.gst_element_set_state(Element, state) == GstStateChangeReturn.GST_STATE_CHANGE_FAILURE)
        {
            var error = PopError(0);
            throw new InvalidOperationException($"pipeline could not go to {state}{(error is null ? string.Empty : ": " + error)}");
        }
    }

    /// <summary>Plays until EOS (returns) or an error (throws with GStreamer's message) or the timeout (throws), then stops.</summary>
    public void RunToEnd(TimeSpan timeout)
    {
        SetState(GstState.GST_STATE_PLAYING);
        try
        {
            WaitForEnd(timeout);
        }
        finally
        {
            Gst.gst_element_set_state(Element, GstState.GST_STATE_NULL);
        }
    }

    /// <summary>Waits for EOS or an error on the bus (pipeline already playing).</summary>
    public void WaitForEnd(TimeSpan timeout)
    {
        var bus = Gst.gst_element_get_bus(Element);
        try
        {
            var msg = Gst.gst_bus_timed_pop_filtered(bus, (ulong)(timeout.TotalMilliseconds * 1_000_000), GstMessageType.GST_MESSAGE_EOS | GstMessageType.GST_MESSAGE_ERROR);
            if (msg is null)
            {
                throw new TimeoutException($"pipeline did not finish within {timeout}: '{Description}'");
            }

            try
            {
                if (msg->type == GstMessageType.GST_MESSAGE_ERROR)
                {
                    throw new InvalidOperationException($"pipeline error: {ErrorText(msg)}");
                }
            }
            finally
            {
                Gst.gst_mini_object_unref((GstMiniObject*)msg);
            }
        }
        finally
        {
            Gst.gst_object_unref(bus);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _handle.Dispose();

    private string? PopError(ulong timeoutNs)
    {
        var bus = Gst.gst_element_get_bus(Element);
        var msg = Gst.gst_bus_timed_pop_filtered(bus, timeoutNs, GstMessageType.GST_MESSAGE_ERROR);
        Gst.gst_object_unref(bus);
        if (msg is null)
        {
            return null;
        }

        var text = ErrorText(msg);
        Gst.gst_mini_object_unref((GstMiniObject*)msg);
        return text;
    }

    private static string ErrorText(GstMessage* msg) => GstErrors.Describe(msg);
}
