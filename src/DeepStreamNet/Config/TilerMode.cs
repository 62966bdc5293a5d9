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

    /// <summary>An identity element in place of the tiler (deepstream_tiled_display_bin.c:42-46).</summary>
    Identity = 3,
}
