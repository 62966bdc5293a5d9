using DeepStreamNet.Config;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Config;

/// <summary>The sample-style configs under TestData validate as expected, including the face-mask recipe's defects.</summary>
public sealed class SampleConfigTests
{
    private static readonly string[] CleanConfigs =
    [
        "app_camera.txt", "app_demux.txt", "app_msgbroker.txt", "app_multistream4.txt", "app_rtsp.txt",
        "app_secondary.txt", "app_source_list.txt", "app_tiler_demux.txt",
    ];

    [TestCaseSource(nameof(CleanConfigs))]
    public void Sample_config_is_valid_without_warnings(string name)
    {
        var r = AppConfigLoader.Load(ConfigTestPaths.Data(name));
        Assert.That(r.Report.Issues, Is.Empty, r.Report.ToString());
    }

    [Test]
    public void File_config_only_warns_about_the_DeepStream_tracker_library_off_DeepStream()
    {
        var r = AppConfigLoader.Load(ConfigTestPaths.Data("app_file.txt"));
        Assert.Multiple(() =>
        {
            Assert.That(r.IsValid, Is.True, r.Report.ToString());
            Assert.That(r.Report.Warnings.Select(w => (w.Group, w.Key)), Is.EqualTo(File.Exists(r.Config!.Tracker.LlLibFile) ? [] : new[] { ("tracker", (string?)"ll-lib-file") }));
            Assert.That(AppConfigLoader.Load(ConfigTestPaths.Data("app_file.txt"), null, ValidationTarget.Portable).Report.Issues, Is.Empty);
        });
    }

    [Test]
    public void Multistream8_warns_about_the_shared_uri_and_the_small_tile_grid()
    {
        var r = AppConfigLoader.Load(ConfigTestPaths.Data("app_multistream8.txt"));
        Assert.Multiple(() =>
        {
            Assert.That(r.IsValid, Is.True);
            Assert.That(r.Config!.SourceCount, Is.EqualTo(8));
            Assert.That(r.Report.Warnings.Select(w => w.Message), Is.EquivalentTo(new[]
            {
                "num-sources=8 but the uri has no %d: every instance plays the same URI",
                "rows x columns (2x2) is smaller than the number of sources (8); deepstream-app uses 4x2",
                "tiles of 960x270 stretch the 1280x720 muxer frames (aspect 3.556 vs 1.778)",
            }));
        });
    }

    [Test]
    public void Csi_config_notes_the_type_5_sink()
    {
        var r = AppConfigLoader.Load(ConfigTestPaths.Data("app_csi.txt"));
        Assert.That(r.Report.Issues.Select(i => (i.Severity, i.Group, i.Key)), Is.EqualTo(new[] { (Severity.Warning, (string?)"sink0", (string?)"type") }));
    }

