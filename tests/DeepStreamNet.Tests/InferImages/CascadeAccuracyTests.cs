using DeepStreamNet.Datasets.Evaluation;
using DeepStreamNet.InferImages;
using DeepStreamNet.Tests.Probes;
using NUnit.Framework;

namespace DeepStreamNet.Tests.InferImages;

/// <summary>
/// The face-mask cascade (YuNet-n face detector with the box calibration fitted on the training split → mask classifier
/// trained by <c>dsnet train classifier</c> on the Kaggle training split; <c>./setup.sh</c> writes both) through
/// <c>dsnet infer-images --scale-to-muxer</c> on the 107 Kaggle dev images: the classifier's label becomes the KITTI
/// class, and face AP and accuracy are measured as src/DeepStreamNet.Training/README.md reports them.
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
            ScaleToMuxer = true,
        });
        Assert.That(summary.Written, Is.EqualTo(107), string.Join(Environment.NewLine, summary.Problems));

        var result = Evaluator.Evaluate(Path.Combine(_tmp, "pred"), dataset, new EvaluationOptions { GroundTruthFormat = GroundTruthFormat.Voc, ScoreThreshold = 0.5 });
        TestContext.Out.WriteLine(result.ToText());
        // measured 0.871 and 0.961 (421/438) with YuNet at 640x384: src/DeepStreamNet.Training/README.md, "Measured"
        Assert.That(result.Face!.AveragePrecision, Is.GreaterThanOrEqualTo(0.85));
        Assert.That(result.ClassificationAccuracy, Is.GreaterThanOrEqualTo(0.94));
    }

    [Test]
    public void ScaleToMuxerFitsEachImageIntoTheMuxerFrameKeepingItsAspectRatio()
    {
        var config = Path.Combine(TestPaths.RepositoryRoot, "configs", "face-mask", "portable", "deepstream_app_file_cascade.txt");
        var chain = InferenceChain.FromAppConfig(config, scaleToMuxer: true);
        Assert.That(chain.MuxerFrame(400, 225), Is.EqualTo((1280, 720)));
        Assert.That(chain.MuxerFrame(301, 400), Is.EqualTo((542, 720)));
        Assert.That(chain.MuxerFrame(512, 366), Is.EqualTo((1007, 720)));
        Assert.That(InferenceChain.FromAppConfig(config).MuxerFrame(301, 400), Is.EqualTo((301, 400)), "without the option: the image's own size");
    }
}
