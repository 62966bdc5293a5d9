using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>
/// One latency entry (<c>NvDsMetaCompLatency</c>, batch user meta <c>NVDS_LATENCY_MEASUREMENT_META</c>): when a
/// component received and pushed one frame, in milliseconds since the Unix epoch.
/// </summary>
public readonly unsafe ref struct ComponentLatency
{
    private readonly NvDsMetaCompLatency* _p;

    /// <summary>Wraps a native payload.</summary>
    public ComponentLatency(NvDsMetaCompLatency* native) => _p = native;

    /// <summary>The native pointer.</summary>
    public NvDsMetaCompLatency* Native => _p;

    /// <summary><c>component_name</c> as UTF-8 (e.g. <c>nvstreammux-m</c>, <c>nvv4l2decoder0</c>).</summary>
    public ReadOnlySpan<byte> ComponentNameUtf8 => NativeUtf8.Fixed(_p->component_name, 64);

    /// <summary><c>component_name</c> (allocates).</summary>
    public string ComponentName => System.Text.Encoding.UTF8.GetString(ComponentNameUtf8);

    /// <summary><c>in_system_timestamp</c> (ms since the epoch).</summary>
    public double InMilliseconds => _p->in_system_timestamp;

    /// <summary><c>out_system_timestamp</c> (ms since the epoch; 0 until the component pushed).</summary>
    public double OutMilliseconds => _p->out_system_timestamp;

    /// <summary>Out − in: the time the component held the frame (ms).</summary>
    public double LatencyMilliseconds => _p->out_system_timestamp - _p->in_system_timestamp;

    /// <summary><c>source_id</c>.</summary>
    public uint SourceId => _p->source_id;

    /// <summary><c>frame_num</c>.</summary>
    public uint FrameNumber => _p->frame_num;

    /// <summary><c>pad_index</c>.</summary>
    public uint PadIndex => _p->pad_index;

    /// <summary>The latency entry carried by <paramref name="meta"/>, if it is one.</summary>
    public static bool TryFrom(UserMeta meta, out ComponentLatency latency)
    {
        latency = new((NvDsMetaCompLatency*)UserMetaPayload.Of(meta, NvDsMetaType.NVDS_LATENCY_MEASUREMENT_META));
        return latency._p is not null;
    }
}
