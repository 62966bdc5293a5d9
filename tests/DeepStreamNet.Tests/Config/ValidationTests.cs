using DeepStreamNet.Config;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Config;

/// <summary>Validation reports every problem at once as file:line: [group] key: message (+ hint).</summary>
public sealed class ValidationTests
{
    private static ValidationReport Validate(TempConfigDir dir, string extra = "", string source = "", string sink = "", string inferExtra = "", ValidationTarget target = default)
    {
        var app = dir.WriteApp(extra, source: source, sink: sink);
        if (inferExtra.Length > 0)
        {
            dir.WriteInfer("infer.txt", inferExtra);
        }

        return AppConfigLoader.Load(app, null, target).Report;
    }

    private static ValidationIssue Single(ValidationReport r, string? group, string? key) =>
        r.Issues.Single(i => i.Group == group && i.Key == key);

    [Test]
    public void Minimal_config_is_valid_without_warnings()
    {
        using var dir = new TempConfigDir();
        var r = Validate(dir);
        Assert.That(r.Issues, Is.Empty, r.ToString());
    }

    [Test]
    public void Error_shape_names_file_line_group_and_key()
    {
        using var dir = new TempConfigDir();
        var r = Validate(dir, extra: "[osd]\nenable=1\nborder-width=4px\n");
        var e = Single(r, "osd", "border-width");
        Assert.Multiple(() =>
        {
            Assert.That(e.Severity, Is.EqualTo(Severity.Error));
            Assert.That(e.File, Is.EqualTo(Path.Combine(dir.Path, "app.txt")));
            Assert.That(e.Line, Is.EqualTo(23));
            Assert.That(e.ToString(), Is.EqualTo($"{dir.Path}/app.txt:23: [osd] border-width: error: value '4px' cannot be interpreted as a number"));
            Assert.That(e.Hint, Does.Contain("decimal integer"));
            Assert.That(e.ToDisplayString(), Does.EndWith("    hint: " + e.Hint));
            Assert.That(r.IsValid, Is.False);
        });
    }

    [Test]
    public void Every_problem_is_reported_at_once()
    {
        using var dir = new TempConfigDir();
        var r = Validate(dir, extra: "[osd]\nenable=yes\ntext-size=big\ntext-color=1;1;1\nfont=C:\\fonts\n[tests]\nfile-loop=1.0\n");
        Assert.That(r.Errors.Select(e => e.Key), Is.EquivalentTo(new[] { "enable", "text-size", "text-color", "font", "file-loop" }));
    }

