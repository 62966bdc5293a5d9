using DeepStreamNet.Metadata;

namespace FaceMaskAlerts;

/// <summary>A tracked face that stayed <c>no-mask</c> for the configured number of consecutive frames (one per track).</summary>
public sealed record MaskAlert(uint SourceId, ulong TrackId, int FrameNumber, ulong Pts, RectF Box, int ConsecutiveFrames, string? CropPath);
