namespace DeepStreamNet.Config;

/// <summary><c>[source-list]</c>: one URI per source (<c>file://</c>, <c>rtsp://</c>, <c>usb:N</c>, <c>csi:N</c>).</summary>
public sealed record SourceListGroup
{
    public IReadOnlyList<string> List { get; init; } = [];

    public int? NumSourceBins { get; init; }

    public IReadOnlyList<string> SensorIdList { get; init; } = [];

    public bool UseNvMultiUriSrcBin { get; init; }

    public int MaxBatchSize { get; init; }

    public string? HttpIp { get; init; }

    public string? HttpPort { get; init; }

    public int SgieBatchSize { get; init; }

    internal static SourceListGroup Read(GroupReader r) => new()
    {
        List = r.Value(SourceListKeys.List)?.Select(u => ConfigPaths.ResolveUri(u, r.BaseDirectory)).ToArray() ?? [],
        NumSourceBins = r.Value(SourceListKeys.NumSourceBins),
        SensorIdList = r.Value(SourceListKeys.SensorIdList) ?? [],
        UseNvMultiUriSrcBin = r.Value(SourceListKeys.UseNvMultiUriSrcBin),
        MaxBatchSize = r.Value(SourceListKeys.MaxBatchSize),
        HttpIp = r.Value(SourceListKeys.HttpIp),
        HttpPort = r.Value(SourceListKeys.HttpPort),
        SgieBatchSize = r.Value(SourceListKeys.SgieBatchSize),
    };
}
