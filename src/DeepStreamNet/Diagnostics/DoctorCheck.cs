namespace DeepStreamNet.Diagnostics;

/// <summary>How one check of <see cref="MachineDoctor"/> came out.</summary>
public enum CheckStatus
{
    /// <summary>Present and usable.</summary>
    Ok,

    /// <summary>Missing, but only some configs need it (display, camera, encoders, assets).</summary>
    Warning,

    /// <summary>Missing and the backend cannot run without it.</summary>
    Missing,

    /// <summary>Information only.</summary>
    Info,
}

/// <summary>One line of the report: what was checked, what was found (where), and the command that fixes it.</summary>
/// <param name="Section">"GStreamer", "portable backend", "deepstream backend", "machine", "assets".</param>
/// <param name="Item">What was checked.</param>
/// <param name="Status">The outcome.</param>
/// <param name="Detail">What was found (version, path) or what is missing.</param>
/// <param name="Fix">The command (or step) that fixes it; null when nothing needs fixing.</param>
public sealed record DoctorCheck(string Section, string Item, CheckStatus Status, string Detail, string? Fix = null);
