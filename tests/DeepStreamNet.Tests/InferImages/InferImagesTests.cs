using DeepStreamNet.Datasets.Evaluation;
using DeepStreamNet.InferImages;
using DeepStreamNet.Tests.Probes;
using NUnit.Framework;

namespace DeepStreamNet.Tests.InferImages;

/// <summary><c>dsnet infer-images</c> on real images (PNG 8/16-bit, JPEG, a broken file) and the measured accuracy.</summary>
[TestFixture]
public sealed class InferImagesTests
{
    private string _tmp = null!;

    [OneTimeSetUp]
    public void Init() => ProbeTestEnv.Init();

    [SetUp]
    public void MakeTemp()
    {
        _tmp = Path.Combine(Path.GetTempPath(), "dsnet-infer-images-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_tmp);
    }

    [TearDown]
    public void RemoveTemp() => Directory.Delete(_tmp, recursive: true);

    private static string AppConfig => Path.Combine(ProbeTestEnv.PortableConfigDir, "deepstream_app_file_masknet.txt");

    [Test]
    public void WritesKittiPerImageForPngJpegAnd16BitAndSkipsBrokenFiles()
    {
        var images = Directory.CreateDirectory(Path.Combine(_tmp, "images")).FullName;
        File.Copy(ProbeTestEnv.FaceImage, Path.Combine(images, "a-rgba8.png"));
        Encode(ProbeTestEnv.FaceImage, "jpegenc quality=95", Path.Combine(images, "b.jpg"));
        Encode(ProbeTestEnv.FaceImage, "videoconvert ! video/x-raw,format=GRAY16_BE ! pngenc", Path.Combine(images, "c-gray16.png"));
        File.WriteAllBytes(Path.Combine(images, "d-broken.png"), [0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4, 5]);
        File.WriteAllText(Path.Combine(images, "notes.txt"), "not an image");
        var log = new StringWriter();

        var summary = ImageInference.Run(new InferImagesOptions
        {
            AppConfigPath = AppConfig,
            ImagesDirectory = images,
            OutputDirectory = Path.Combine(_tmp, "out"),
            Log = log,
        });

        Assert.That(summary.Images, Is.EqualTo(4));
        Assert.That(summary.Written, Is.EqualTo(3));
        Assert.That(summary.Skipped, Is.EqualTo(1));
        Assert.That(summary.Pipelines, Is.EqualTo(1), "same size: one pipeline reused");
        Assert.That(log.ToString(), Does.Contain("d-broken.png"));
        Assert.That(File.Exists(Path.Combine(_tmp, "out", "d-broken.txt")), Is.False);

        var png = ReadKitti(Path.Combine(_tmp, "out", "a-rgba8.txt"));
        var jpg = ReadKitti(Path.Combine(_tmp, "out", "b.txt"));
        var gray = ReadKitti(Path.Combine(_tmp, "out", "c-gray16.txt"));
        Assert.That(png, Has.Count.InRange(2, 4));
        foreach (var l in png)
        {
            Assert.That(l.Fields, Has.Length.EqualTo(16));
            Assert.That(l.Fields[0], Is.AnyOf("mask", "no-mask"));
            Assert.That(l.Box[0], Is.InRange(0, 512));
            Assert.That(l.Box[2], Is.InRange(l.Box[0], 512));
            Assert.That(l.Box[3], Is.InRange(l.Box[1], 366));
            Assert.That(l.Score, Is.InRange(0.5, 1));
        }

        // The JPEG of the same picture finds the same faces at about the same places (image coordinates, no rescale).
        Assert.That(jpg, Has.Count.EqualTo(png.Count));
        foreach (var p in png)
        {
            Assert.That(jpg.Any(j => Math.Abs(j.Box[0] - p.Box[0]) < 6 && Math.Abs(j.Box[1] - p.Box[1]) < 6), Is.True);
        }

        Assert.That(gray, Is.Not.Empty, "a 16-bit grey PNG decodes and runs");
    }

    [Test]
    public void HugePngIsRefusedFromItsHeaderAndTheOtherImagesRunWithProgress()
    {
        var images = Directory.CreateDirectory(Path.Combine(_tmp, "images")).FullName;
        File.Copy(ProbeTestEnv.FaceImage, Path.Combine(images, "a.png"));
        DeepStreamNet.Datasets.Tests.TestImages.WriteBlackPng(Path.Combine(images, "b-huge.png"), 25000, 25000);
        File.WriteAllBytes(Path.Combine(images, "c-huge-renamed.jpg"), File.ReadAllBytes(Path.Combine(images, "b-huge.png")));
        var log = new StringWriter();
        var reports = new List<(string Stage, int Done, int Total)>();

        var summary = ImageInference.Run(new InferImagesOptions
        {
            AppConfigPath = AppConfig,
            ImagesDirectory = images,
            OutputDirectory = Path.Combine(_tmp, "out"),
            Log = log,
            Progress = new SyncProgress(reports.Add),
        });

        Assert.That((summary.Written, summary.Skipped), Is.EqualTo((1, 2)));
        Assert.That(log.ToString(), Does.Contain("b-huge.png: picture is 25000x25000").And.Contain("c-huge-renamed.jpg: picture is 25000x25000"));
        Assert.That(File.Exists(Path.Combine(_tmp, "out", "a.txt")), Is.True);
        Assert.That(reports, Is.EqualTo(new[] { ("images", 1, 3), ("images", 2, 3), ("images", 3, 3) }));
    }

    [TestCase(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC2, 0, 11, 8, 0x01, 0x2C, 0x02, 0x58, 3 }, 600, 300)]
    [TestCase(new byte[] { 0xFF, 0xD8, 0xFF, 0xFF, 0xC0, 0, 11, 8, 0x75, 0x30, 0x75, 0x30, 3 }, 30000, 30000)]
    public void JpegFrameHeaderGivesTheSize(byte[] bytes, int width, int height) =>
        Assert.That(ImageHeader.ReadSize(new MemoryStream(bytes)), Is.EqualTo((width, height)));

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class SyncProgress(Action<(string, int, int)> report) : IProgress<(string Stage, int Done, int Total)>
    {
        public void Report((string Stage, int Done, int Total) value) => report(value);
    }

