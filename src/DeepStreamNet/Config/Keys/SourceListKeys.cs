namespace DeepStreamNet.Config;

/// <summary><c>[source-list]</c> keys.</summary>
public static class SourceListKeys
{
    public static readonly Key<IReadOnlyList<string>?> List = Declare.StringList("list");
    public static readonly Key<int?> NumSourceBins = Declare.OptionalInt("num-source-bins", min: 0, max: CommonKeys.MaxSources);
    public static readonly Key<IReadOnlyList<string>?> SensorIdList = Declare.StringList("sensor-id-list", "6.2");
    public static readonly Key<bool> UseNvMultiUriSrcBin = Declare.Bool("use-nvmultiurisrcbin", since: "6.2");
    public static readonly Key<int> MaxBatchSize = Declare.Int("max-batch-size", 0, min: 0, max: CommonKeys.MaxSources, since: "6.2");
    public static readonly Key<string?> HttpIp = Declare.Text("http-ip", "6.2");
    public static readonly Key<string?> HttpPort = Declare.Text("http-port", "6.2");
    public static readonly Key<int> SgieBatchSize = Declare.Int("sgie-batch-size", 0, min: 0, max: 1024, since: "6.0");

    public static readonly KeySpec[] All = [List, NumSourceBins, SensorIdList, UseNvMultiUriSrcBin, MaxBatchSize, HttpIp, HttpPort, SgieBatchSize];
}