    [Test]
    public void Face_mask_recipe_video_config_reports_its_known_defects()
    {
        var path = ConfigTestPaths.Data("facemask-recipe/deepstream_app_source1_video_masknet_gpu.txt");
        var infer = ConfigTestPaths.Data("facemask-recipe/config_infer_primary_masknet_gpu.txt");
        var r = AppConfigLoader.Load(path);
        var found = r.Report.Issues.Select(i => (i.Severity, File: Path.GetFileName(i.File), i.Line, i.Group, i.Key)).ToList();
        var app = Path.GetFileName(path);
        var inf = Path.GetFileName(infer);
        Assert.Multiple(() =>
        {
            // Parses despite the inline comments after integers (width=1280 #640) and the trailing ';' of text-color.
            Assert.That(r.Config!.TiledDisplay.Width, Is.EqualTo(1280));
            Assert.That(r.Config.TiledDisplay.Height, Is.EqualTo(960));
            Assert.That(r.Config.Osd.TextColor, Is.EqualTo(new Rgba(1, 1, 1, 1)));
            Assert.That(r.Config.Osd.ProcessMode, Is.EqualTo(OsdProcessMode.Cpu));
            Assert.That(r.Config.Sources[0].Uri, Is.EqualTo("file:/home/nvidia/face-mask-detection/C0074.MP4"));
            Assert.That(r.Config.PrimaryGie!.BboxBorderColors[0], Is.EqualTo(new Rgba(0, 1, 0, 1)));
            Assert.That(r.Config.PrimaryGie.Infer!.InferDims, Is.EqualTo(new[] { 3, 960, 544 }));
            Assert.That(r.Config.PrimaryGie.Infer.NetworkType, Is.EqualTo(0), "is-classifier=0 -> detector");
            Assert.That(r.Config.Tests.FileLoop, Is.True);

            Assert.That(found, Is.EquivalentTo(new[]
            {
                (Severity.Warning, app, 68, (string?)"tracker", (string?)"enable-batch-process"),
                (Severity.Warning, app, 9, "tiled-display", "width"),
                (Severity.Error, app, 18, "source0", "uri"),
                (Severity.Warning, inf, 20, "property", "is-classifier"),
                (Severity.Warning, inf, 9, "property", "input-dims"),
                (Severity.Warning, inf, 24, "class-attrs-0", "minBoxes"),
                (Severity.Warning, inf, 34, "class-attrs-1", "minBoxes"),
                (Severity.Error, inf, 5, "property", "tlt-encoded-model"),
                (Severity.Warning, inf, 7, "property", "model-engine-file"),
                (Severity.Warning, inf, 15, "property", "int8-calib-file"),
                (Severity.Warning, app, 54, "primary-gie", "model-engine-file"),
                (Severity.Warning, app, 66, "tracker", "ll-lib-file"),
                (Severity.Warning, app, 36, "sink0", "container"),
            }), r.Report.ToString());
            Assert.That(r.Report.Issues.Single(i => i.Key == "input-dims").Hint, Does.Contain("infer-dims=3;544;960"));
            Assert.That(r.Report.Issues.Single(i => i.Group == "tiled-display").Message, Is.EqualTo("tiles of 1280x960 stretch the 1920x1080 muxer frames (aspect 1.333 vs 1.778)"));
            Assert.That(r.Report.Issues.Single(i => i.Key == "ll-lib-file").Message, Does.Contain("libnvds_mot_klt.so is a DeepStream 5.x tracker library"));
        });
    }

    [Test]
    public void Face_mask_recipe_camera_config_differs_only_in_its_source()
    {
        var r = AppConfigLoader.Load(ConfigTestPaths.Data("facemask-recipe/deepstream_app_source1_camera_masknet_gpu.txt"));
        var s = r.Config!.Sources.Single();
        Assert.Multiple(() =>
        {
            Assert.That((s.Type, s.CameraWidth, s.CameraHeight, s.CameraFpsN, s.CameraFpsD, s.CameraV4L2DevNode), Is.EqualTo(((SourceType?)SourceType.CameraV4L2, 640, 480, 30, 1, 0)));
            Assert.That(r.Report.Issues.Where(i => i.Group == "source0").Select(i => i.Message), Is.EqualTo(new[] { "a camera source is live but [streammux] live-source is not set" }));
            Assert.That(r.Report.Errors.Select(e => e.Key), Is.EqualTo(new[] { "tlt-encoded-model" }));
        });
    }

    [Test]
    public void Face_mask_recipe_fixed_by_set_overrides_loses_the_matching_warnings()
    {
        var r = AppConfigLoader.Load(ConfigTestPaths.Data("facemask-recipe/deepstream_app_source1_camera_masknet_gpu.txt"), ["streammux.live-source=1", "sink0.type=3", "sink0.container=2", "sink0.output-file=out.mkv"]);
        Assert.That(r.Report.Issues.Where(i => i.Group is "source0" or "sink0"), Is.Empty, r.Report.ToString());
    }
}