    [Test]
    public void BadConfigNamesTheProblem()
    {
        var cfg = Path.Combine(_tmp, "app.txt");
        File.WriteAllText(cfg, "[application]\nenable-perf-measurement=1\n");
        var e = Assert.Throws<InvalidDataException>(() => ImageInference.Run(new InferImagesOptions
        {
            AppConfigPath = cfg,
            ImagesDirectory = _tmp,
            OutputDirectory = Path.Combine(_tmp, "out"),
        }));
        Assert.That(e!.Message, Does.Contain("primary-gie").And.Contain(cfg));
    }

    [Test]
    public void DetectorThresholdOverrideKeepsPathsAndSetsEveryClass()
    {
        var copy = DetectorThresholdOverride.Write(Path.Combine(ProbeTestEnv.PortableConfigDir, "config_infer_primary_ultraface.txt"), 0.05f, _tmp);
        var text = File.ReadAllText(copy);
        Assert.That(text, Does.Contain("pre-cluster-threshold=0.05"));
        Assert.That(text, Does.Not.Contain("pre-cluster-threshold=0.5\n"));
        var onnx = text.Split('\n').Single(l => l.StartsWith("onnx-file=", StringComparison.Ordinal))["onnx-file=".Length..];
        Assert.That(Path.IsPathRooted(onnx) && File.Exists(onnx), Is.True, onnx);
        // the bare parser-library name stays bare: dsnetinfer finds it next to its plugin
        Assert.That(text, Does.Contain("custom-lib-path=libdsnet_parsers.so"));
    }

    /// <summary>
    /// The recorded accuracy: UltraFace RFB-640 masked-face (MIT; trained on WIDER FACE + MAFA, non-commercial data)
    /// through the portable app config on the 107 Kaggle dev images: class-agnostic face AP@0.5 and mask/no-mask accuracy
    /// of matched faces at score ≥ 0.5. Detector at pre-cluster-threshold 0.05 so AP covers the whole PR curve.
    /// </summary>
    [Test]
    [Category("Slow")]
    public void KaggleDevAccuracyMeetsTheTarget()
    {
        var dataset = Path.Combine(TestPaths.Shared, "datasets", "kaggle-facemask-dev");
        var summary = ImageInference.Run(new InferImagesOptions
        {
            AppConfigPath = AppConfig,
            ImagesDirectory = Path.Combine(dataset, "images"),
            OutputDirectory = Path.Combine(_tmp, "pred"),
            DetectorThreshold = 0.05f,
            ScoreThreshold = 0.05f,
        });
        Assert.That(summary.Written, Is.EqualTo(107), string.Join(Environment.NewLine, summary.Problems));

        var result = Evaluator.Evaluate(Path.Combine(_tmp, "pred"), dataset, new EvaluationOptions { GroundTruthFormat = GroundTruthFormat.Voc, ScoreThreshold = 0.5 });
        TestContext.Out.WriteLine(result.ToText());
        Assert.That(result.Face, Is.Not.Null);
        Assert.That(result.Face!.AveragePrecision, Is.GreaterThanOrEqualTo(0.78));
        Assert.That(result.ClassificationAccuracy, Is.GreaterThanOrEqualTo(0.90));
    }

    private static void Encode(string png, string encoder, string output)
    {
        using var p = new LaunchedPipeline($"filesrc location=\"{png}\" ! pngdec ! videoconvert ! {encoder} ! filesink location=\"{output}\"");
        p.RunToEnd(TimeSpan.FromSeconds(30));
    }

    private sealed record KittiLine(string[] Fields, double[] Box, double Score);

    private static List<KittiLine> ReadKitti(string path) =>
        File.ReadAllLines(path).Where(l => l.Length > 0).Select(l =>
        {
            var f = l.Split(' ');
            var n = f.Select(x => double.TryParse(x, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
            return new KittiLine(f, [n[4], n[5], n[6], n[7]], n[15]);
        }).ToList();
}
