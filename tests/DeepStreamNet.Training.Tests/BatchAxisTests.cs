using DeepStreamNet.Config;
using DeepStreamNet.Datasets.Imaging;
using DeepStreamNet.Onnx;
using DeepStreamNet.Training.Quantization;
using Microsoft.ML.OnnxRuntime;
using NUnit.Framework;

namespace DeepStreamNet.Training.Tests;

/// <summary>
/// The batch-axis edit on UltraFace RFB-640 (MIT; trained on the non-commercial WIDER FACE and MAFA): one ONNX Runtime
/// call over a batch of real frames gives each frame exactly what the batch-1 model gives it alone.
/// </summary>
[TestFixture]
public sealed class BatchAxisTests
{
    [Test]
    public void OneBatchedRunGivesEachFrameItsBatchOneResult()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"dsnet-batch-{Guid.NewGuid():N}");
        try
        {
            var config = Path.Combine(dir, "config_infer_ultraface.txt");
            Directory.CreateDirectory(dir);
            File.WriteAllText(config, $"[property]\nonnx-file={SharedData.UltraFace}\nnet-scale-factor=0.0078125\noffsets=127;127;127\ninfer-dims=3;480;640\nbatch-size=1\n");
            var infer = NvInferConfig.Load(config, new ValidationReport())!;
            Assert.That(BatchedModel.Prepare(infer, 1, dir), Is.Null, "batch 1 keeps the original");
            var derived = BatchedModel.Prepare(infer, 3, dir);
            Assert.That(derived, Is.Not.Null);
            var batched = NvInferConfig.Load(derived!, new ValidationReport())!;
            Assert.That(batched.BatchSize, Is.EqualTo(3));
            var written = File.GetLastWriteTimeUtc(batched.OnnxFile!);
            Assert.That(BatchedModel.Prepare(infer, 3, dir), Is.EqualTo(derived), "the cached copy is reused");
            Assert.That(File.GetLastWriteTimeUtc(batched.OnnxFile!), Is.EqualTo(written));

            var input = NetworkInput.FromConfig(infer);
            var images = Quantization.ModelQuantizer.PickImages(Path.Combine(SharedData.DevSet, "images"), 3);
            var tensor = new float[input.Size * images.Count];
            for (var i = 0; i < images.Count; i++)
            {
                using var image = ImageIo.LoadOpaque(images[i]);
                input.Render(image, tensor.AsSpan(i * input.Size, input.Size));
            }

            using var single = new InferenceSession(SharedData.UltraFace);
            using var many = new InferenceSession(batched.OnnxFile!);
            var (scores, boxes) = Run(many, tensor, images.Count);
            Assert.That(scores.Length, Is.EqualTo(images.Count * 17640 * 3));
            for (var i = 0; i < images.Count; i++)
            {
                var (s1, b1) = Run(single, tensor[(i * input.Size)..((i + 1) * input.Size)], 1);
                Assert.That(scores.AsSpan(i * s1.Length, s1.Length).ToArray(), Is.EqualTo(s1).Within(1e-5f), $"scores of frame {i}");
                Assert.That(boxes.AsSpan(i * b1.Length, b1.Length).ToArray(), Is.EqualTo(b1).Within(1e-5f), $"boxes of frame {i}");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static (float[] Scores, float[] Boxes) Run(InferenceSession session, float[] tensor, int batch)
    {
        using var value = OrtValue.CreateTensorValueFromMemory(tensor, [batch, 3, 480, 640]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["input"], [value], ["scores", "boxes"]);
        return (outputs[0].GetTensorDataAsSpan<float>().ToArray(), outputs[1].GetTensorDataAsSpan<float>().ToArray());
    }
}
