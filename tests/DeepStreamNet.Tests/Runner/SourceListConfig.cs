namespace DeepStreamNet.Tests.Runner;

/// <summary>The app config of the run-time source tests (linked into the service tests too).</summary>
internal static class SourceListConfig
{
    /// <summary>[source-list] use-nvmultiurisrcbin=1 with one listed file, a synced fake sink (the clip plays in real time).</summary>
    public static string Text(string uri, int maxBatchSize, string httpPort = "0") => $"""
        [application]
        [source-list]
        list={uri}
        sensor-id-list=cam-0
        use-nvmultiurisrcbin=1
        max-batch-size={maxBatchSize}
        http-ip=127.0.0.1
        http-port={httpPort}
        [source-attr-all]
        enable=1
        type=2
        [streammux]
        batch-size=1
        batched-push-timeout=40000
        width=320
        height=180
        [tiled-display]
        enable=1
        rows=2
        columns=2
        width=640
        height=360
        [osd]
        enable=1
        [sink0]
        enable=1
        type=1
        sync=1
        """;
}
