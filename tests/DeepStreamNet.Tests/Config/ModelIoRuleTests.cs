using DeepStreamNet.Config;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Config;

/// <summary><c>dsnet validate</c>: an nvinfer config against its ONNX model (UltraFace RFB-640, MIT; trained on non-commercial WIDER FACE / MAFA data).</summary>
public sealed class ModelIoRuleTests
{
    private static ValidationReport Load(string app) => AppConfigLoader.Load(app, null, ValidationTarget.Portable).Report;

    private static IEnumerable<ValidationIssue> About(ValidationReport r, string? key) => r.Issues.Where(i => i.Key == key);

    [Test]
    public void Model_inputs_and_outputs_are_read_from_the_onnx_file()
    {
        var m = OnnxModelInfo.Read(ConfigTestPaths.UltraFace640);
        Assert.Multiple(() =>
        {
            Assert.That(m.Inputs.Select(i => i.Name), Is.EqualTo(new[] { "input" }));
            Assert.That(m.Inputs[0].Dims, Is.EqualTo(new long[] { 1, 3, 480, 640 }));
            Assert.That(m.Outputs.Select(o => o.Name), Is.EqualTo(new[] { "scores", "boxes" }));
            Assert.That(m.Outputs[0].Dims, Is.EqualTo(new long[] { 1, 17640, 3 }));
        });
        // version-RFB-640 lists its weights as graph inputs: they are initializers, not inputs
        var plain = OnnxModelInfo.Read(Path.Combine(TestPaths.SharedAssets, "models", "ultraface", "version-RFB-640.onnx"));
        Assert.That(plain.Inputs.Select(i => i.Name), Is.EqualTo(new[] { "input" }));
        Assert.That(() => OnnxModelInfo.Read(ConfigTestPaths.DemoClip), Throws.TypeOf<InvalidDataException>());
    }

    [Test]
    public void Input_dims_colour_format_output_names_and_parser_outputs_are_checked()
    {
        using var dir = new TempConfigDir();
        var app = dir.WriteApp();
        dir.WriteInfer("infer.txt", "infer-dims=3;544;960\n");
        var dims = Load(app);
        dir.WriteInfer("infer.txt", "model-color-format=2\n");
        var gray = Load(app);
        dir.WriteInfer("infer.txt", "output-blob-names=scores;boxs\n");
        var blobs = Load(app);
        dir.WriteInfer("infer.txt", "parse-bbox-func-name=NvDsInferParseDetectNetV2\n");
        var detectnet = Load(app);
        dir.WriteInfer("infer.txt", "infer-dims=3;480;640\noutput-blob-names=scores;boxes\n");
        var good = Load(app);
        Assert.Multiple(() =>
        {
            var d = About(dims, "infer-dims").Single();
            Assert.That(d.Severity, Is.EqualTo(Severity.Error));
            Assert.That(d.Message, Does.Contain("does not match the model input 'input' (C;H;W = 3;480;640)"));
            Assert.That(d.Hint, Is.EqualTo("use infer-dims=3;480;640"));
            Assert.That(About(gray, "model-color-format").Single().Message, Does.Contain("needs 1 channel(s) but the model input 'input' has 3"));
            var b = About(blobs, "output-blob-names").Single();
            Assert.That(b.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(b.Message, Does.Contain("'boxs' is not an output of RFB-640-masked_face-v2.onnx (outputs: 'scores', 'boxes')"));
            Assert.That(About(detectnet, "parse-bbox-func-name").Single().Message, Does.Contain("needs outputs whose names contain 'cov' and 'bbox'"));
            Assert.That(good.Issues, Is.Empty, good.ToString());
        });
    }
}
