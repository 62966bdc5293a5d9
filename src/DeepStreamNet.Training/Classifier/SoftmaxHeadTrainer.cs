namespace DeepStreamNet.Training.Classifier;

/// <summary>
/// Fits a <see cref="SoftmaxHead"/>: multinomial logistic regression on standardised features, class-weighted
/// cross-entropy (each class weighs as much as the others in total, whatever its count) plus L2, minimised by
/// full-batch Adam for a fixed number of steps. The problem is convex and small (classes × 513 parameters), so a
/// few hundred exact full-batch steps reach the optimum; with no sampling and a fixed summation order the same
/// features always give the same weights, bit for bit.
/// </summary>
public static class SoftmaxHeadTrainer
{
    /// <param name="features">Row-major n × d features.</param>
    /// <param name="labels">Class index of each row.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="l2">L2 penalty on the standardised weights.</param>
    /// <param name="steps">Full-batch optimiser steps.</param>
    /// <param name="balance">Weigh classes inversely to their counts.</param>
    /// <param name="progress">Called with the step number.</param>
    public static SoftmaxHead Fit(float[] features, int[] labels, int classes, double l2, int steps, bool balance, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        var n = labels.Length;
        if (n == 0 || features.Length % n != 0)
        {
            throw new ArgumentException("features must hold one row per label and at least one row");
        }

        var d = features.Length / n;
        var (mean, scale) = Standardisation(features, n, d);
        var counts = new int[classes];
        foreach (var y in labels)
        {
            counts[y]++;
        }

        var sampleWeight = new double[classes];
        for (var k = 0; k < classes; k++)
        {
            sampleWeight[k] = counts[k] == 0 ? 0 : balance ? n / ((double)classes * counts[k]) : 1.0;
        }

        var totalWeight = labels.Sum(y => sampleWeight[y]);
        var p = (d + 1) * classes; // per class: d weights then the bias
        var theta = new double[p];
        var grad = new double[p];
        var m1 = new double[p];
        var m2 = new double[p];
        const double lr = 0.05, beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        var x = new double[d];
        var logits = new double[classes];
        for (var step = 1; step <= steps; step++)
        {
            Array.Clear(grad);
            for (var i = 0; i < n; i++)
            {
                var row = features.AsSpan(i * d, d);
                for (var j = 0; j < d; j++)
                {
                    x[j] = (row[j] - mean[j]) * scale[j];
                }

                var max = double.NegativeInfinity;
                for (var k = 0; k < classes; k++)
                {
                    var o = k * (d + 1);
                    var s = theta[o + d];
                    for (var j = 0; j < d; j++)
                    {
                        s += theta[o + j] * x[j];
                    }

                    logits[k] = s;
                    max = Math.Max(max, s);
                }

                var sum = 0.0;
                for (var k = 0; k < classes; k++)
                {
                    logits[k] = Math.Exp(logits[k] - max);
                    sum += logits[k];
                }

                var w = sampleWeight[labels[i]] / totalWeight;
                for (var k = 0; k < classes; k++)
                {
                    var delta = w * ((logits[k] / sum) - (k == labels[i] ? 1 : 0));
                    var o = k * (d + 1);
                    for (var j = 0; j < d; j++)
                    {
                        grad[o + j] += delta * x[j];
                    }

                    grad[o + d] += delta;
                }
            }

            for (var k = 0; k < classes; k++)
            {
                var o = k * (d + 1);
                for (var j = 0; j < d; j++)
                {
                    grad[o + j] += l2 * theta[o + j];
                }
            }

            var c1 = 1 - Math.Pow(beta1, step);
            var c2 = 1 - Math.Pow(beta2, step);
            for (var q = 0; q < p; q++)
            {
                m1[q] = (beta1 * m1[q]) + ((1 - beta1) * grad[q]);
                m2[q] = (beta2 * m2[q]) + ((1 - beta2) * grad[q] * grad[q]);
                theta[q] -= lr * (m1[q] / c1) / (Math.Sqrt(m2[q] / c2) + eps);
            }

            progress?.Invoke(step);
        }

        // Fold the standardisation into the layer: W' = W·diag(scale), b' = b − W'·mean.
        var weights = new float[classes * d];
        var bias = new float[classes];
        for (var k = 0; k < classes; k++)
        {
            var o = k * (d + 1);
            var b = theta[o + d];
            for (var j = 0; j < d; j++)
            {
                var wj = theta[o + j] * scale[j];
                weights[(k * d) + j] = (float)wj;
                b -= wj * mean[j];
            }

            bias[k] = (float)b;
        }

        return new SoftmaxHead(classes, d, weights, bias);
    }

    private static (double[] Mean, double[] Scale) Standardisation(float[] features, int n, int d)
    {
        var mean = new double[d];
        var sq = new double[d];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                double v = features[(i * d) + j];
                mean[j] += v;
                sq[j] += v * v;
            }
        }

        var scale = new double[d];
        for (var j = 0; j < d; j++)
        {
            mean[j] /= n;
            var variance = Math.Max((sq[j] / n) - (mean[j] * mean[j]), 0);
            scale[j] = variance > 1e-12 ? 1 / Math.Sqrt(variance) : 0;
        }

        return (mean, scale);
    }
}
