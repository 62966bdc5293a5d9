namespace DeepStreamNet.Config;

/// <summary>Keys many groups share with the same meaning, and the limits DeepStreamNet puts on sizes and counts.</summary>
public static class CommonKeys
{
    /// <summary>Largest frame width or height accepted anywhere (muxer, tiler, tracker, sinks, cameras).</summary>
    public const int MaxDimension = 16384;

    /// <summary>Most stream-muxer inputs (sources, <c>num-sources</c>, batch sizes).</summary>
    public const int MaxSources = 1024;

    /// <summary>Sink groups and secondary GIEs a config may hold.</summary>
    public const int MaxSinks = 1024;

    public const int MaxSecondaryGies = 16;

    /// <summary>Largest <c>num-detected-classes</c> (one attribute set per class is allocated).</summary>
    public const int MaxClasses = 65536;

    public static readonly Key<bool> Enable = Declare.Flag("enable");

    public static readonly Key<int> GpuId = Declare.Int("gpu-id", 0, min: 0, on: KeyBackends.DeepStream);

    public static readonly Key<int> NvbufMemoryType = Declare.Int("nvbuf-memory-type", 0, min: 0, max: 6, on: KeyBackends.DeepStream);

    public static readonly Key<string?> ConfigFile = Declare.Path("config-file");

    /// <summary>A frame width or height (0 = not set).</summary>
    internal static Key<int> Dimension(string name, int @default = 0) => Declare.Int(name, @default, min: 0, max: MaxDimension);
}
