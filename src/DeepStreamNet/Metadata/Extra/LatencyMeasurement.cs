using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>
/// DeepStream's latency measurement from C# (<c>nvds_measure_buffer_latency</c> and its environment switches):
/// <c>NVDS_ENABLE_LATENCY_MEASUREMENT</c> (frame latency; deepstream-app treats any value as on) and
/// <c>NVDS_ENABLE_COMPONENT_LATENCY_MEASUREMENT</c> (per-component entries). Reads the
/// <c>NVDS_LATENCY_MEASUREMENT_META</c> entries the elements attach to the batch.
/// </summary>
public static class LatencyMeasurement
{
    /// <summary>Frame latency switch.</summary>
    public const string FrameVariable = "NVDS_ENABLE_LATENCY_MEASUREMENT";

    /// <summary>Per-component switch.</summary>
    public const string ComponentVariable = "NVDS_ENABLE_COMPONENT_LATENCY_MEASUREMENT";

    /// <summary>Whether frame latency is switched on (the variable is set, whatever its value, as deepstream-app reads it).</summary>
    public static bool IsEnabled => Environment.GetEnvironmentVariable(FrameVariable) is not null;

    /// <summary>Whether per-component latency is switched on.</summary>
    public static bool IsComponentEnabled => Environment.GetEnvironmentVariable(ComponentVariable) is not null;

    /// <summary>Now, in milliseconds since the Unix epoch (the entries' clock).</summary>
    public static double NowMilliseconds() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    /// <summary>
    /// Fills one entry per frame of <paramref name="batch"/> (up to <paramref name="output"/>'s length): latency = now −
    /// the frame's earliest component input time (the decoder's entry when present, as DeepStream measures it);
    /// frames without any entry get <c>comp_in_timestamp</c> 0 and no latency. Returns the number filled. Allocates nothing.
    /// </summary>
    public static int MeasureBuffer(BatchMeta batch, Span<NvDsFrameLatencyInfo> output)
    {
        var now = NowMilliseconds();
        var n = 0;
        foreach (var frame in batch.Frames)
        {
            if (n >= output.Length)
            {
                break;
            }

            var start = double.MaxValue;
            foreach (var um in batch.UserMeta)
            {
                if (ComponentLatency.TryFrom(um, out var e) && e.SourceId == frame.SourceId && e.FrameNumber == (uint)frame.FrameNumber
                    && e.InMilliseconds > 0 && e.InMilliseconds < start)
                {
                    start = e.InMilliseconds;
                }
            }

            var found = start != double.MaxValue;
            output[n++] = new NvDsFrameLatencyInfo
            {
                source_id = frame.SourceId,
                frame_num = (uint)frame.FrameNumber,
                comp_in_timestamp = found ? start : 0,
                latency = found ? now - start : 0,
            };
        }

        return n;
    }
}
