using DeepStreamNet;

namespace FaceMaskAlerts;

/// <summary>The sample's command line (see <c>Program.cs</c>); null values leave the settings file's value.</summary>
public sealed record AlertsArguments(
    string Settings,
    string? Config = null,
    string? OutputDirectory = null,
    int? ConsecutiveFrames = null,
    int? MaxFrames = null,
    PipelineBackend? Backend = null,
    IReadOnlyList<string>? Overrides = null);
