using DeepStreamNet.Pipeline;
using NUnit.Framework;
using static DeepStreamNet.Tests.Conformance.Conformance;

namespace DeepStreamNet.Tests.Conformance;

/// <summary>Muxer, GIEs, tracker and pre-process as deepstream-app 6.3 configures them (audit §1.2-1.3).</summary>
[NonParallelizable] // M2 sets an environment variable
public sealed class InferenceConformanceTests
{
    private const string Tiled = "tracker_sgie_tiled.txt";

    [Test]
    public void M2_new_streammux_gets_none_of_the_legacy_properties_streammux_c_33_59()
    {
        Environment.SetEnvironmentVariable("USE_NEW_NVSTREAMMUX", "yes");
        try
        {
            var (g, _) = Build(Tiled);
            var keys = g["src_bin_muxer"].Properties.Select(p => p.Key).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(keys, Has.None.AnyOf("gpu-id", "nvbuf-memory-type", "live-source", "batched-push-timeout", "buffer-pool-size", "enable-padding", "width", "height", "async-process"));
                Assert.That(Prop(g, "src_bin_muxer", "batch-size"), Is.EqualTo("2"));
            });
        }
        finally
        {
            Environment.SetEnvironmentVariable("USE_NEW_NVSTREAMMUX", null);
        }

        Assert.That(Build(Tiled).Graph["src_bin_muxer"].Get("width"), Is.Not.Null, "legacy muxer without the variable");
    }

    [Test]
    public void I2_nvinfer_gpu_id_only_when_the_group_sets_it_primary_gie_bin_c_155_157()
    {
        var (g, _) = Build(Tiled);
        Assert.Multiple(() =>
        {
            Assert.That(Prop(g, "primary_gie", "gpu-id"), Is.EqualTo("0"), "[primary-gie] gpu-id=0 is set");
            Assert.That(g["secondary_gie_1"].Get("gpu-id"), Is.Null, "[secondary-gie1] has no gpu-id: the nvinfer file's stays");
        });
    }

    [Test]
    public void I4_secondary_gies_are_built_only_when_operate_on_gie_id_chains_to_the_primary_secondary_gie_bin_c_291_330()
    {
        var (chained, _) = Build(Tiled, TargetPlatform.DGpu, "secondary-gie1.operate-on-gie-id=4");
        var (orphan, report) = Build(Tiled, TargetPlatform.DGpu, "secondary-gie1.operate-on-gie-id=9");
        var (noUid, _) = Build(Tiled, TargetPlatform.DGpu, "secondary-gie0.operate-on-gie-id=0", "secondary-gie1.operate-on-gie-id=0");
        Assert.Multiple(() =>
        {
            Assert.That(chained.OfFactory("nvinfer").Count(), Is.EqualTo(3), "sgie1 operates on sgie0 (4), which operates on the primary");
            Assert.That(orphan.OfFactory("nvinfer").Count(), Is.EqualTo(2));
            Assert.That(Messages(report, DeepStreamNet.Config.Severity.Warning), Has.Some.Contains("[secondary-gie1] is not built"));
            Assert.That(noUid.OfFactory("nvinfer").Count(), Is.EqualTo(1), "operate-on-gie-id 0 is not the primary's 1");
        });
    }

    [Test]
    public void I5_infer_on_class_ids_end_with_a_colon_secondary_gie_bin_c_192_196()
    {
        var (g, _) = Build(Tiled, TargetPlatform.DGpu, "secondary-gie0.operate-on-class-ids=0;2;");
        Assert.That(Prop(g, "secondary_gie_0", "infer-on-class-ids"), Is.EqualTo("0:2:"));
    }

    [Test]
    public void I6_secondary_preprocess_gets_operate_on_gie_id_and_is_dropped_off_the_primary_secondary_preprocess_c_119_199()
    {
        string[] pre = ["secondary-pre-process0.enable=1", "secondary-pre-process0.config-file=../../Config/TestData/labels_facemask.txt"];
        var (on, _) = Build(Tiled, TargetPlatform.DGpu, [.. pre, "secondary-pre-process0.operate-on-gie-id=1"]);
        var (off, _) = Build(Tiled, TargetPlatform.DGpu, [.. pre, "secondary-pre-process0.operate-on-gie-id=3"]);
        Assert.Multiple(() =>
        {
            Assert.That(Prop(on, "secondary_preprocess", "operate-on-gie-id"), Is.EqualTo("1"));
            Assert.That(off.Find("secondary_preprocess"), Is.Null);
        });
    }

    [Test]
    public void T1_tracking_surface_type_comes_only_from_its_own_key_tracker_bin_c_53()
    {
        var (g, _) = Build(Tiled, TargetPlatform.DGpu, "tracker.tracker-surface-type=1");
        var (own, _) = Build(Tiled, TargetPlatform.DGpu, "tracker.tracking-surface-type=1");
        Assert.Multiple(() =>
        {
            Assert.That(Prop(g, "tracking_tracker", "tracking-surface-type"), Is.EqualTo("0"));
            Assert.That(Prop(own, "tracking_tracker", "tracking-surface-type"), Is.EqualTo("1"));
        });
    }

    [Test]
    public void I7_X1_X5_S10_groups_deepstream_app_acts_on_but_dsnet_does_not_build_are_warned()
    {
        var report = Report(Tiled, "primary-gie.infer-raw-output-dir=/tmp", "dewarper0.enable=1", "dewarper0.config-file=../../Config/TestData/labels_facemask.txt");
        Assert.Multiple(() =>
        {
            Assert.That(Messages(report, DeepStreamNet.Config.Severity.Warning), Has.Some.Contains("infer-raw-output-dir"));
            Assert.That(Messages(report, DeepStreamNet.Config.Severity.Warning), Has.Some.Contains("[dewarper0] is not built"));
            Assert.That(Messages(Report("rtsp_in.txt", "source0.smart-record=1"), DeepStreamNet.Config.Severity.Warning), Has.Some.Contains("smart-record is not built"));
        });
    }
}
