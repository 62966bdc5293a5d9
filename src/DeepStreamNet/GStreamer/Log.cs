using Microsoft.Extensions.Logging;

namespace DeepStreamNet.GStreamer;

/// <summary>Source-generated log messages of the GStreamer boundary.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "probe {Probe} at {Location} threw on {Frames} (fault #{Count}); the buffer passed on")]
    public static partial void ProbeFault(ILogger logger, Exception exception, string probe, string location, string frames, long count);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "probe {Probe} at {Location} has thrown {Count} times")]
    public static partial void ProbeFaultsSoFar(ILogger logger, string probe, string location, long count);
}
