using DeepStreamNet.Datasets.Evaluation;
using DeepStreamNet.InferImages;
using DeepStreamNet.Tests.Probes;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Inference;

/// <summary>
/// The face-mask cascade (UltraFace face detector → mask classifier trained by <c>dsnet train classifier</c> on the
/// Kaggle training split, which <c>./setup.sh</c> does) through <c>dsnet infer-images</c> on the 107 Kaggle dev
/// images: the classifier's label becomes the KITTI class, and the accuracy is measured as the README reports it.
/// </summary>
[TestFixture]
public sealed class CascadeAccuracyTests
{
    private string _tmp = null!;

    [OneTimeSetUp]
    public void Init() => ProbeTestEnv.Init();

    [SetUp]
    public void MakeTemp()
    {
        _tmp = Path.Combine(Path.GetTempPath(), "dsnet-cascade-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_tmp);
    }

    [TearDown]
    public void RemoveTemp() => Directory.Delete(_tmp, recursive: true);

    [Test]
    [Category("Slow")]
    public void KaggleDevCascadeAccuracyMeetsTheTarget()
    {
        var model = Path.Combine(TestPaths.RepositoryRoot, "assets", "models", "mask-classifier", "mask_classifier.onnx");
        Assert.That(File.Exists(model), Is.True, $"{model} is missing: ./setup.sh trains it (dsnet train classifier)");
        var dataset = Path.Combine(TestPaths.Shared, "datasets", "kaggle-facemask-dev");
        var summary = ImageInference.Run(new InferImagesOptions
        {
            // The checkout's own config: it reads the classifier setup.sh trained into the checkout's assets/.
            AppConfigPath = Path.Combine(TestPaths.RepositoryRoot, "configs", "face-mask", "portable", "deepstream_app_file_cascade.txt"),
            ImagesDirectory = Path.Combine(dataset, "images"),
            OutputDirectory = Path.Combine(_tmp, "pred"),
            DetectorThreshold = 0.05f,
            ScoreThreshold = 0.05f,
        });
        Assert.That(summary.Written, Is.EqualTo(107), string.Join(Environment.NewLine, summary.Problems));

        var result = Evaluator.Evaluate(Path.Combine(_tmp, "pred"), dataset, new EvaluationOptions { GroundTruthFormat = GroundTruthFormat.Voc, ScoreThreshold = 0.5 });
        TestContext.Out.WriteLine(result.ToText());
        Assert.That(result.Face!.AveragePrecision, Is.GreaterThanOrEqualTo(0.77));
        Assert.That(result.ClassificationAccuracy, Is.GreaterThanOrEqualTo(0.92));
    }
}
