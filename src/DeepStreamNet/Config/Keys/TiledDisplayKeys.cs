namespace DeepStreamNet.Config;

/// <summary><c>[tiled-display]</c> keys.</summary>
public static class TiledDisplayKeys
{
    public static readonly Key<int?> Enable = Declare.Choice<TilerMode>("enable", "tiled-display mode", "0 (no tiler, demuxer), 1 (tiler), 2 (tiler and demuxer), 3 (identity instead of the tiler)");
    public static readonly Key<int> Rows = Declare.Int("rows", 0, min: 0, max: CommonKeys.MaxSources);
    public static readonly Key<int> Columns = Declare.Int("columns", 0, min: 0, max: CommonKeys.MaxSources);
    public static readonly Key<int> Width = CommonKeys.Dimension("width");
    public static readonly Key<int> Height = CommonKeys.Dimension("height");
    public static readonly Key<int> ComputeHw = Declare.Int("compute-hw", 0, min: 0, max: 2, since: "6.2", on: KeyBackends.DeepStream);
    public static readonly Key<int> BufferPoolSize = Declare.Int("buffer-pool-size", 0, min: 0, max: 1024, since: "6.0", on: KeyBackends.DeepStream);

    public static readonly KeySpec[] All = [Enable, Rows, Columns, Width, Height, CommonKeys.GpuId, CommonKeys.NvbufMemoryType, ComputeHw, BufferPoolSize];
}
