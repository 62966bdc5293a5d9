namespace DeepStreamNet.Training.Quantization;

/// <summary>How an activation's range is chosen from what calibration saw.</summary>
public enum CalibrationMethod
{
    /// <summary>The smallest and largest value seen (no clipping; outliers widen the step).</summary>
    MinMax,

    /// <summary>Clip |x| at a percentile of its histogram (<see cref="QuantizationOptions.Percentile"/>).</summary>
    Percentile,

    /// <summary>Clip |x| where the int8 distribution loses least information (KL divergence, as TensorRT's entropy calibrator).</summary>
    Entropy,
}
