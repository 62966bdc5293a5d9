namespace DeepStreamNet.Config;

/// <summary>Outcome of loading a config: the model (null only when the file could not be read at all) and every finding.</summary>
public sealed record AppConfigResult(AppConfig? Config, ValidationReport Report)
{
    /// <summary>True when a config was read and no error was found.</summary>
    public bool IsValid => Config is not null && Report.IsValid;
}
