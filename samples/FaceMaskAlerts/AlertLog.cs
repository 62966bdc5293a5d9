using DeepStreamNet.Metadata;
using Microsoft.Extensions.Logging;

namespace FaceMaskAlerts;

/// <summary>The sample's log messages (source-generated: no allocation when a level is off).</summary>
internal static partial class AlertLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "ALERT source {Source} track {Track}: no mask for {Frames} frames (frame {Frame}, box {Box}) crop {Crop}")]
    public static partial void Alert(ILogger logger, uint source, ulong track, int frames, int frame, RectF box, string? crop);

    [LoggerMessage(Level = LogLevel.Warning, Message = "no crop for track {Track}: {Reason}")]
    public static partial void NoCrop(ILogger logger, ulong track, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Frames} frames seen: stopping")]
    public static partial void Stopping(ILogger logger, long frames);
}
