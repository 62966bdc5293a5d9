namespace DeepStreamNet.Cli.Bench;

/// <summary>What <c>dsnet bench</c> measures: the pipeline outputs it compares.</summary>
internal enum BenchOutput
{
    /// <summary>The config's pipeline with a fakesink and no OSD: the inference pipeline's own limit.</summary>
    FakeSink,

    /// <summary>With the on-screen display drawing, into a fakesink.</summary>
    Osd,

    /// <summary>With OSD and H.264 encoding into an MP4 file.</summary>
    Encode,
}

/// <summary>One model the bench runs: its label (FP32, INT8), the ONNX file and the nvinfer config the pipeline uses.</summary>
internal sealed record BenchModel(string Label, string OnnxPath, string InferConfigPath);

/// <summary>The options of one bench run (see <c>dsnet bench --help</c>).</summary>
internal sealed record BenchPlan
{
    public required string AppConfigPath { get; init; }

    public required IReadOnlyList<int> Streams { get; init; }

    public required IReadOnlyList<BenchOutput> Outputs { get; init; }

    public required IReadOnlyList<BenchModel> Models { get; init; }

    /// <summary>Seconds each pipeline run is measured for, after <see cref="WarmupSeconds"/>.</summary>
    public double Seconds { get; init; } = 20;

    public double WarmupSeconds { get; init; } = 5;

    public int Rounds { get; init; } = 1;

    public double BareSeconds { get; init; } = 5;

    /// <summary>One extra fakesink run per stream count with GStreamer's latency tracer for per-element times.</summary>
    public bool ElementTimes { get; init; } = true;

    /// <summary>
    /// Groups whose <c>enable=0</c> takes inference out of the pipeline (pre-process, GIEs, tracker): the bound run, one
    /// per round, measures what decoding, conversion and muxing cost without them.
    /// </summary>
    public IReadOnlyList<string> InferenceGroups { get; init; } = [];

    /// <summary>Measure the bound: the inference-off run and every run's CPU seconds per frame.</summary>
    public bool Bound { get; init; } = true;

    /// <summary>Folder for the encoded files and the INT8 config copies.</summary>
    public required string WorkDirectory { get; init; }
}
