namespace DeepStreamNet.Config;

/// <summary><c>[tiled-display] enable</c>.</summary>
public enum TilerMode
{
    /// <summary>No tiler: per-source outputs through the demuxer.</summary>
    Disabled = 0,

    /// <summary>Tiler composes all sources into one frame.</summary>
    Tiler = 1,

    /// <summary>Tiler and demuxer in parallel (sinks with <c>link-to-demux=1</c> use the demuxer).</summary>
    TilerAndDemux = 2,
}
