namespace DeepStreamNet.Config;

/// <summary><c>[tiled-display]</c>.</summary>
public sealed record TiledDisplayGroup
{
    public TilerMode Mode { get; init; }

    public int Rows { get; init; }

    public int Columns { get; init; }

    public int Width { get; init; }

    public int Height { get; init; }

    public int GpuId { get; init; }

    public int NvbufMemoryType { get; init; }

    public int ComputeHw { get; init; }

    public int BufferPoolSize { get; init; }

    internal static TiledDisplayGroup Read(GroupReader r) => new()
    {
        Mode = r.Enum<TilerMode>(TiledDisplayKeys.Enable) ?? TilerMode.Disabled,
        Rows = r.Value(TiledDisplayKeys.Rows),
        Columns = r.Value(TiledDisplayKeys.Columns),
        Width = r.Value(TiledDisplayKeys.Width),
        Height = r.Value(TiledDisplayKeys.Height),
        GpuId = r.Value(CommonKeys.GpuId),
        NvbufMemoryType = r.Value(CommonKeys.NvbufMemoryType),
        ComputeHw = r.Value(TiledDisplayKeys.ComputeHw),
        BufferPoolSize = r.Value(TiledDisplayKeys.BufferPoolSize),
    };

    /// <summary>Tile grid as deepstream-app computes it when rows×columns is too small for <paramref name="sources"/>.</summary>
    public (int Rows, int Columns) GridFor(int sources)
    {
        if (Rows * Columns >= sources)
        {
            return (Rows, Columns);
        }

        // deepstream-app: keep a given column count, else round(sqrt(n)); rows = ceil(n / columns).
        var columns = Columns != 0 ? Columns : Math.Max((int)(Math.Sqrt(sources) + 0.5), 1);
        return ((sources + columns - 1) / columns, columns);
    }
}