    [Test]
    public void Unknown_keys_and_groups_are_warnings_with_spelling_hints()
    {
        using var dir = new TempConfigDir();
        var r = Validate(dir, extra: "[osd]\nenable=1\nborder-widht=3\n[osdx]\nfoo=1\n");
        Assert.Multiple(() =>
        {
            var k = Single(r, "osd", "border-widht");
            Assert.That(k.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(k.Message, Is.EqualTo("Unknown key 'border-widht' for group [osd]"));
            Assert.That(k.Hint, Is.EqualTo("did you mean 'border-width'?"));
            Assert.That(Single(r, "osdx", null).Message, Does.Contain("unknown group [osdx]"));
            Assert.That(r.IsValid, Is.True, "warnings do not fail validation");
        });
    }

    [Test]
    public void Keys_of_other_releases_are_warned_about_with_the_reason()
    {
        using var dir = new TempConfigDir();
        var r = Validate(dir, extra: "[tracker]\nenable=0\nenable-batch-process=1\nenable-past-frame=1\n[osd]\nenable=1\nborder-color=1;0;0;1\n", sink: "display-id=0\n", inferExtra: "warmup-engine=1\nstrongly-typed=true\n");
        Assert.Multiple(() =>
        {
            Assert.That(Single(r, "tracker", "enable-batch-process").Hint, Does.Contain("removed in DeepStream 6.3"));
            Assert.That(Single(r, "tracker", "enable-past-frame").Message, Is.EqualTo("Unknown key 'enable-past-frame' for group [tracker]"));
            Assert.That(Single(r, "sink0", "display-id").Hint, Does.Contain("5.0-6.0.1"));
            Assert.That(Single(r, "osd", "border-color").Hint, Does.Contain("never parsed"));
            Assert.That(Single(r, "property", "warmup-engine").Message, Is.EqualTo("Unknown or legacy key specified 'warmup-engine' for group [property]"));
            Assert.That(Single(r, "property", "strongly-typed").Hint, Does.Contain("9.x"));
            Assert.That(r.IsValid, Is.True, r.ToString());
        });
    }

    [Test]
    public void Missing_files_are_errors_in_the_app_and_in_the_nvinfer_file()
    {
        using var dir = new TempConfigDir();
        var r = Validate(dir, extra: "[primary-gie]\nlabelfile-path=nolabels.txt\n", inferExtra: "labelfile-path=missing-labels.txt\ncustom-lib-path=libnothere.so\n");
        Assert.Multiple(() =>
        {
            Assert.That(Single(r, "primary-gie", "labelfile-path").Message, Is.EqualTo($"file not found: {dir.Path}/nolabels.txt"));
            var inInfer = Single(r, "property", "labelfile-path");
            Assert.That(inInfer.File, Is.EqualTo(Path.Combine(dir.Path, "infer.txt")));
            Assert.That(inInfer.Line, Is.EqualTo(7));
            Assert.That(Single(r, "property", "custom-lib-path").Severity, Is.EqualTo(Severity.Error));
        });

        var missingConfig = AppConfigLoader.Load(dir.Write("app2.txt", "[source0]\nenable=1\ntype=4\nuri=rtsp://a/b\n[streammux]\nwidth=1\nheight=1\n[primary-gie]\nenable=1\nconfig-file=nope.txt\n[sink0]\nenable=1\ntype=1\n")).Report;
        Assert.That(Single(missingConfig, "primary-gie", "config-file").ToString(), Is.EqualTo($"{dir.Path}/app2.txt:10: [primary-gie] config-file: error: file not found: {dir.Path}/nope.txt"));
    }

    [Test]
    public void Missing_model_and_missing_media_are_errors()
    {
        using var dir = new TempConfigDir();
        dir.Write("infer.txt", "[property]\nonnx-file=gone.onnx\nnum-detected-classes=1\ncluster-mode=2\n");
        var app = dir.Write("a.txt", "[source0]\nenable=1\ntype=2\nuri=file://clip.mp4\n[streammux]\nwidth=2\nheight=2\n[primary-gie]\nenable=1\nconfig-file=infer.txt\n[sink0]\nenable=1\ntype=1\n");
        var r = AppConfigLoader.Load(app).Report;
        Assert.Multiple(() =>
        {
            Assert.That(Single(r, "property", "onnx-file").Message, Is.EqualTo($"file not found: {dir.Path}/gone.onnx"));
            Assert.That(Single(r, "source0", "uri").Message, Is.EqualTo($"media file not found: {dir.Path}/clip.mp4"));
        });
        dir.Write("infer.txt", "[property]\nnum-detected-classes=1\ncluster-mode=2\n");
        Assert.That(AppConfigLoader.Load(app).Report.Errors.Select(e => e.Message), Has.Some.StartsWith("no model:"));
    }

    [Test]
    public void Bad_enum_values_are_errors_with_the_valid_values()
    {
        using var dir = new TempConfigDir();
        var r = Validate(dir, extra: "[tiled-display]\nenable=4\n[osd]\nenable=1\nprocess-mode=5\n[sink1]\nenable=1\ntype=3\ncontainer=3\ncodec=4\nenc-type=2\noutput-file=x.mp4\n[sink2]\nenable=1\ntype=9\n", source: "", inferExtra: "network-mode=3\nmodel-color-format=7\nnetwork-type=5\n");
        Assert.Multiple(() =>
        {
            Assert.That(Single(r, "tiled-display", "enable").Message, Is.EqualTo("4 is not a valid tiled-display mode"));
            Assert.That(Single(r, "osd", "process-mode").Hint, Does.Contain("0 (CPU)"));
            Assert.That(Single(r, "sink1", "container").Message, Is.EqualTo("3 is not a valid container"));
            Assert.That(Single(r, "sink1", "codec").Message, Is.EqualTo("4 is not a valid codec for type=3"));
            Assert.That(Single(r, "sink1", "enc-type").Severity, Is.EqualTo(Severity.Error));
            Assert.That(Single(r, "sink2", "type").Message, Is.EqualTo("9 is not a valid sink type"));
            Assert.That(Single(r, "property", "network-mode").Message, Does.Contain("only in DeepStream 9.x"));
            Assert.That(Single(r, "property", "model-color-format").Severity, Is.EqualTo(Severity.Error));
            Assert.That(Single(r, "property", "network-type").Severity, Is.EqualTo(Severity.Error));
        });
    }

    [Test]
    public void Source_type_checks()
    {
        using var dir = new TempConfigDir();
        var r = AppConfigLoader.Load(dir.Write("a.txt", "[source0]\nenable=1\ntype=9\n[source1]\nenable=1\ntype=4\nuri=http://x/y\n[source2]\nenable=1\ntype=6\n[source3]\nenable=1\n[source03]\nenable=1\ntype=2\nuri=rtsp://a\n[streammux]\nwidth=1\nheight=1\nbatch-size=5\n[sink0]\nenable=1\ntype=1\n")).Report;
        Assert.Multiple(() =>
        {
            Assert.That(r.Issues.Where(i => i.Group == "source0").Select(i => (i.Severity, i.Message)), Is.EqualTo(new[]
            {
                (Severity.Error, "9 is not a valid source type"),
                (Severity.Warning, "type 9 (IPC source) exists only in DeepStream 9.x"),
            }));
            Assert.That(Single(r, "source1", "uri").Message, Does.Contain("needs an rtsp:// URI"));
            Assert.That(Single(r, "source2", "type").Message, Does.Contain("audio"));
            Assert.That(Single(r, "source3", "type").Message, Is.EqualTo("source type is missing"));
            Assert.That(Single(r, "source03", null).Message, Is.EqualTo("source number 3 is used by [source3] already"));
        });
    }

    [Test]
    public void Batch_size_smaller_than_the_number_of_sources_is_reported()
    {
        using var dir = new TempConfigDir();
        dir.WriteInfer();
        var app = dir.Write("a.txt", "[source0]\nenable=1\ntype=3\nnum-sources=4\nuri=rtsp://cam/%d\n[streammux]\nbatch-size=2\nwidth=1280\nheight=720\n[primary-gie]\nenable=1\nbatch-size=1\nconfig-file=infer.txt\n[sink0]\nenable=1\ntype=1\n");
        var r = AppConfigLoader.Load(app).Report;
        Assert.Multiple(() =>
        {
            var mux = Single(r, "streammux", "batch-size");
            Assert.That(mux.Message, Is.EqualTo("batch-size 2 is smaller than the number of sources (4): frames of some sources wait for later batches"));
            Assert.That(mux.Hint, Is.EqualTo("set batch-size=4"));
            Assert.That(mux.Line, Is.EqualTo(7));
            Assert.That(Single(r, "primary-gie", "batch-size").Hint, Is.EqualTo("set batch-size=4"));
        });
    }

    [Test]
    public void Duplicate_gie_unique_ids_are_errors()
    {
        using var dir = new TempConfigDir();
        dir.WriteInfer("sgie.txt", "process-mode=2");
        var r = Validate(dir, extra: "[primary-gie]\ngie-unique-id=3\n[secondary-gie0]\nenable=1\ngie-unique-id=3\nconfig-file=sgie.txt\n[secondary-gie1]\nenable=1\nconfig-file=sgie.txt\n");
        var dups = r.Errors.Where(e => e.Message.Contains("is already used by", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(dups.Select(e => (e.Group, e.Key)), Is.EqualTo(new[] { ("secondary-gie0", (string?)"gie-unique-id") }));
            Assert.That(dups[0].Message, Is.EqualTo("gie-unique-id 3 is already used by [primary-gie]"));
        });

        // Ids taken from the nvinfer files collide too: both secondaries read gie-unique-id=1 from sgie.txt... and the primary's file.
        var r2 = Validate(dir, extra: "[secondary-gie0]\nenable=1\nconfig-file=sgie.txt\n");
        Assert.That(r2.Errors.Select(e => e.Message), Has.Some.EqualTo("gie-unique-id 1 is already used by [primary-gie]"));
    }

    [Test]
    public void Swapped_input_dims_of_the_face_mask_recipe_get_the_infer_dims_hint()
    {
        using var dir = new TempConfigDir();
        var r = Validate(dir, inferExtra: "input-dims=3;960;544;0\n");
        var w = Single(r, "property", "input-dims");
        Assert.Multiple(() =>
        {
            Assert.That(w.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(w.Message, Does.Contain("H=960, W=544"));
            Assert.That(w.Hint, Does.Contain("infer-dims=3;544;960"));
        });
    }

    [Test]
    public void Dims_need_their_exact_count()
    {
        using var dir = new TempConfigDir();
        var r = Validate(dir, inferExtra: "infer-dims=3;544\n");
        Assert.That(Single(r, "property", "infer-dims").Message, Is.EqualTo("infer-dims needs exactly 3 values, got 2"));
    }

    [Test]
    public void Class_attrs_for_a_class_beyond_num_detected_classes_is_an_error()
    {
        using var dir = new TempConfigDir();
        var r = Validate(dir, inferExtra: "[class-attrs-5]\neps=0.2\n[class-attrs-all]\nnms-iou-threshold=1.5\n");
        Assert.Multiple(() =>
        {
            Assert.That(Single(r, "class-attrs-5", null).Message, Does.Contain("class id 5 is not below num-detected-classes (2)"));
            Assert.That(Single(r, "class-attrs-all", "nms-iou-threshold").Severity, Is.EqualTo(Severity.Error));
        });
    }

    [Test]
    public void Sink_type_notes_and_requirements()
    {
        using var dir = new TempConfigDir();
        var r = Validate(dir, extra: """
            [sink1]
            enable=1
            type=5
            [sink2]
            enable=1
            type=6
            [sink3]
            enable=1
            type=7
            [sink4]
            enable=1
            type=3
            container=2
            codec=1
            output-file=out.mp4
            [sink5]
            enable=1
            type=4
            codec=1
            [sink6]
            enable=1
            type=4
            codec=3
            [sink7]
            enable=1
            type=3
            """);
        Assert.Multiple(() =>
        {
            Assert.That(Single(r, "sink1", "type").Message, Does.Contain("RENDER_DRM"));
            Assert.That(r.Errors.Where(e => e.Group == "sink2").Select(e => e.Key), Is.EquivalentTo(new[] { "msg-broker-proto-lib", "msg-broker-conn-str" }));
            Assert.That(r.Warnings.Where(e => e.Group == "sink2").Select(e => e.Key), Does.Contain("msg-conv-config"), "nvmsgconv runs with a NULL config (audit V12)");
            Assert.That(r.Issues.Where(e => e.Group == "sink3").Select(e => e.Message), Has.Some.Contains("existed only in DeepStream 6.1/6.1.1"));
            Assert.That(Single(r, "sink4", "container").Hint, Is.EqualTo("use container=1 for MP4"));
            Assert.That(r.Errors.Where(e => e.Group == "sink6").Select(e => e.Message), Has.Some.EqualTo("3 is not a valid codec for type=4"));
            Assert.That(Single(r, "sink6", "rtsp-port").Message, Is.EqualTo("rtsp-port 8554 is already used by [sink5]"));
            Assert.That(r.Errors.Where(e => e.Group == "sink7").Select(e => e.Key), Is.EquivalentTo(new[] { "codec", "container", "output-file" }));
        });
    }

    [Test]
    public void No_source_is_an_error_and_no_sink_a_warning()
    {
        using var dir = new TempConfigDir();
        var r = AppConfigLoader.Load(dir.Write("a.txt", "[streammux]\nwidth=1\nheight=1\n")).Report;
        Assert.Multiple(() =>
        {
            Assert.That(r.Errors.Select(e => e.Message), Is.EquivalentTo(new[] { "no enabled source: add a [sourceN] group with enable=1 (or a [source-list])" }));
            Assert.That(r.Warnings.Select(e => e.Message), Has.Some.StartsWith("no enabled sink: the output ends in a fakesink"), "deepstream-app's fallback fakesink (audit V3)");
        });
    }

    [Test]
    public void DeepStream_only_resources_depend_on_the_target()
    {
        using var dir = new TempConfigDir();
        const string tracker = "[tracker]\nenable=1\ntracker-width=640\ntracker-height=384\n";
        Assert.Multiple(() =>
        {
            Assert.That(Single(Validate(dir, extra: tracker, target: ValidationTarget.DeepStream), "tracker", "ll-lib-file").Severity, Is.EqualTo(Severity.Error));
            Assert.That(Single(Validate(dir, extra: tracker, target: ValidationTarget.Any), "tracker", "ll-lib-file").Severity, Is.EqualTo(Severity.Warning));
            Assert.That(Validate(dir, extra: tracker, target: ValidationTarget.Portable).Issues, Is.Empty);
        });
    }

    [Test]
    public void Yaml_and_unreadable_configs_are_clear_errors()
    {
        using var dir = new TempConfigDir();
        var yaml = AppConfigLoader.Load(dir.Write("app.yml", "application:\n"));
        var missing = AppConfigLoader.Load(Path.Combine(dir.Path, "none.txt"));
        var broken = AppConfigLoader.Load(dir.Write("b.txt", "enable=1\n"));
        Assert.Multiple(() =>
        {
            Assert.That(yaml.Config, Is.Null);
            Assert.That(yaml.Report.Errors.Single().Message, Is.EqualTo("YAML configs are not supported"));
            Assert.That(missing.Report.Errors.Single().Message, Is.EqualTo("config file not found"));
            Assert.That(broken.Report.Errors.Single().ToString(), Is.EqualTo($"{dir.Path}/b.txt:1: enable: error: key file does not start with a group (a key line appears before the first [group])"));
        });
    }
}
