namespace DeepStreamNet.Runner;

/// <summary>Why a source could not be added or removed.</summary>
public enum SourceChangeError
{
    /// <summary>The change was made.</summary>
    None,

    /// <summary>A required value is missing or malformed (empty sensor id, not a URI).</summary>
    InvalidRequest,

    /// <summary>No active source has that id or sensor id.</summary>
    UnknownSource,

    /// <summary>An active source already has that sensor id.</summary>
    DuplicateSensorId,

    /// <summary>The URI cannot be read (missing or empty file, unsupported scheme).</summary>
    UnreadableUri,

    /// <summary>As many sources as <c>[source-list] max-batch-size</c> are active.</summary>
    CapacityReached,

    /// <summary>The pipeline is not running (not built, ended, or this backend cannot change sources).</summary>
    NotRunning,
}

/// <summary>The outcome of <see cref="PipelineRunner.AddSourceAsync"/> / <see cref="PipelineRunner.RemoveSourceAsync(int, CancellationToken)"/>.</summary>
/// <param name="Error"><see cref="SourceChangeError.None"/> when the change was made.</param>
/// <param name="SourceId">The source id (muxer pad index, <c>NvDsFrameMeta.source_id</c>) added or removed; −1 on failure.</param>
/// <param name="Reason">What went wrong, for people (empty on success).</param>
public sealed record SourceChange(SourceChangeError Error, int SourceId, string Reason)
{
    public bool Succeeded => Error == SourceChangeError.None;

    internal static SourceChange Done(int id) => new(SourceChangeError.None, id, "");

    internal static SourceChange Fail(SourceChangeError error, string reason) => new(error, -1, reason);
}

/// <summary>What happened to a source while the pipeline played.</summary>
public enum SourceEventKind
{
    /// <summary>Added while playing (<see cref="PipelineRunner.AddSourceAsync"/>).</summary>
    Added,

    /// <summary>Its end of stream reached the muxer (end of file, removal, or failure: see <see cref="SourceEvent.Reason"/>).</summary>
    Ended,

    /// <summary>Its elements left the pipeline and its muxer pad was released.</summary>
    Removed,
}

/// <summary>One source event (raised on the pipeline's main-loop thread: keep handlers short).</summary>
public sealed record SourceEvent(SourceEventKind Kind, RunningSource Source, string Reason);

/// <summary>A source of the running pipeline.</summary>
/// <param name="SourceId">Muxer pad index = <c>NvDsFrameMeta.source_id</c>.</param>
/// <param name="SensorId">Sensor id (<c>camera_id</c> of the REST API; <c>sensor-id-list</c> or the group name for configured sources).</param>
/// <param name="SensorName">Sensor name (<c>camera_name</c>), when given.</param>
/// <param name="Uri">What it reads.</param>
/// <param name="AddedAtRunTime">Added while playing (not from the config).</param>
public sealed record RunningSource(int SourceId, string SensorId, string? SensorName, string? Uri, bool AddedAtRunTime);
