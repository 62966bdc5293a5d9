namespace DeepStreamNet.Service.Telemetry;

/// <summary>One source as the monitor saw it at the sinks.</summary>
/// <param name="SourceId">The source id.</param>
/// <param name="Frames">Frames that reached the sinks.</param>
/// <param name="Fps">Frames per second over the last second.</param>
/// <param name="LastFrameAt">When its last frame reached the sinks.</param>
/// <param name="Mask">Objects labelled <c>mask</c> in its last frame.</param>
/// <param name="NoMask">Objects labelled <c>no-mask</c> in its last frame.</param>
/// <param name="Dropped">Frames lost between the muxer and the sinks.</param>
public sealed record SourceStatus(uint SourceId, long Frames, double Fps, DateTimeOffset LastFrameAt, int Mask, int NoMask, long Dropped);
