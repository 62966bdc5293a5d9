using DeepStreamNet.Datasets.Kitti;
using DeepStreamNet.Training.Calibration;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NUnit.Framework;

namespace DeepStreamNet.Training.Tests;

/// <summary>The box calibration: the fit recovers a known correction; baked into UltraFace it changes exactly the boxes.</summary>
[TestFixture]
public sealed class BoxCalibrationTests
{
    [Test]
    public void FitRecoversAKnownCorrectionDespiteAFewBadPairs()
    {
        var truth = new BoxCalibration(0.05, 0.12, -0.04, 0.08);
        var random = new Random(3);
        var pairs = new List<(Box, Box)>();
        for (var i = 0; i < 200; i++)
        {
            var d = Box.FromXywh(random.Next(0, 500), random.Next(0, 300), random.Next(12, 120), random.Next(12, 140));
            pairs.Add((d, i % 20 == 0 ? d : truth.Apply(d))); // 5 % unmatched-looking outliers
        }

        var fitted = BoxCalibration.Fit(pairs);
        Assert.That(fitted.Left, Is.EqualTo(truth.Left).Within(1e-9));
        Assert.That(fitted.Top, Is.EqualTo(truth.Top).Within(1e-9));
        Assert.That(fitted.Right, Is.EqualTo(truth.Right).Within(1e-9));
        Assert.That(fitted.Bottom, Is.EqualTo(truth.Bottom).Within(1e-9));
        Assert.That(() => BoxCalibration.Fit([]), Throws.TypeOf<InvalidDataException>());
    }

    [Test]
    public void BakedIntoUltraFaceTheBoxOutputIsCorrectedAndTheScoresUnchanged()
    {
        var calibration = new BoxCalibration(0.05, 0.12, -0.04, 0.08);
        var path = Path.Combine(Path.GetTempPath(), $"dsnet-calibrated-{Guid.NewGuid():N}.onnx");
        try
        {
            BoxCalibrationGraph.Write(SharedData.UltraFace, "boxes", calibration, path);
            var input = new DenseTensor<float>([1, 3, 480, 640]);
            var random = new Random(5);
            for (var i = 0; i < input.Length; i++)
            {
                input.Buffer.Span[i] = (float)((random.NextDouble() * 2) - 1);
            }

            var (scores, boxes) = Run(SharedData.UltraFace, input);
            var (scores2, boxes2) = Run(path, input);
            Assert.That(scores2, Is.EqualTo(scores));
            Assert.That(boxes2, Has.Length.EqualTo(boxes.Length));
            for (var i = 0; i < boxes.Length; i += 4)
            {
                var expected = calibration.Apply(new Box(boxes[i], boxes[i + 1], boxes[i + 2], boxes[i + 3]));
                Assert.That(boxes2[i], Is.EqualTo(expected.Left).Within(1e-5));
                Assert.That(boxes2[i + 1], Is.EqualTo(expected.Top).Within(1e-5));
                Assert.That(boxes2[i + 2], Is.EqualTo(expected.Right).Within(1e-5));
                Assert.That(boxes2[i + 3], Is.EqualTo(expected.Bottom).Within(1e-5));
            }

            Assert.That(() => BoxCalibrationGraph.Write(SharedData.UltraFace, "nope", calibration, path),
                Throws.TypeOf<InvalidDataException>().With.Message.Contains("no output 'nope'"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (float[] Scores, float[] Boxes) Run(string model, DenseTensor<float> input)
    {
        using var session = new InferenceSession(model);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("input", input)]);
        return (results.First(r => r.Name == "scores").AsTensor<float>().ToArray(), results.First(r => r.Name == "boxes").AsTensor<float>().ToArray());
    }
}
