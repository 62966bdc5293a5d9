namespace DeepStreamNet.Training.Quantization;

/// <summary>Chooses the quantization range of a tensor from its <see cref="ActivationStatistics"/>.</summary>
public static class RangeSelection
{
    /// <summary>
    /// The range [min, max] to quantize: min/max as seen, or clipped symmetrically at the |x| threshold of the percentile
    /// or entropy method (a one-signed tensor, e.g. after Relu, keeps its zero side).
    /// </summary>
    public static (float Min, float Max) Choose(ActivationStatistics s, CalibrationMethod method, double percentile)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (!s.Seen)
        {
            return (0f, 0f);
        }

        if (method == CalibrationMethod.MinMax || s.Histogram is null || s.AbsMax == 0)
        {
            return (s.Min, s.Max);
        }

        var t = method == CalibrationMethod.Percentile ? PercentileThreshold(s, percentile) : EntropyThreshold(s);
        return (Math.Max(s.Min, -t), Math.Min(s.Max, t));
    }

    /// <summary>The |x| below which <paramref name="percentile"/> % of the values lie (upper edge of that bin).</summary>
    public static float PercentileThreshold(ActivationStatistics s, double percentile)
    {
        ArgumentNullException.ThrowIfNull(s);
        var h = s.Histogram ?? throw new InvalidOperationException("no histogram");
        long total = 0;
        foreach (var c in h)
        {
            total += c;
        }

        var wanted = total * Math.Clamp(percentile, 0, 100) / 100.0;
        long sum = 0;
        for (var i = 0; i < h.Length; i++)
        {
            sum += h[i];
            if (sum >= wanted)
            {
                return (i + 1) * s.BinWidth;
            }
        }

        return s.AbsMax;
    }

    /// <summary>
    /// The |x| threshold that minimises KL(P‖Q), P the histogram clipped at the threshold (outliers folded into its last
    /// bin) and Q the same quantized to 128 levels — the method of TensorRT's entropy calibrator.
    /// </summary>
    public static float EntropyThreshold(ActivationStatistics s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var h = s.Histogram ?? throw new InvalidOperationException("no histogram");
        const int levels = 128;
        var best = h.Length;
        var bestKl = double.PositiveInfinity;
        var p = new double[h.Length];
        var q = new double[h.Length];
        for (var i = levels; i <= h.Length; i++)
        {
            double outliers = 0;
            for (var k = i; k < h.Length; k++)
            {
                outliers += h[k];
            }

            for (var k = 0; k < i; k++)
            {
                p[k] = h[k];
            }

            p[i - 1] += outliers;
            // Q: each of the 128 levels spreads its count evenly over the bins it covers that are non-empty in P.
            var per = (double)i / levels;
            for (var l = 0; l < levels; l++)
            {
                var start = (int)Math.Floor(l * per);
                var end = l == levels - 1 ? i : (int)Math.Floor((l + 1) * per);
                double sum = 0;
                var nonEmpty = 0;
                for (var k = start; k < end; k++)
                {
                    sum += h[k];
                    nonEmpty += h[k] != 0 ? 1 : 0;
                }

                for (var k = start; k < end; k++)
                {
                    q[k] = h[k] != 0 ? sum / nonEmpty : 0;
                }
            }

            var kl = Divergence(p.AsSpan(0, i), q.AsSpan(0, i));
            if (kl < bestKl)
            {
                bestKl = kl;
                best = i;
            }
        }

        return Math.Min((best + 0.5f) * s.BinWidth, s.AbsMax);
    }

    private static double Divergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        double ps = 0, qs = 0;
        for (var k = 0; k < p.Length; k++)
        {
            ps += p[k];
            qs += q[k];
        }

        if (ps == 0 || qs == 0)
        {
            return double.PositiveInfinity;
        }

        double kl = 0;
        for (var k = 0; k < p.Length; k++)
        {
            if (p[k] == 0)
            {
                continue;
            }

            // An empty Q bin where P has mass: smoothed, as TensorRT does, instead of an infinite divergence.
            var qk = q[k] > 0 ? q[k] / qs : 1e-4 / qs;
            kl += p[k] / ps * Math.Log(p[k] / ps / qk);
        }

        return kl;
    }
}
