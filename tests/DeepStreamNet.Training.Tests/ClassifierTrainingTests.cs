using DeepStreamNet.Datasets.Imaging;
using DeepStreamNet.Datasets.Sources;
using DeepStreamNet.Training.Classifier;
using DeepStreamNet.Onnx;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NUnit.Framework;

namespace DeepStreamNet.Training.Tests;

/// <summary>
/// <c>dsnet train classifier</c> on a small part of the real Kaggle training split (small input, few faces) so it
/// runs in seconds: the written ONNX file loads in ONNX Runtime and classifies real dev-split face crops.
/// The full training is a documented command (README), not a test.
/// </summary>
[TestFixture]
public sealed class ClassifierTrainingTests
{
    private string _tmp = null!;

    [SetUp]
    public void MakeTemp()
    {
        _tmp = Path.Combine(Path.GetTempPath(), "dsnet-train-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_tmp);
    }

    [TearDown]
    public void RemoveTemp() => Directory.Delete(_tmp, recursive: true);

    private ClassifierTrainingOptions Quick(string outDir, int perClass = 40, int seed = 15) => new()
    {
        TrainDirectories = [SharedData.TrainSet],
        OutputDirectory = Path.Combine(_tmp, outDir),
        MaxFacesPerClass = perClass,
        InputSize = 64,
        AugmentedCopies = 1,
        Epochs = 150,
        Margin = 0.1,
        Seed = seed,
        Threads = 2,
    };

    [Test]
    public void QuickTrainingWritesOneOnnxModelThatClassifiesRealFaceCrops()
    {
        var progress = new List<TrainingProgress>();
        var result = ClassifierTrainer.Run(Quick("quick"), new SynchronousProgress(progress.Add));

        Assert.That(result.TrainingFaces, Is.EqualTo(80));
        Assert.That(result.TrainingRows, Is.EqualTo(160), "each face and one augmented copy");
        Assert.That(progress.Any(p => p.Stage.StartsWith("features", StringComparison.Ordinal) && p.Done == p.Total && p.Total == 160), Is.True);
        Assert.That(progress.Any(p => p.Stage == "head epochs" && p.Done == 150), Is.True);
        foreach (var f in new[] { result.ModelPath, result.ConfigPath, result.LabelsPath, result.ParametersPath, result.ReportPath })
        {
            Assert.That(File.Exists(f), Is.True, f);
        }

        Assert.That(File.ReadAllText(result.LabelsPath).Trim(), Is.EqualTo("mask;no-mask"));
        var config = File.ReadAllText(result.ConfigPath);
        Assert.That(config, Does.Contain("network-type=1").And.Contain("process-mode=2").And.Contain("onnx-file=mask_classifier.onnx")
            .And.Contain("infer-dims=3;64;64").And.Contain("model-color-format=1").And.Contain("output-blob-names=prob"));
        Assert.That(File.ReadAllText(result.ParametersPath), Does.Contain("\"seed\": 15").And.Contain("\"inputSize\": 64"));

        // One graph: input [batch,3,64,64] → prob [batch,2]; it classifies dev crops it never saw.
        using var session = new InferenceSession(result.ModelPath);
        Assert.That(session.InputMetadata.Keys, Is.EquivalentTo(new[] { "input" }));
        Assert.That(session.OutputMetadata.Keys, Is.EquivalentTo(new[] { "prob" }));
        var dev = FaceDatasetReader.Read([SharedData.DevSet], ClassMapping.Default, []);
        var sample = dev.Where(f => f.ClassIndex == 0).Take(30).Concat(dev.Where(f => f.ClassIndex == 1).Take(30)).ToList();
        var probabilities = Classify(session, sample, 64);
        var correct = 0;
        for (var i = 0; i < sample.Count; i++)
        {
            Assert.That(probabilities[i][0] + probabilities[i][1], Is.EqualTo(1).Within(1e-4));
            correct += (probabilities[i][1] > probabilities[i][0] ? 1 : 0) == sample[i].ClassIndex ? 1 : 0;
        }

        TestContext.Out.WriteLine($"quick model: {correct}/{sample.Count} dev crops right");
        Assert.That(correct / (double)sample.Count, Is.GreaterThanOrEqualTo(0.75));
    }

    [Test]
    public void SameSeedGivesTheSameModelAndAnotherSeedAnother()
    {
        var a = ClassifierTrainer.Run(Quick("a", perClass: 8) with { InputSize = 32 });
        var b = ClassifierTrainer.Run(Quick("b", perClass: 8) with { InputSize = 32 });
        var c = ClassifierTrainer.Run(Quick("c", perClass: 8, seed: 16) with { InputSize = 32 });

        Assert.That(File.ReadAllBytes(b.ModelPath), Is.EqualTo(File.ReadAllBytes(a.ModelPath)));
        // Another seed draws other augmentations, so the head's weights differ (not only the recorded seed).
        Assert.That(HeadWeights(c.ModelPath), Is.Not.EqualTo(HeadWeights(a.ModelPath)));
        Assert.That(HeadWeights(a.ModelPath), Has.Length.EqualTo(2 * 512));
    }

    [Test]
    public void ClassMapCountsIncorrectlyWornMasks()
    {
        var problems = new List<string>();
        var byDefault = FaceDatasetReader.Read([SharedData.TrainSet], ClassMapping.Default, problems);
        var mapped = FaceDatasetReader.Read([SharedData.TrainSet], ClassMapping.Parse("mask_weared_incorrect=no-mask"), problems);

        Assert.That(byDefault.Count(f => f.ClassIndex == 0), Is.EqualTo(2411));
        Assert.That(byDefault.Count(f => f.ClassIndex == 1), Is.EqualTo(503));
        Assert.That(mapped.Count(f => f.ClassIndex == 1), Is.EqualTo(503 + 89));
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void MissingClassOrFolderGivesAClearError()
    {
        var noMask = Quick("x") with { ClassMap = "without_mask=ignore" };
        Assert.That(() => ClassifierTrainer.Run(noMask), Throws.TypeOf<InvalidDataException>().With.Message.Contains("no 'no-mask' faces"));

        var missing = Quick("y") with { TrainDirectories = [Path.Combine(_tmp, "nowhere")] };
        Assert.That(() => ClassifierTrainer.Run(missing), Throws.TypeOf<DirectoryNotFoundException>().With.Message.Contains("nowhere"));

        var noBackbone = Quick("z") with { BackboneDirectory = _tmp };
        Assert.That(() => ClassifierTrainer.Run(noBackbone), Throws.TypeOf<InvalidDataException>().With.Message.Contains("ResNet18.onnx"));
    }

    private static float[] HeadWeights(string model) =>
        OnnxModel.FloatData(OnnxModel.Load(model).Graph.Initializer.Single(t => t.Name == "dsnet_head_weight"));

    private static float[][] Classify(InferenceSession session, List<FaceSample> faces, int size)
    {
        var input = new DenseTensor<float>([faces.Count, 3, size, size]);
        var plane = 3 * size * size;
        for (var i = 0; i < faces.Count; i++)
        {
            using var image = ImageIo.LoadOpaque(faces[i].ImagePath);
            var box = CropRenderer.WithMargin(faces[i].Box, 0.1, image.Width, image.Height);
            CropRenderer.Render(image, box, size, CropAugmentation.None, new Random(1), input.Buffer.Span.Slice(i * plane, plane));
        }

        using var results = session.Run([NamedOnnxValue.CreateFromTensor("input", input)]);
        var output = results[0].AsTensor<float>();
        return [.. Enumerable.Range(0, faces.Count).Select(i => new[] { output[i, 0], output[i, 1] })];
    }

    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
