using DeepStreamNet.Metadata;

namespace DeepStreamNet.Probes;

/// <summary>
/// A buffer probe that sees each batch's metadata — the C# form of a DeepStream Python
/// <c>def osd_sink_pad_buffer_probe(pad, info, u_data)</c>. Called on the streaming thread: keep it short, never
/// block, never keep the views after returning. Exceptions are caught, logged and counted; the buffer passes on.
/// </summary>
public interface IBatchProbe
{
    /// <summary>Handles one batch.</summary>
    void OnBatch(ref BatchMeta batch, in ProbeContext context);
}
