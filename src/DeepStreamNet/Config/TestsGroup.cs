namespace DeepStreamNet.Config;

/// <summary><c>[tests]</c>.</summary>
public sealed record TestsGroup
{
    /// <summary>Restart file sources at EOS.</summary>
    public bool FileLoop { get; init; }

    /// <summary>Rebuild the pipeline every N seconds (0 = never).</summary>
    public int PipelineRecreateSec { get; init; }

    internal static TestsGroup Read(GroupReader r) => new()
    {
        FileLoop = r.Value(ApplicationKeys.FileLoop),
        PipelineRecreateSec = r.Value(ApplicationKeys.PipelineRecreateSec),
    };
}
