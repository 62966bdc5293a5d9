using DeepStreamNet.Config;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Config;

/// <summary>The coordinator's validation follow-ups (host-fixes 1-5): defaults, inheritance, sink keys, backend-aware files.</summary>
public sealed class BackendValidationTests
{
    private const string DsTracker = "[tracker]\nenable=1\ntracker-width=640\ntracker-height=384\nll-lib-file=/opt/nvidia/deepstream/deepstream/lib/libnvds_nvmultiobjecttracker.so\nll-config-file=/opt/nvidia/deepstream/deepstream/samples/configs/deepstream-app/config_tracker_IOU.yml\n";

    private static ValidationReport Load(string app, ValidationTarget target = default) => AppConfigLoader.Load(app, null, target).Report;

    private static IEnumerable<ValidationIssue> About(ValidationReport r, string key) => r.Issues.Where(i => i.Key == key);

    [Test]
    public void Absent_process_mode_defaults_to_primary()
    {
        using var dir = new TempConfigDir();
        var r = Load(dir.WriteApp());
        Assert.That(About(r, "process-mode"), Is.Empty, r.ToString());
    }

    [Test]
    public void Class_groups_inherit_minBoxes_from_class_attrs_all()
    {
        using var dir = new TempConfigDir();
        var app = dir.WriteApp();
        dir.WriteInfer("infer.txt", "cluster-mode=1\n[class-attrs-all]\nminBoxes=1\neps=0.2\n[class-attrs-0]\npre-cluster-threshold=0.3\n[class-attrs-1]\npre-cluster-threshold=0.4\n");
        var inherited = Load(app);
        dir.WriteInfer("infer.txt", "cluster-mode=1\n[class-attrs-all]\neps=0.2\n[class-attrs-0]\npre-cluster-threshold=0.3\n");
        var missing = Load(app);
        Assert.Multiple(() =>
        {
            Assert.That(About(inherited, "minBoxes"), Is.Empty, inherited.ToString());
            Assert.That(missing.Warnings.Any(w => w.Message.Contains("minBoxes is 0", StringComparison.Ordinal)), Is.True, missing.ToString());
        });
    }

    [Test]
    public void Container_and_codec_are_not_checked_on_a_display_sink()
    {
        using var dir = new TempConfigDir();
        var r = Load(dir.WriteApp(extra: "[sink1]\nenable=1\ntype=2\ncontainer=1\ncodec=1\n"));
        Assert.Multiple(() =>
        {
            Assert.That(r.Errors, Is.Empty, r.ToString());
            Assert.That(r.Issues.Where(i => i.Group == "sink1").Select(i => i.Severity), Is.All.EqualTo(Severity.Warning));
        });
    }

    [Test]
    public void Missing_output_folders_are_warnings_that_they_will_be_created()
    {
        using var dir = new TempConfigDir();
        var r = Load(dir.WriteApp(extra: $"[application]\ngie-kitti-output-dir={dir.Path}/out/kitti\n[sink1]\nenable=1\ntype=3\ncontainer=1\ncodec=1\noutput-file={dir.Path}/out/x.mp4\n"));
        Assert.Multiple(() =>
        {
            Assert.That(r.Errors, Is.Empty, r.ToString());
            Assert.That(About(r, "output-file").Single().Message, Does.Contain("dsnet run creates it"));
            Assert.That(About(r, "gie-kitti-output-dir").Single().Severity, Is.EqualTo(Severity.Warning));
        });
    }

    [Test]
    public void DeepStream_install_files_depend_on_the_target()
    {
        using var dir = new TempConfigDir();
        var app = dir.WriteApp(extra: DsTracker);
        var here = Load(app, ValidationTarget.DeepStream);
        var elsewhere = Load(app, ValidationTarget.DeepStreamElsewhere);
        var portable = Load(app, ValidationTarget.Portable);
        Assert.Multiple(() =>
        {
            Assert.That(here.Errors.Select(e => e.Key), Is.EquivalentTo(new[] { "ll-lib-file", "ll-config-file" }));
            Assert.That(elsewhere.Errors, Is.Empty, elsewhere.ToString());
            Assert.That(elsewhere.Warnings.Where(w => w.Message.Contains("must exist on the DeepStream target", StringComparison.Ordinal)).Select(w => w.Key), Is.EquivalentTo(new[] { "ll-lib-file", "ll-config-file" }));
            Assert.That(portable.Issues, Is.Empty, portable.ToString());
        });
    }

    [Test]
    public void Tracker_library_key_is_still_required_for_deepstream_elsewhere_but_not_for_portable()
    {
        using var dir = new TempConfigDir();
        var app = dir.WriteApp(extra: "[tracker]\nenable=1\ntracker-width=640\ntracker-height=384\n");
        Assert.Multiple(() =>
        {
            Assert.That(Load(app, ValidationTarget.DeepStreamElsewhere).Errors.Select(e => e.Key), Is.EqualTo(new[] { "ll-lib-file" }));
            Assert.That(Load(app, ValidationTarget.Portable).Issues, Is.Empty);
        });
    }

    [Test]
    public void User_supplied_tao_model_is_a_warning_off_target_but_an_onnx_file_is_not()
    {
        using var dir = new TempConfigDir();
        var app = dir.WriteApp();
        dir.Write("infer.txt", "[property]\ngie-unique-id=1\nnum-detected-classes=2\ncluster-mode=2\ntlt-encoded-model=resnet18_detector.etlt\ntlt-model-key=tlt_encode\nint8-calib-file=calibration.bin\nnetwork-mode=1\n");
        var here = Load(app, ValidationTarget.DeepStream);
        var elsewhere = Load(app, ValidationTarget.DeepStreamElsewhere);
        dir.Write("infer.txt", "[property]\ngie-unique-id=1\nnum-detected-classes=2\ncluster-mode=2\nonnx-file=missing.onnx\n");
        var onnx = Load(app, ValidationTarget.DeepStreamElsewhere);
        Assert.Multiple(() =>
        {
            Assert.That(About(here, "tlt-encoded-model").Single().Severity, Is.EqualTo(Severity.Error));
            Assert.That(About(elsewhere, "tlt-encoded-model").Single().Severity, Is.EqualTo(Severity.Warning));
            Assert.That(About(elsewhere, "int8-calib-file").Single().Severity, Is.EqualTo(Severity.Warning));
            Assert.That(elsewhere.Errors, Is.Empty, elsewhere.ToString());
            Assert.That(About(onnx, "onnx-file").Single().Severity, Is.EqualTo(Severity.Error));
        });
    }

    [Test]
    public void Parser_names_need_custom_lib_on_both_backends()
    {
        using var dir = new TempConfigDir();
        var app = dir.WriteApp();
        dir.WriteInfer("infer.txt", "parse-bbox-func-name=NvDsInferParseUltraFaceMask\n");
        var portable = Load(app, ValidationTarget.Portable);
        var deepstream = Load(app, ValidationTarget.DeepStream);
        Assert.Multiple(() =>
        {
            Assert.That(About(portable, "parse-bbox-func-name").Single().Severity, Is.EqualTo(Severity.Error));
            Assert.That(About(portable, "parse-bbox-func-name").Single().Hint, Does.Contain("libdsnet_parsers.so"));
            Assert.That(About(deepstream, "parse-bbox-func-name").Single().Severity, Is.EqualTo(Severity.Error));
        });
    }
}
