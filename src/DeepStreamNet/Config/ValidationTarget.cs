namespace DeepStreamNet.Config;

/// <summary>Which runtime a config is validated for: checks of resources only one backend uses depend on it.</summary>
public enum ValidationTarget
{
    /// <summary>Backend-neutral: DeepStream-only resources missing on this machine are warnings.</summary>
    Any,

    /// <summary>NVIDIA DeepStream 6.3: its libraries and parser rules are required.</summary>
    DeepStream,

    /// <summary>
    /// NVIDIA DeepStream 6.3 checked on a machine without DeepStream: files of the DeepStream install
    /// (<c>/opt/nvidia/deepstream/…</c>) and user-supplied model files (<c>tlt-encoded-model</c>, <c>int8-calib-file</c>,
    /// engines) missing here are warnings ("must exist on the target"); everything else is checked as for DeepStream.
    /// </summary>
    DeepStreamElsewhere,

    /// <summary>The portable runtime: DeepStream-only keys (tracker library, custom parser libraries) are not needed.</summary>
    Portable,
}
