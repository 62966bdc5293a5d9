namespace DeepStreamNet.Training.Classifier;

/// <summary>
/// A linear layer + softmax over backbone features: <c>p = softmax(W·x + b)</c>, <c>W</c> is classes × features
/// (row-major). Input standardisation used while training is already folded into <c>W</c> and <c>b</c>.
/// </summary>
public sealed class SoftmaxHead
{
    public SoftmaxHead(int classes, int features, float[] weights, float[] bias)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bias);
        if (weights.Length != classes * features || bias.Length != classes)
        {
            throw new ArgumentException($"expected {classes}×{features} weights and {classes} biases");
        }

        Classes = classes;
        Features = features;
        Weights = weights;
        Bias = bias;
    }

    public int Classes { get; }

    public int Features { get; }

    public float[] Weights { get; }

    public float[] Bias { get; }

    /// <summary>Class probabilities of one feature vector.</summary>
    public float[] Predict(ReadOnlySpan<float> x)
    {
        var logits = new double[Classes];
        for (var k = 0; k < Classes; k++)
        {
            double s = Bias[k];
            var w = Weights.AsSpan(k * Features, Features);
            for (var j = 0; j < Features; j++)
            {
                s += w[j] * x[j];
            }

            logits[k] = s;
        }

        var max = logits.Max();
        var sum = 0.0;
        for (var k = 0; k < Classes; k++)
        {
            logits[k] = Math.Exp(logits[k] - max);
            sum += logits[k];
        }

        return [.. logits.Select(v => (float)(v / sum))];
    }

    /// <summary>Index of the most probable class.</summary>
    public int Classify(ReadOnlySpan<float> x)
    {
        var p = Predict(x);
        return Array.IndexOf(p, p.Max());
    }
}
