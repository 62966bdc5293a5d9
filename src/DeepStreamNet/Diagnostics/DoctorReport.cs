namespace DeepStreamNet.Diagnostics;

/// <summary>Everything <see cref="MachineDoctor"/> found, and whether each backend can run here.</summary>
public sealed class DoctorReport(IReadOnlyList<DoctorCheck> checks, PipelineBackend requested, PipelineBackend chosen)
{
    /// <summary>Every check, in report order.</summary>
    public IReadOnlyList<DoctorCheck> Checks { get; } = checks;

    /// <summary>The backend asked for (Auto allowed).</summary>
    public PipelineBackend Requested { get; } = requested;

    /// <summary>The backend Auto resolves to on this machine (or the one asked for).</summary>
    public PipelineBackend Chosen { get; } = chosen;

    /// <summary>Whether <paramref name="backend"/> can run: nothing it needs is missing.</summary>
    public bool CanRun(PipelineBackend backend) =>
        !Checks.Any(c => c.Status == CheckStatus.Missing && (c.Section == "GStreamer" || c.Section == SectionOf(backend)));

    /// <summary>Whether the chosen backend can run.</summary>
    public bool Ready => CanRun(Chosen);

    /// <summary>The report section of a backend's own checks.</summary>
    public static string SectionOf(PipelineBackend backend) =>
        backend == PipelineBackend.DeepStream ? "deepstream backend" : "portable backend";
}
