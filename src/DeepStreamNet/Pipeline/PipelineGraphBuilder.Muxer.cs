using System.Globalization;
using DeepStreamNet.Config;

namespace DeepStreamNet.Pipeline;

/// <summary>The muxer: legacy nvstreammux / dsnetstreammux with deepstream-app's properties, or the new nvstreammux.</summary>
public sealed partial class PipelineGraphBuilder
{
    private string AddStreamMux(int sources)
    {
        var m = _config.StreamMux;
        var e = _graph.Add("src_bin_muxer", _factories.Muxer, ElementRole.Muxer);
        if (_ds && Environment.GetEnvironmentVariable("USE_NEW_NVSTREAMMUX") == "yes")
        {
            return AddNewStreamMux(e, m, sources);
        }

        if (_ds)
        {
            e.Set("gpu-id", m.GpuId).Set("nvbuf-memory-type", m.NvbufMemoryType);
        }

        e.Set("live-source", m.LiveSource);
        e.Set("batched-push-timeout", m.BatchedPushTimeout);
        if (_config.SourceList is not null)
        {
            e.Set("batch-size", GraphValue.OfUInt((uint)Math.Max(sources, 1)));
            e.Note = "[source-list]: batch-size forced to the number of sources";
        }
        else if (m.BatchSize != 0)
        {
            e.Set("batch-size", GraphValue.OfUInt((uint)m.BatchSize));
        }
        else
        {
            e.Set("batch-size", GraphValue.OfUInt((uint)Math.Max(sources, 1)));
            e.Note = "batch-size not set in [streammux]: the number of sources is used";
        }

        if (_ds && m.BufferPoolSize >= 4)
        {
            e.Set("buffer-pool-size", m.BufferPoolSize);
        }

        e.Set("enable-padding", m.EnablePadding);
        if (m.Width > 0 && m.Height > 0)
        {
            e.Set("width", GraphValue.OfUInt((uint)m.Width)).Set("height", GraphValue.OfUInt((uint)m.Height));
        }

        if (_ds)
        {
            e.Set("attach-sys-ts", m.AttachSysTsAsNtp);
            if (m.NumSurfacesPerFrame > 0)
            {
                e.Set("num-surfaces-per-frame", m.NumSurfacesPerFrame);
            }

            if (m.ConfigFile is not null)
            {
                e.Set("config-file-path", m.ConfigFile);
            }

            if (m.SyncInputs)
            {
                e.Set("sync-inputs", true).Set("max-latency", GraphValue.OfUInt64((ulong)Math.Max(m.MaxLatency, 0)));
            }

            if (m.FrameNumResetOnEos)
            {
                e.Set("frame-num-reset-on-eos", true);
            }

            if (m.FrameNumResetOnStreamReset)
            {
                e.Set("frame-num-reset-on-stream-reset", true);
            }

            if (m.FrameDuration >= 0)
            {
                e.Set("frame-duration", GraphValue.OfUInt64((ulong)m.FrameDuration));
            }

            if (!m.AsyncProcess)
            {
                e.Set("async-process", false);
            }

            if (m.DropPipelineEos)
            {
                e.Set("drop-pipeline-eos", true);
            }
        }

        return e.Name;
    }

    /// <summary>
    /// USE_NEW_NVSTREAMMUX=yes (deepstream_streammux.c:33-59): the new muxer lacks the legacy one's GPU, size, padding
    /// and timeout properties, so deepstream-app sets only batch-size and the timing keys.
    /// </summary>
    private static string AddNewStreamMux(GraphElement e, StreamMuxGroup m, int sources)
    {
        e.Note = "USE_NEW_NVSTREAMMUX=yes: the new nvstreammux (no gpu-id, width/height, padding or push timeout)";
        e.Set("batch-size", GraphValue.OfUInt((uint)(m.BatchSize != 0 ? m.BatchSize : Math.Max(sources, 1))));
        e.Set("attach-sys-ts", m.AttachSysTsAsNtp);
        if (m.ConfigFile is not null)
        {
            e.Set("config-file-path", m.ConfigFile);
        }

        e.Set("sync-inputs", m.SyncInputs).Set("max-latency", GraphValue.OfUInt64((ulong)Math.Max(m.MaxLatency, 0)));
        e.Set("frame-num-reset-on-eos", m.FrameNumResetOnEos).Set("frame-num-reset-on-stream-reset", m.FrameNumResetOnStreamReset);
        e.Set("drop-pipeline-eos", m.DropPipelineEos);
        if (m.NumSurfacesPerFrame > 1)
        {
            e.Set("num-surfaces-per-frame", m.NumSurfacesPerFrame);
        }

        return e.Name;
    }
}
