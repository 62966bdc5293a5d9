namespace DeepStreamNet.Pipeline;

/// <summary>What an element is for in a deepstream-app pipeline: the runner finds elements by role, never by name.</summary>
public enum ElementRole
{
    /// <summary>Plumbing (queues, converters, caps filters, encoders, …).</summary>
    None,

    /// <summary>The element a source bin starts with (uridecodebin, rtspsrc, v4l2src, …).</summary>
    SourceInput,

    /// <summary>A decoder of a source bin that is restarted with its input on a reconnect (decodebin).</summary>
    SourceDecoder,

    /// <summary>The stream muxer all sources feed.</summary>
    Muxer,

    /// <summary>The primary inference element.</summary>
    PrimaryInference,

    /// <summary>A secondary inference element.</summary>
    SecondaryInference,

    /// <summary>The tracker.</summary>
    Tracker,

    /// <summary>The tiler.</summary>
    Tiler,

    /// <summary>The stream demuxer.</summary>
    Demuxer,

    /// <summary>An on-screen display element (one per output).</summary>
    Osd,

    /// <summary>The tee that feeds the sinks of one output.</summary>
    OutputTee,

    /// <summary>A sink element.</summary>
    Sink,
}
