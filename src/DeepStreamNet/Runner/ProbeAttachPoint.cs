namespace DeepStreamNet.Runner;

/// <summary>Where in a deepstream-app pipeline a pad probe goes (the runner maps each to a real pad).</summary>
public enum ProbeAttachPoint
{
    /// <summary>Source pad of the stream muxer: every batch, before any inference.</summary>
    AfterMuxer,

    /// <summary>Source pad of the primary inference element.</summary>
    AfterPrimaryInference,

    /// <summary>Source pad of the tracker.</summary>
    AfterTracker,

    /// <summary>Sink pad of the (first) OSD element; after the tiler when there is one.</summary>
    BeforeOsd,

    /// <summary>Sink pad of the tee that feeds the (first) output's sinks.</summary>
    BeforeSinks,
}
