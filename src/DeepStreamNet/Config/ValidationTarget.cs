namespace DeepStreamNet.Config;

/// <summary>Which runtime a config is validated for: checks of resources only one backend uses depend on it.</summary>
public enum ValidationTarget
{
    /// <summary>Backend-neutral: DeepStream-only resources missing on this machine are warnings.</summary>
    Any,

    /// <summary>NVIDIA DeepStream 6.3: its libraries and parser rules are required.</summary>
    DeepStream,

    /// <summary>The portable runtime: DeepStream-only keys (tracker library, custom parser libraries) are not needed.</summary>
    Portable,
}
