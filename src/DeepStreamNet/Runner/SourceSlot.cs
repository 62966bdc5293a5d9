using DeepStreamNet.Pipeline;

namespace DeepStreamNet.Runner;

/// <summary>One source of the graph and its run-time state.</summary>
internal sealed class SourceSlot(GraphSource source)
{
    public GraphSource Source { get; } = source;

    /// <summary>Source id = muxer sink pad index.</summary>
    public int Index => Source.Index;

    public bool Failed { get; set; }

    public bool Ended { get; set; }

    /// <summary>Its own EOS went into the muxer (the file ended): nothing more is expected from it.</summary>
    public bool ReachedEos { get; set; }

    public int ReconnectsDone { get; set; }

    /// <summary>Errors since the last reconnection attempt (only the first is logged).</summary>
    public int ErrorsSinceAttempt { get; set; }

    /// <summary>Stopwatch ticks of the last buffer that reached the muxer.</summary>
    public long LastDataTicks;

    /// <summary>1 once a buffer came since the source was started or last reconnected; 0 while it is down.</summary>
    public int Delivering;

    /// <summary>End (PTS + duration) of the latest buffer of the current pass over a looping file.</summary>
    public long LastEnd;

    /// <summary>Running-time offset applied to a looping file's feed pad (sum of the passes so far).</summary>
    public long LoopOffset { get; set; }

    public bool Reconnects => Source.Kind == SourceKind.Rtsp && Source.ReconnectIntervalSec > 0;

    public string Describe() => Source.Describe();
}
