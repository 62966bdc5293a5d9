namespace DeepStreamNet.Runtime;

/// <summary>One source instance of the pipeline (muxer pad <see cref="Index"/>) and its run-time state.</summary>
internal sealed class SourceSlot
{
    public SourceSlot(int index, string? location, bool isRtsp, bool isFile)
    {
        Index = index;
        Location = location;
        IsRtsp = isRtsp;
        IsFile = isFile;
    }

    /// <summary>Source id = muxer sink pad index.</summary>
    public int Index { get; }

    /// <summary>URI or RTSP location, when the source has one.</summary>
    public string? Location { get; }

    public bool IsRtsp { get; }

    public bool IsFile { get; }

    /// <summary>A V4L2 camera (<see cref="Location"/> is its device node).</summary>
    public bool IsCamera { get; init; }

    /// <summary>Element names of this source bin (<c>src_bin_N_*</c>), upstream first.</summary>
    public List<string> Elements { get; } = [];

    /// <summary>The element that feeds the muxer.</summary>
    public string? Last { get; set; }

    public bool Failed { get; set; }

    public bool Ended { get; set; }

    public int ReconnectIntervalSec { get; set; }

    public int ReconnectAttempts { get; set; } = -1;

    public int ReconnectsDone { get; set; }

    /// <summary>Errors since the last reconnection attempt (only the first is logged).</summary>
    public int ErrorsSinceAttempt { get; set; }

    /// <summary>Stopwatch ticks of the last buffer that reached the muxer.</summary>
    public long LastDataTicks;

    /// <summary>End (PTS + duration) of the latest buffer of the current pass over a looping file.</summary>
    public long LastEnd;

    /// <summary>Running-time offset applied to a looping file's feed pad (sum of the passes so far).</summary>
    public long LoopOffset { get; set; }

    public string Describe() => Location is null ? $"source {Index}" : $"source {Index} ({Location})";
}
