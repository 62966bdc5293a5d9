using DeepStreamNet.GStreamer;
using DeepStreamNet.Interop;
using DeepStreamNet.Metadata;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Runner;

/// <summary>A runner probe that reads each buffer's batch metadata through the public views (buffers without it pass).</summary>
internal abstract unsafe class BatchMetaProbe(ILogger logger) : PadProbe(logger)
{
    /// <summary>Handles the batch of one buffer.</summary>
    protected abstract void OnBatch(BatchMeta batch);

    protected override GstPadProbeReturn Handle(GstPad* pad, GstPadProbeInfo* info)
    {
        var buffer = Gst.gst_pad_probe_info_get_buffer(info);
        var batch = buffer is null ? default : BatchMeta.FromBuffer(buffer);
        if (!batch.IsNull)
        {
            OnBatch(batch);
        }

        return GstPadProbeReturn.GST_PAD_PROBE_OK;
    }
}
