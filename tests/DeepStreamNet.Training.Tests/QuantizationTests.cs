using DeepStreamNet.Config;
using DeepStreamNet.Datasets.Imaging;
using DeepStreamNet.Onnx;
using DeepStreamNet.Training.Quantization;
using Microsoft.ML.OnnxRuntime;
using NUnit.Framework;

namespace DeepStreamNet.Training.Tests;

/// <summary>
/// <c>dsnet quantize</c> on the UltraFace RFB-640 detector (MIT; trained on the non-commercial WIDER FACE and MAFA),
/// calibrated on a few Kaggle training images: the QDQ model runs in ONNX Runtime on integer kernels, its detections on
/// dev images stay close to FP32's, and the TensorRT cache and the nvinfer configs read back.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class QuantizationTests
{
    private string _dir = null!;
    private QuantizationResult _result = null!;
    private NetworkInput _input = null!;

    [OneTimeSetUp]
    public void QuantizeOnce()
    {
        _dir = Path.Combine(Path.GetTempPath(), $"dsnet-quantize-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dir);
        var config = Path.Combine(_dir, "config_infer_ultraface.txt");
        File.WriteAllText(config, $"""
            [property]
            onnx-file={SharedData.UltraFace}
            net-scale-factor=0.0078125
            offsets=127;127;127
            model-color-format=0
            infer-dims=3;480;640
            batch-size=1
            network-type=0
            num-detected-classes=2
            output-blob-names=scores;boxes
            labelfile-path=labels.txt
            custom-lib-path=libdsnet_parsers.so
            parse-bbox-func-name=NvDsInferParseUltraFaceMask
            """);
        File.WriteAllText(Path.Combine(_dir, "labels.txt"), "mask;no-mask\n");
        _result = ModelQuantizer.Run(new QuantizationOptions
        {
            InferConfigPath = config,
            CalibrationDirectory = Path.Combine(SharedData.TrainSet, "images"),
            OutputDirectory = Path.Combine(_dir, "out"),
            Method = CalibrationMethod.Percentile,
            MaxImages = 8,
            SpeedSeconds = 0,
        });
        var report = new ValidationReport();
        _input = NetworkInput.FromConfig(NvInferConfig.Load(config, report)!);
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void TheQdqModelRunsOnOnnxRuntimeIntegerKernels()
    {
        Assert.That(_result.QuantizedConvs, Is.GreaterThan(30), "UltraFace RFB has about 40 convolutions");
        Assert.That(_result.CalibrationImages, Is.EqualTo(8));
        var optimized = Path.Combine(_dir, "optimized.onnx");
        using (var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_EXTENDED, OptimizedModelFilePath = optimized })
        using (var session = new InferenceSession(_result.QdqModelPath, options))
        {
            Assert.That(session.InputNames, Is.EqualTo(new[] { "input" }));
        }

        var ops = OnnxModel.Load(optimized).Graph.Node.GroupBy(n => n.OpType).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(ops.GetValueOrDefault("QLinearConv"), Is.EqualTo(_result.QuantizedConvs), string.Join(", ", ops.Select(p => $"{p.Key}={p.Value}")));
        Assert.That(ops.GetValueOrDefault("Conv") + ops.GetValueOrDefault("FusedConv"), Is.Zero, "every convolution runs on integers");
    }

    [Test]
    public void DetectionsOnDevImagesStayCloseToFp32()
    {
        using var fp32 = InferenceSpeed.Open(_result.Fp32ModelPath, 0);
        using var int8 = InferenceSpeed.Open(_result.QdqModelPath, 0);
        var images = ModelQuantizer.PickImages(Path.Combine(SharedData.DevSet, "images"), 4);
        var tensor = new float[_input.Size];
        int confident = 0, kept = 0;
        double boxError = 0;
        foreach (var path in images)
        {
            using (var image = ImageIo.LoadOpaque(path))
            {
                _input.Render(image, tensor);
            }

            var (s1, b1) = Run(fp32, tensor);
            var (s2, b2) = Run(int8, tensor);
            for (var a = 0; a < s1.Length / 3; a++)
            {
                var face1 = Math.Max(s1[(a * 3) + 1], s1[(a * 3) + 2]);
                if (face1 < 0.7f)
                {
                    continue;
                }

                confident++;
                var face2 = Math.Max(s2[(a * 3) + 1], s2[(a * 3) + 2]);
                kept += face2 >= 0.5f ? 1 : 0;
                for (var k = 0; k < 4; k++)
                {
                    boxError += Math.Abs(b1[(a * 4) + k] - b2[(a * 4) + k]);
                }
            }
        }

        Assert.That(confident, Is.GreaterThan(20), "the dev images hold faces");
        Assert.That((double)kept / confident, Is.GreaterThan(0.9), "anchors FP32 is sure of stay detections in INT8");
        Assert.That(boxError / (confident * 4), Is.LessThan(0.01), "mean corner error (normalised) of those anchors");
    }

    [Test]
    public void TheTensorRtCacheReadsBackWithAScalePerCalibratedTensor()
    {
        var (version, algorithm, scales) = TensorRtCalibrationCache.Parse(File.ReadAllText(_result.CalibrationCachePath), _result.CalibrationCachePath);
        Assert.That(version, Is.EqualTo(8502));
        Assert.That(algorithm, Is.EqualTo("EntropyCalibration2"));
        Assert.That(scales, Has.Count.EqualTo(_result.CalibratedTensors));
        // The input is (x - 127) / 128 of 0–255 pixels: |x| ≤ 1, so its scale is at most 1/127.
        Assert.That(scales["input"], Is.GreaterThan(0.5f / 127).And.LessThanOrEqualTo(1f / 127 + 1e-6f));
        Assert.That(scales.Keys, Does.Contain("scores").And.Contain("boxes"));
        var firstLine = File.ReadLines(_result.CalibrationCachePath).First();
        Assert.That(firstLine, Is.EqualTo("TRT-8502-EntropyCalibration2"));
        Assert.That(File.ReadLines(_result.CalibrationCachePath).Skip(1), Has.All.Match("^[^:]+: [0-9a-f]{8}$"));
    }

    [Test]
    public void CacheFormatRoundTripsAndRejectsOtherText()
    {
        var scales = new Dictionary<string, float> { ["input"] = 1f / 127, ["Conv_0"] = 0.0208f, ["zero"] = 0f };
        var text = TensorRtCalibrationCache.Format(scales, 8601);
        Assert.That(text, Does.StartWith("TRT-8601-EntropyCalibration2\n"));
        Assert.That(text, Does.Contain("Conv_0: 3caa64c3\n"));
        Assert.That(TensorRtCalibrationCache.Parse(text).Scales, Is.EqualTo(scales));
        Assert.That(() => TensorRtCalibrationCache.Parse("not a cache\n"), Throws.TypeOf<InvalidDataException>().With.Message.Contains(":1:"));
        Assert.That(() => TensorRtCalibrationCache.Parse("TRT-8502-EntropyCalibration2\ninput 3c010204\n"), Throws.TypeOf<InvalidDataException>().With.Message.Contains(":2:"));
    }

    [Test]
    public void TheWrittenNvInferConfigsLoadAndNameTheirModels()
    {
        var report = new ValidationReport();
        var qdq = NvInferConfig.Load(_result.QdqConfigPath, report)!;
        var calibrated = NvInferConfig.Load(_result.CalibratedConfigPath, report)!;
        Assert.That(report.Errors, Is.Empty);
        Assert.That(qdq.NetworkMode, Is.EqualTo(1));
        Assert.That(Path.GetFullPath(qdq.OnnxFile!), Is.EqualTo(_result.QdqModelPath));
        Assert.That(qdq.Int8CalibFile, Is.Null);
        Assert.That(File.Exists(qdq.LabelFilePath), Is.True, "relative paths re-based to the copy's folder");
        Assert.That(calibrated.NetworkMode, Is.EqualTo(1));
        Assert.That(Path.GetFullPath(calibrated.OnnxFile!), Is.EqualTo(Path.GetFullPath(SharedData.UltraFace)));
        Assert.That(Path.GetFullPath(calibrated.Int8CalibFile!), Is.EqualTo(_result.CalibrationCachePath));
    }

    [Test]
    public void PercentileAndEntropyClipOutliersThatMinMaxKeeps()
    {
        var s = new ActivationStatistics();
        var random = new Random(1);
        var values = new float[100_000];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);     // uniform ±1
        }

        values[0] = 40f;                                          // one outlier
        s.ObserveRange(values);
        s.StartHistogram();
        s.ObserveHistogram(values);
        Assert.That(RangeSelection.Choose(s, CalibrationMethod.MinMax, 0).Max, Is.EqualTo(40f));
        Assert.That(RangeSelection.Choose(s, CalibrationMethod.Percentile, 99.9).Max, Is.InRange(0.9f, 1.1f));
        // Entropy searches from 128 of the 2048 bins up (as TensorRT does): here from 2.5, far below the outlier.
        Assert.That(RangeSelection.Choose(s, CalibrationMethod.Entropy, 0).Max, Is.InRange(0.9f, 2.6f));
        Assert.That(RangeSelection.Choose(s, CalibrationMethod.Entropy, 0).Min, Is.InRange(-1f, -0.9f), "the negative side ends at the data's minimum");
    }

    [Test]
    public void AReluRangeQuantizesWithTheLowestZeroPoint()
    {
        Assert.That(QuantParams.ForRange(0f, 6f, signedInt8: false), Is.EqualTo(new QuantParams(6f / 255, 0)));
        Assert.That(QuantParams.ForRange(0f, 6f, signedInt8: true).ZeroPoint, Is.EqualTo(-128));
        Assert.That(QuantParams.ForRange(-1f, 1f, signedInt8: false).ZeroPoint, Is.InRange(127, 128));
        Assert.That(QuantParams.ForRange(2f, 3f, signedInt8: false).ZeroPoint, Is.Zero, "a range is widened to contain 0");
    }

    private static (float[] Scores, float[] Boxes) Run(InferenceSession session, float[] tensor)
    {
        using var value = OrtValue.CreateTensorValueFromMemory(tensor, [1, 3, 480, 640]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["input"], [value], ["scores", "boxes"]);
        return (outputs[0].GetTensorDataAsSpan<float>().ToArray(), outputs[1].GetTensorDataAsSpan<float>().ToArray());
    }
}
