namespace DeepStreamNet.Training.Quantization;

/// <summary>Inputs of <see cref="ModelQuantizer.Run"/> (<c>dsnet quantize</c>).</summary>
public sealed record QuantizationOptions
{
    /// <summary>The model's nvinfer config: its onnx-file is quantized, its preprocessing used for calibration.</summary>
    public required string InferConfigPath { get; init; }

    /// <summary>Folder of calibration images (searched recursively for png/jpg/jpeg). Never the split you evaluate on.</summary>
    public required string CalibrationDirectory { get; init; }

    /// <summary>Where the QDQ model, its configs, the TensorRT cache and the report go.</summary>
    public required string OutputDirectory { get; init; }

    public CalibrationMethod Method { get; init; } = CalibrationMethod.Percentile;

    /// <summary>Percent of |x| kept by <see cref="CalibrationMethod.Percentile"/>.</summary>
    public double Percentile { get; init; } = 99.99;

    /// <summary>At most this many calibration images (taken evenly from the sorted list).</summary>
    public int MaxImages { get; init; } = 100;

    /// <summary>int8 activations instead of uint8.</summary>
    public bool SignedActivations { get; init; }

    /// <summary>Symmetric int8 activations (zero point 0, TensorRT's scheme) instead of asymmetric ones.</summary>
    public bool SymmetricActivations { get; init; }

    /// <summary>Conv nodes kept in float, by node name or output tensor name (<c>--exclude</c>).</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>
    /// Also keep this many Convs in float: those whose quantization alone changes the outputs most on calibration
    /// images (<see cref="LayerSensitivity"/>). 0: no sensitivity pass.
    /// </summary>
    public int KeepFloat { get; init; }

    /// <summary>Calibration images the sensitivity pass runs on (spread over the calibration set).</summary>
    public int SensitivityImages { get; init; } = 8;

    /// <summary>ONNX Runtime session config entries for the speed comparison and the sensitivity pass (e.g. session.x64quantprecision=1).</summary>
    public IReadOnlyDictionary<string, string> SessionConfig { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Weight bits: 7 by default, because x86 CPUs without VNNI multiply uint8 × int8 with 16-bit saturating sums
    /// (vpmaddubsw), which full-range int8 weights can overflow; 8 on VNNI/ARM machines.
    /// </summary>
    public int WeightBits { get; init; } = 7;

    public int TensorRtVersion { get; init; } = TensorRtCalibrationCache.DefaultTensorRtVersion;

    /// <summary>ONNX Runtime intra-op threads (0 = its default).</summary>
    public int Threads { get; init; }

    /// <summary>Seconds of timed runs per model for the speed comparison (0 skips it).</summary>
    public double SpeedSeconds { get; init; } = 6;

    /// <summary>Stem of the output files; default: the model's.</summary>
    public string? Name { get; init; }
}
