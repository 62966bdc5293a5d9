namespace DeepStreamNet.Training.Quantization;

/// <summary>
/// What calibration saw of one tensor: its minimum and maximum and, once those are known, a histogram of |x| over
/// [0, max |x|] (for the percentile and entropy methods).
/// </summary>
public sealed class ActivationStatistics
{
    /// <summary>Bins of the |x| histogram (TensorRT's entropy calibrator uses 2048 too).</summary>
    public const int Bins = 2048;

    public float Min { get; private set; } = float.PositiveInfinity;

    public float Max { get; private set; } = float.NegativeInfinity;

    /// <summary>Counts of |x| per bin of width <see cref="BinWidth"/>; null until <see cref="StartHistogram"/>.</summary>
    public long[]? Histogram { get; private set; }

    public float BinWidth { get; private set; }

    /// <summary>Largest |x| seen.</summary>
    public float AbsMax => Math.Max(Math.Abs(Min), Math.Abs(Max));

    /// <summary>True once at least one value was observed.</summary>
    public bool Seen => Min <= Max;

    /// <summary>First pass: widens the range to cover <paramref name="values"/>.</summary>
    public void ObserveRange(ReadOnlySpan<float> values)
    {
        float lo = Min, hi = Max;
        foreach (var v in values)
        {
            if (v < lo)
            {
                lo = v;
            }

            if (v > hi)
            {
                hi = v;
            }
        }

        Min = lo;
        Max = hi;
    }

    /// <summary>Between the passes: fixes the histogram's range at [0, <see cref="AbsMax"/>].</summary>
    public void StartHistogram()
    {
        Histogram = new long[Bins];
        BinWidth = Seen && AbsMax > 0 ? AbsMax / Bins : 1f;
    }

    /// <summary>Second pass: counts |x| of <paramref name="values"/>.</summary>
    public void ObserveHistogram(ReadOnlySpan<float> values)
    {
        var h = Histogram ?? throw new InvalidOperationException("StartHistogram first");
        var inv = 1f / BinWidth;
        foreach (var v in values)
        {
            var b = (int)(MathF.Abs(v) * inv);
            h[b < Bins ? b : Bins - 1]++;
        }
    }
}
