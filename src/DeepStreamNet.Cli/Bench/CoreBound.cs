namespace DeepStreamNet.Cli.Bench;

/// <summary>
/// What the cores allow a pipeline: bare ONNX Runtime (as many intra-op threads as cores) keeps every core busy for
/// 1/bare seconds a frame, and the pipeline's other work (decoding, conversion, muxing: the inference-off run's CPU per
/// frame) needs the same cores on top. No pipeline on these cores runs faster than
/// 1 / (1/bare + other / cores) frames/s, whatever its plumbing.
/// </summary>
internal static class CoreBound
{
    /// <summary>The bound in frames/s.</summary>
    public static double FramesPerSecond(double bareFramesPerSecond, double otherCpuMillisecondsPerFrame, int cores) =>
        1.0 / ((1.0 / bareFramesPerSecond) + (otherCpuMillisecondsPerFrame / 1000.0 / cores));

    /// <summary>The most CPU milliseconds a frame that other work may take for the bound to reach <paramref name="ratio"/> × bare.</summary>
    public static double OtherWorkAllowed(double bareFramesPerSecond, double ratio, int cores) =>
        cores * ((1.0 / ratio) - 1.0) / bareFramesPerSecond * 1000.0;
}
