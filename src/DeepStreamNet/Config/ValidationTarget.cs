namespace DeepStreamNet.Config;

/// <summary>
/// What a config is validated for: a <see cref="PipelineBackend"/> (checks of resources only one backend uses depend on
/// it) and whether that backend runs on another machine than this one.
/// </summary>
/// <param name="Backend"><see cref="PipelineBackend.Auto"/>: backend-neutral, DeepStream-only resources missing here
/// are warnings.</param>
/// <param name="OnAnotherMachine">DeepStream checked on a machine without DeepStream: files of the DeepStream install
/// (<c>/opt/nvidia/deepstream/…</c>) and user-supplied model files (<c>tlt-encoded-model</c>, <c>int8-calib-file</c>,
/// engines) missing here are warnings ("must exist on the target"); everything else is checked as for DeepStream.</param>
public readonly record struct ValidationTarget(PipelineBackend Backend, bool OnAnotherMachine = false)
{
    /// <summary>Backend-neutral (the default).</summary>
    public static ValidationTarget Any => default;

    /// <summary>NVIDIA DeepStream 6.3 on this machine: its libraries and parser rules are required.</summary>
    public static ValidationTarget DeepStream => new(PipelineBackend.DeepStream);

    /// <summary>NVIDIA DeepStream 6.3 on another machine (see <see cref="OnAnotherMachine"/>).</summary>
    public static ValidationTarget DeepStreamElsewhere => new(PipelineBackend.DeepStream, OnAnotherMachine: true);

    /// <summary>The portable runtime: DeepStream-only keys (tracker library, custom parser libraries) are not needed.</summary>
    public static ValidationTarget Portable => new(PipelineBackend.Portable);
}
