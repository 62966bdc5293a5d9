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

    [TestCase("yunet")]
    [TestCase("retinaface")]
    public void BakedIntoACentreLogSizeDetectorTheDecodedBoxesAreCorrected(string name)
    {
        // The parser's own decoding (native/parsers/face_detectors.cpp) of one anchor of unit size at the origin:
        // cx = α·dx, w = exp(β·dw); the calibrated model must decode to the calibrated corners, other columns unchanged.
        var encoding = BoxEncoding.Parse(name, "unused");
        var (model, inputName, dims) = name == "yunet" ? (SharedData.YuNet, "input", new[] { 1, 3, 640, 640 }) : (SharedData.RetinaFace, "input0", new[] { 1, 3, 640, 640 });
        var calibration = new BoxCalibration(0.05, 0.12, -0.04, 0.08);
        var path = Path.Combine(Path.GetTempPath(), $"dsnet-calibrated-{Guid.NewGuid():N}.onnx");
        try
        {
            BoxCalibrationGraph.Write(model, encoding, calibration, path);
            var input = new DenseTensor<float>(dims);
            var random = new Random(7);
            for (var i = 0; i < input.Length; i++)
            {
                input.Buffer.Span[i] = (float)(random.NextDouble() * 255);
            }

            var before = RunAll(model, inputName, input);
            var after = RunAll(path, inputName, input);
            Assert.That(after.Keys, Is.EquivalentTo(before.Keys));
            foreach (var (output, raw) in before)
            {
                var fixedUp = after[output];
                Assert.That(fixedUp, Has.Length.EqualTo(raw.Length));
                if (!encoding.Outputs.Contains(output))
                {
                    Assert.That(fixedUp, Is.EqualTo(raw), output);
                    continue;
                }

                var k = name == "yunet" ? 4 : 16;
                for (var i = 0; i < raw.Length; i += k)
                {
                    var expected = calibration.Apply(Decode(raw.AsSpan(i), encoding));
                    var got = Decode(fixedUp.AsSpan(i), encoding);
                    Assert.That(got.Left, Is.EqualTo(expected.Left).Within(1e-3 * Math.Max(1, expected.Width)), $"{output}[{i / k}]");
                    Assert.That(got.Top, Is.EqualTo(expected.Top).Within(1e-3 * Math.Max(1, expected.Height)), $"{output}[{i / k}]");
                    Assert.That(got.Right, Is.EqualTo(expected.Right).Within(1e-3 * Math.Max(1, expected.Width)), $"{output}[{i / k}]");
                    Assert.That(got.Bottom, Is.EqualTo(expected.Bottom).Within(1e-3 * Math.Max(1, expected.Height)), $"{output}[{i / k}]");
                    for (var j = 4; j < k; j++)
                    {
                        Assert.That(fixedUp[i + j], Is.EqualTo(raw[i + j]), $"{output}[{i / k}] column {j}");
                    }
                }
            }

            Assert.That(() => BoxCalibrationGraph.Write(SharedData.UltraFace, encoding, calibration, path),
                Throws.TypeOf<InvalidDataException>().With.Message.Contains($"box encoding {name}"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Box Decode(ReadOnlySpan<float> v, BoxEncoding e)
    {
        double cx = e.OffsetScale * v[0], cy = e.OffsetScale * v[1], w = Math.Exp(e.SizeScale * v[2]), h = Math.Exp(e.SizeScale * v[3]);
        return new Box(cx - (w / 2), cy - (h / 2), cx + (w / 2), cy + (h / 2));
    }

    private static Dictionary<string, float[]> RunAll(string model, string inputName, DenseTensor<float> input)
    {
        using var session = new InferenceSession(model);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(inputName, input)]);
        return results.ToDictionary(r => r.Name, r => r.AsTensor<float>().ToArray());
    }

    private static (float[] Scores, float[] Boxes) Run(string model, DenseTensor<float> input)
    {
        using var session = new InferenceSession(model);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("input", input)]);
        return (results.First(r => r.Name == "scores").AsTensor<float>().ToArray(), results.First(r => r.Name == "boxes").AsTensor<float>().ToArray());
    }
}
