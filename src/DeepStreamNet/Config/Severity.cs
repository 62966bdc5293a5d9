namespace DeepStreamNet.Config;

/// <summary>How bad a validation finding is: warnings are printed, errors make the config invalid.</summary>
public enum Severity
{
    Warning,
    Error,
}
