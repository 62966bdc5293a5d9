using DeepStreamNet.Onnx;
using DeepStreamNet.Training.Quantization;
using Microsoft.ML.OnnxRuntime;
using NUnit.Framework;

namespace DeepStreamNet.Training.Tests;

/// <summary>
/// The accuracy and speed choices of <c>dsnet quantize</c> on the UltraFace RFB-640 detector (MIT; trained on the
/// non-commercial WIDER FACE and MAFA), calibrated on Kaggle training images: Convs kept in float by name and by measured
/// sensitivity, integer kernels through the joins, symmetric activations, and the kernel profile.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class QuantizationChoicesTests
{
    private string _dir = null!;
    private string _config = null!;

    [OneTimeSetUp]
    public void WriteConfig()
    {
        _dir = Path.Combine(Path.GetTempPath(), $"dsnet-quantize-choices-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dir);
        _config = Path.Combine(_dir, "config_infer_ultraface.txt");
        File.WriteAllText(_config, $"""
            [property]
            onnx-file={SharedData.UltraFace}
            net-scale-factor=0.0078125
            offsets=127;127;127
            model-color-format=0
            infer-dims=3;480;640
            network-type=0
            num-detected-classes=2
            labelfile-path=labels.txt
            """);
        File.WriteAllText(Path.Combine(_dir, "labels.txt"), "mask;no-mask\n");
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void SensitivityRanksEveryConvOnCalibrationImagesAndTheWorstStayFloatBesideTheExcludedOne()
    {
        var convs = QdqGraphBuilder.ConvIds(OnnxModel.Load(SharedData.UltraFace).Graph);
        var result = Quantize("sensitive", o => o with { Exclude = [convs[0]], KeepFloat = 2, SensitivityImages = 1 });
        Assert.That(result.Sensitivity, Has.Count.EqualTo(convs.Count), "one entry per quantizable Conv");
        Assert.That(result.Sensitivity.Select(e => e.Error), Is.Ordered.Descending);
        Assert.That(result.Sensitivity.Select(e => e.Error), Has.All.GreaterThan(0.0), "every quantized Conv changes the outputs a little");
        Assert.That(result.Sensitivity[0].Error, Is.GreaterThan(result.Sensitivity[^1].Error * 10), "layers differ: the ranking means something");
        var expectedKept = new[] { convs[0] }.Concat(result.Sensitivity.Where(e => e.Conv != convs[0]).Take(2).Select(e => e.Conv)).Order(StringComparer.Ordinal);
        Assert.That(result.KeptFloat, Is.EqualTo(expectedKept));
        Assert.That(result.QuantizedConvs, Is.EqualTo(convs.Count - 3));
        Assert.That(File.ReadLines(Path.Combine(_dir, "sensitive", "RFB-640-masked_face-v2.sensitivity.tsv")).Count(), Is.EqualTo(convs.Count + 1));

        var ops = OptimizedOps(result.QdqModelPath);
        // The kept Convs run in float (a quantized Conv whose only reader is a kept one loses its output Q/DQ pair and
        // runs in float too, on its quantized weights).
        var floatConvs = ops.GetValueOrDefault("Conv") + ops.GetValueOrDefault("FusedConv");
        Assert.That(floatConvs, Is.InRange(3, 5));
        Assert.That(ops.GetValueOrDefault("QLinearConv") + floatConvs, Is.EqualTo(convs.Count));
    }

    [Test]
    public void AnExcludeThatNamesNoConvIsRefusedWithTheNamesThereAre()
    {
        Assert.That(() => Quantize("bad-exclude", o => o with { Exclude = ["no_such_conv"] }),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("--exclude 'no_such_conv'").And.Message.Contains("its Convs:"));
    }

    [Test]
    public void OnnxRuntimeKeepsTheActivationsIntegerThroughTheAddAndConcatJoins()
    {
        // Only Convs get Q/DQ pairs; ONNX Runtime propagates them through the RFB blocks' Add and Concat and removes
        // the pairs in between, so the graph quantizes once (the input) and stays 8-bit up to the heads' decoding.
        var result = Quantize("plain", o => o);
        var ops = OptimizedOps(result.QdqModelPath);
        Assert.That(ops.GetValueOrDefault("QLinearAdd") + ops.GetValueOrDefault("QLinearConcat"), Is.GreaterThan(0), string.Join(", ", ops.Select(p => $"{p.Key}={p.Value}")));
        Assert.That(ops.GetValueOrDefault("QuantizeLinear"), Is.EqualTo(1), "only the input is quantized at run time");
        Assert.That(ops.GetValueOrDefault("QLinearConv"), Is.EqualTo(result.QuantizedConvs));
    }

    [Test]
    public void SymmetricActivationsAreInt8WithZeroPointZero()
    {
        var result = Quantize("symmetric", o => o with { SymmetricActivations = true });
        var g = OnnxModel.Load(result.QdqModelPath).Graph;
        var zeroPoints = g.Node.Where(n => n.OpType == "QuantizeLinear").Select(n => g.Initializer.Single(t => t.Name == n.Input[2])).ToList();
        Assert.That(zeroPoints, Is.Not.Empty);
        Assert.That(zeroPoints.Select(t => t.DataType), Has.All.EqualTo((int)DeepStreamNet.Onnx.Proto.TensorProto.Types.DataType.Int8));
        Assert.That(zeroPoints.SelectMany(t => t.RawData.ToByteArray()), Has.All.EqualTo((byte)0));
        Assert.That(QuantParams.Symmetric(-0.5f, 2f), Is.EqualTo(new QuantParams(2f / 127, 0)));
        Assert.That(MeanScoreDifference(result.QdqModelPath), Is.LessThan(0.1), "zero point 0 spends half the steps on a Relu output's empty negative side");
    }

    [Test]
    public void TheKernelProfileShowsWhichIntegerKernelsRan()
    {
        var result = Quantize("profiled", o => o);
        var (fp32, int8) = KernelProfile.Compare(result, Options("profiled"), Path.Combine(_dir, "profile"), runs: 2);
        Assert.That(fp32.Select(r => r.Operator), Does.Contain("Conv").Or.Contain("FusedConv"));
        Assert.That(fp32.Select(r => r.Operator), Does.Not.Contain("QLinearConv"));
        var qconv = int8.Single(r => r.Operator == "QLinearConv");
        Assert.That(qconv.Nodes, Is.EqualTo(result.QuantizedConvs));
        Assert.That(qconv.MillisecondsPerRun, Is.GreaterThan(0));
        Assert.That(qconv.Providers, Is.EqualTo("CPUExecutionProvider"));
        Assert.That(Directory.GetFiles(Path.Combine(_dir, "profile"), "*.json"), Has.Length.EqualTo(2));
    }

    private QuantizationOptions Options(string name) => new()
    {
        InferConfigPath = _config,
        CalibrationDirectory = Path.Combine(SharedData.TrainSet, "images"),
        OutputDirectory = Path.Combine(_dir, name),
        MaxImages = 4,
        SpeedSeconds = 0,
    };

    private QuantizationResult Quantize(string name, Func<QuantizationOptions, QuantizationOptions> choose) => ModelQuantizer.Run(choose(Options(name)));

    private Dictionary<string, int> OptimizedOps(string model)
    {
        var optimized = Path.Combine(_dir, Path.GetFileNameWithoutExtension(model) + $"-{Guid.NewGuid():N}.optimized.onnx");
        using (var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_EXTENDED, OptimizedModelFilePath = optimized })
        using (new InferenceSession(model, options))
        {
        }

        return OnnxModel.Load(optimized).Graph.Node.GroupBy(n => n.OpType).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>Mean |face score difference| (INT8 vs FP32) over the anchors FP32 scores above 0.3 on one dev image.</summary>
    private double MeanScoreDifference(string int8Model)
    {
        var input = new NetworkInput(3, 480, 640, 0.0078125f, [127f, 127f, 127f], 0);
        var tensor = new float[input.Size];
        using (var image = Datasets.Imaging.ImageIo.LoadOpaque(ModelQuantizer.PickImages(Path.Combine(SharedData.DevSet, "images"), 1)[0]))
        {
            input.Render(image, tensor);
        }

        float[] Scores(string path)
        {
            using var session = InferenceSpeed.Open(path, 0);
            using var value = OrtValue.CreateTensorValueFromMemory(tensor, [1, 3, 480, 640]);
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, ["input"], [value], ["scores"]);
            return outputs[0].GetTensorDataAsSpan<float>().ToArray();
        }

        var a = Scores(SharedData.UltraFace);
        var b = Scores(int8Model);
        var diffs = Enumerable.Range(0, a.Length / 3).Where(i => a[(i * 3) + 1] + a[(i * 3) + 2] > 0.3f)
            .Select(i => (double)Math.Abs(a[(i * 3) + 1] + a[(i * 3) + 2] - b[(i * 3) + 1] - b[(i * 3) + 2])).ToList();
        Assert.That(diffs, Is.Not.Empty, "the dev image has faces");
        return diffs.Average();
    }
}
