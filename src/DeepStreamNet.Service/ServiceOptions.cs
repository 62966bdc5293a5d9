namespace DeepStreamNet.Service;

/// <summary>What the service adds around the pipeline (<c>services.AddDeepStreamService(...)</c>, <c>dsnet run --http-port/--dashboard</c>).</summary>
public sealed class ServiceOptions
{
    /// <summary>Where each broker sink keeps its on-disk spool (a sub-folder per sink group).</summary>
    public string SpoolDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "dsnet-spool");

    /// <summary>Attach one event per tracked no-mask face (<see cref="Sink.NoMaskEventProbe"/>) after the tracker.</summary>
    public bool NoMaskEvents { get; set; }

    /// <summary>Serve the live dashboard page at <c>/</c> (MJPEG video, counts, recent no-mask events).</summary>
    public bool Dashboard { get; set; }

    /// <summary>Readiness fails when no frame reached the sinks (or one source delivered none) for this long.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Log as JSON lines (one object per message) instead of text.</summary>
    public bool JsonLogs { get; set; }

    /// <summary>Where the HTTP endpoints listen (<c>/metrics</c>, <c>/health/*</c>, the dashboard); port 0 picks a free one.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Frames per second the dashboard's video stream is encoded at (at most).</summary>
    public double DashboardFps { get; set; } = 5;
}
