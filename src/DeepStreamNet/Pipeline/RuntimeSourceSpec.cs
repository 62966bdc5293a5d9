namespace DeepStreamNet.Pipeline;

/// <summary>
/// How the runner adds sources while the pipeline plays (portable backend): the limit on active sources, the REST
/// server nvmultiurisrcbin would start (<c>[source-list] http-ip</c>/<c>http-port</c>, only with
/// <c>use-nvmultiurisrcbin=1</c>), the sensor ids of the sources the graph starts with, and the builder of one
/// source bin (the same one the config's own sources come from).
/// </summary>
public sealed class RuntimeSourceSpec
{
    /// <summary>At most this many active sources (<c>[source-list] max-batch-size</c>); 0: no limit but the muxer's
    /// 1024 pads.</summary>
    public int MaxSources { get; init; }

    /// <summary>Whether the config asks for nvmultiurisrcbin's REST API (<c>use-nvmultiurisrcbin=1</c>).</summary>
    public bool RestApi { get; init; }

    /// <summary><c>[source-list] http-ip</c> (nvmultiurisrcbin's <c>ip-address</c>, default <c>localhost</c>).</summary>
    public string HttpIp { get; init; } = "localhost";

    /// <summary><c>[source-list] http-port</c> (nvmultiurisrcbin's <c>port</c>, default 9000; <c>"0"</c> turns the
    /// server off).</summary>
    public string HttpPort { get; init; } = "9000";

    /// <summary>Sensor id of each configured source, by source id (<c>sensor-id-list</c>; the group name otherwise).</summary>
    public IReadOnlyDictionary<int, string> SensorIds { get; init; } = new Dictionary<int, string>();

    /// <summary>Builds the elements of one source reading <c>uri</c> that feeds muxer pad <c>sink_N</c> (N = the
    /// second argument): a graph holding only those elements, their links and one <see cref="GraphSource"/>.
    /// Throws <see cref="ArgumentException"/> for a URI no source bin can read.</summary>
    public required Func<string, int, PipelineGraph> BuildSource { get; init; }
}
