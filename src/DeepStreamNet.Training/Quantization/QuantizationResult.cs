namespace DeepStreamNet.Training.Quantization;

/// <summary>What <see cref="ModelQuantizer.Run"/> wrote and measured.</summary>
public sealed record QuantizationResult
{
    public required string Fp32ModelPath { get; init; }

    /// <summary>The QDQ model (ONNX Runtime runs it with integer kernels; TensorRT with explicit quantization).</summary>
    public required string QdqModelPath { get; init; }

    /// <summary>nvinfer config of the QDQ model (onnx-file, network-mode=1).</summary>
    public required string QdqConfigPath { get; init; }

    /// <summary>TensorRT calibration cache of the FP32 model.</summary>
    public required string CalibrationCachePath { get; init; }

    /// <summary>nvinfer config of the FP32 model with the cache (network-mode=1, int8-calib-file): DeepStream's implicit INT8.</summary>
    public required string CalibratedConfigPath { get; init; }

    public required int QuantizedConvs { get; init; }

    public required int CalibrationImages { get; init; }

    public required int CalibratedTensors { get; init; }

    public required IReadOnlyList<string> Skipped { get; init; }

    /// <summary>Bare ONNX Runtime frames/s of each model on calibration tensors, measured alternately in one run; null when skipped.</summary>
    public InferenceSpeed.Comparison? Speed { get; init; }

    /// <summary>The Convs left in float (--exclude and the --keep-float most sensitive), by id.</summary>
    public IReadOnlyList<string> KeptFloat { get; init; } = [];

    /// <summary>Per-Conv relative output error on calibration images, largest first (empty without --keep-float).</summary>
    public IReadOnlyList<LayerSensitivity.Entry> Sensitivity { get; init; } = [];
}
