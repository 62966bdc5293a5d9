namespace DeepStreamNet.Pipeline;

/// <summary>What kind of input a source is, as the host supervises it.</summary>
public enum SourceKind
{
    /// <summary>A <c>file:</c> URI: checked before start, loops with <c>[tests] file-loop</c>.</summary>
    File,

    /// <summary>An RTSP stream: reconnected when <see cref="GraphSource.ReconnectIntervalSec"/> &gt; 0.</summary>
    Rtsp,

    /// <summary>A V4L2 camera (<see cref="GraphSource.Location"/> is its device node).</summary>
    Camera,

    /// <summary>Anything else (HTTP URIs, CSI cameras, test sources).</summary>
    Other,
}

/// <summary>
/// One source instance of the graph (muxer input <see cref="Index"/> = <c>source_id</c>): the config group it came from,
/// the elements of its bin (upstream first), the one that starts it (where it reads is that element's <c>uri</c>,
/// <c>location</c> or <c>device</c>) and the one that feeds the muxer.
/// </summary>
public sealed record GraphSource(int Index, string Group, SourceKind Kind, IReadOnlyList<string> Elements, GraphElement InputElement, string Feed)
{
    /// <summary>The element the bin starts with.</summary>
    public string Input => InputElement.Name;

    /// <summary>URI, RTSP location or device node, when the source has one.</summary>
    public string? Location => (InputElement.Get("uri") ?? InputElement.Get("location") ?? InputElement.Get("device"))?.Value as string;

    /// <summary>RTSP: seconds without data before a reconnection attempt; 0 = never.</summary>
    public int ReconnectIntervalSec { get; init; }

    /// <summary>RTSP: reconnection attempts before the source is given up; −1 = forever.</summary>
    public int ReconnectAttempts { get; init; } = -1;

    /// <summary>Names the source in messages: <c>source 1 (file:///…)</c>.</summary>
    public string Describe() => Location is null ? $"source {Index}" : $"source {Index} ({Location})";
}
