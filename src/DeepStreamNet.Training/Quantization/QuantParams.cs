namespace DeepStreamNet.Training.Quantization;

/// <summary>Scale and zero point of an 8-bit activation (asymmetric uint8 0–255 or int8 −128–127, or symmetric int8).</summary>
public readonly record struct QuantParams(float Scale, int ZeroPoint)
{
    /// <summary>
    /// Maps [min, max] (widened to contain 0, so 0 is exact: padding and Relu) onto the 256 steps of the type. A range
    /// [0, max] gets the type's lowest value as zero point, so quantizing clamps negatives exactly as Relu does.
    /// </summary>
    public static QuantParams ForRange(float min, float max, bool signedInt8)
    {
        min = Math.Min(min, 0f);
        max = Math.Max(max, 0f);
        var scale = (max - min) / 255f;
        if (!(scale > 0) || float.IsInfinity(scale))
        {
            scale = 1f;
        }

        var lowest = signedInt8 ? -128 : 0;
        var zp = (int)Math.Round(lowest - (min / scale));
        return new QuantParams(scale, Math.Clamp(zp, lowest, lowest + 255));
    }

    /// <summary>Symmetric int8: zero point 0, ±max(|min|, |max|) onto ±127 (TensorRT's activation scheme).</summary>
    public static QuantParams Symmetric(float min, float max)
    {
        var scale = Math.Max(Math.Abs(min), Math.Abs(max)) / 127f;
        return new QuantParams(scale > 0 && !float.IsInfinity(scale) ? scale : 1f, 0);
    }
}
