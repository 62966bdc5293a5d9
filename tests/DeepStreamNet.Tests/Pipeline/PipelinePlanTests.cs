using DeepStreamNet.Config;
using DeepStreamNet.Pipeline;
using DeepStreamNet.Tests.Config;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Pipeline;

/// <summary>The one path config → backend → validation → graph, and how Auto is resolved.</summary>
public sealed class PipelinePlanTests
{
    private static string Portable => FaceMaskConfigs.PathOf("portable", "deepstream_app_file_masknet.txt");

    private static string DeepStream => FaceMaskConfigs.PathOf("deepstream", "deepstream_app_file_masknet.txt");

    [OneTimeSetUp]
    public void Assets() => FaceMaskConfigs.EnsureAssets();

    [Test]
    public void Auto_picks_deepstream_only_when_nvinfer_exists()
    {
        var asked = new List<string>();
        var withDs = PipelinePlan.Create(Portable, factoryExists: f => { asked.Add(f); return true; });
        var without = PipelinePlan.Create(Portable, factoryExists: _ => false);
        Assert.Multiple(() =>
        {
            Assert.That(withDs.Backend, Is.EqualTo(PipelineBackend.DeepStream));
            Assert.That(withDs.Target, Is.EqualTo(ValidationTarget.DeepStream));
            Assert.That(without.Backend, Is.EqualTo(PipelineBackend.Portable));
            Assert.That(without.Target, Is.EqualTo(ValidationTarget.Portable));
            Assert.That(without.IsValid, Is.True, without.Report.ToString());
            Assert.That(asked, Is.EqualTo(new[] { "nvinfer" }));
        });
    }

    [Test]
    public void Explicit_backend_is_kept_and_deepstream_without_nvinfer_is_checked_for_another_machine()
    {
        var portable = PipelinePlan.Create(Portable, backend: PipelineBackend.Portable, factoryExists: _ => throw new AssertionException("portable needs no registry"));
        var ds = PipelinePlan.Create(DeepStream, backend: PipelineBackend.DeepStream, factoryExists: _ => false);
        Assert.Multiple(() =>
        {
            Assert.That(portable.Backend, Is.EqualTo(PipelineBackend.Portable));
            Assert.That(ds.Backend, Is.EqualTo(PipelineBackend.DeepStream));
            Assert.That(ds.Target, Is.EqualTo(ValidationTarget.DeepStreamElsewhere));
            Assert.That(ds.Graph!.Backend, Is.EqualTo(PipelineBackend.DeepStream));
        });
    }

    [Test]
    public void Auto_on_a_config_written_for_deepstream_checks_it_for_a_deepstream_target_instead_of_calling_it_invalid()
    {
        var auto = PipelinePlan.Create(DeepStream, factoryExists: _ => false);
        var explicitDs = PipelinePlan.Create(DeepStream, backend: PipelineBackend.DeepStream, factoryExists: _ => false);
        var forcedPortable = PipelinePlan.Create(DeepStream, backend: PipelineBackend.Portable);
        Assert.Multiple(() =>
        {
            Assert.That(auto.Backend, Is.EqualTo(PipelineBackend.DeepStream));
            Assert.That(auto.Target, Is.EqualTo(ValidationTarget.DeepStreamElsewhere));
            Assert.That(auto.IsValid, Is.True, auto.Report.ToString());
            Assert.That(auto.Report.ToString(), Is.EqualTo(explicitDs.Report.ToString()), "Auto gives the verdict of --backend deepstream");
            Assert.That(forcedPortable.IsValid, Is.False, "the TLT model cannot run on the portable runtime");
            Assert.That(forcedPortable.Report.Errors.Select(e => e.Key), Does.Contain("onnx-file"));
        });
    }

    [TestCaseSource(typeof(FaceMaskConfigs), nameof(FaceMaskConfigs.DeepStream))]
    public void Every_deepstream_face_mask_config_is_valid_with_the_default_backend_on_a_machine_without_deepstream(string config)
    {
        FaceMaskConfigs.EnsureAssets();
        var plan = PipelinePlan.Create(FaceMaskConfigs.PathOf("deepstream", config), factoryExists: _ => false);
        // The cascade's GIEs are both ONNX models (YuNet-n + the mask classifier): without nvinfer it runs portable.
        var onnxOnly = config == "deepstream_app_file_cascade.txt";
        Assert.Multiple(() =>
        {
            Assert.That(plan.Backend, Is.EqualTo(onnxOnly ? PipelineBackend.Portable : PipelineBackend.DeepStream));
            Assert.That(plan.IsValid, Is.True, plan.Report.ToString());
        });
    }

    [Test]
    public void Verdict_line_counts_errors_and_warnings()
    {
        using var dir = new TempConfigDir();
        var ok = PipelinePlan.Create(dir.WriteApp(), backend: PipelineBackend.Portable);
        var bad = PipelinePlan.Create(dir.WriteApp(extra: "[tracker]\nenable=1\ntracker-width=640\ntracker-height=384\n", name: "bad.txt"),
            backend: PipelineBackend.DeepStream, factoryExists: _ => true);
        Assert.Multiple(() =>
        {
            Assert.That(ok.Verdict, Does.Match(@"^app\.txt: valid \(\d+ warning\(s\)\)$"));
            Assert.That(bad.Verdict, Does.Match(@"^bad\.txt: invalid \([1-9]\d* error\(s\), \d+ warning\(s\)\)$"));
            Assert.That(bad.Report.Errors.Select(e => e.Key), Does.Contain("ll-lib-file"));
        });
    }

    [Test]
    public void Builder_refuses_an_unresolved_backend()
    {
        var cfg = new AppConfig { Path = "/x/app.txt" };
        Assert.That(() => PipelineGraphBuilder.Build(cfg, PipelineBackend.Auto, TargetPlatform.DGpu, new ValidationReport()), Throws.ArgumentException);
    }
}
