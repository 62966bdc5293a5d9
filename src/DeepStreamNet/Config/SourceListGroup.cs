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
        List = r.GetStringList("list")?.Select(u => ConfigPaths.ResolveUri(u, r.BaseDirectory)).ToArray() ?? [],
        NumSourceBins = r.GetInt("num-source-bins"),
        SensorIdList = r.GetStringList("sensor-id-list") ?? [],
        UseNvMultiUriSrcBin = r.GetBool("use-nvmultiurisrcbin", false),
        MaxBatchSize = r.GetInt("max-batch-size", 0),
        HttpIp = r.GetString("http-ip"),
        HttpPort = r.GetString("http-port"),
        SgieBatchSize = r.GetInt("sgie-batch-size", 0),
    };
}
