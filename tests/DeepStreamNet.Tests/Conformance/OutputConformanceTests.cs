using DeepStreamNet.Pipeline;
using NUnit.Framework;
using static DeepStreamNet.Tests.Conformance.Conformance;

namespace DeepStreamNet.Tests.Conformance;

/// <summary>Tees, tiler, demuxer, sink selection, OSD and auxiliary bins as deepstream-app 6.3 builds them (audit §1.4, 1.6, 1.7).</summary>
public sealed class OutputConformanceTests
{
    private const string Tiled = "tracker_sgie_tiled.txt";

    [Test]
    public void O2_tiled_instance_takes_only_source_0_sinks_else_a_fallback_fakesink_sink_bin_c_731_736_778_788()
    {
        var (g, _) = Build(Tiled, TargetPlatform.DGpu, "sink0.source-id=1");
        Assert.Multiple(() =>
        {
            Assert.That(g.Find("sink0_sink"), Is.Null, "source-id=1 is not processing instance 0");
            Assert.That(g["sink_fake"].Factory, Is.EqualTo("fakesink"));
            Assert.That(Reaches(g, "nvosd", "sink_fake"), Is.True);
        });
    }

    [Test]
    public void O3_demux_mode_leaves_out_link_to_demux_sinks_deepstream_app_c_1127_1137()
    {
        var (g, _) = Build(Tiled, TargetPlatform.DGpu, "tiled-display.enable=0", "sink1.enable=1", "sink1.type=1", "sink1.source-id=1", "sink1.link-to-demux=1");
        Assert.Multiple(() =>
        {
            Assert.That(g.Find("sink1_sink"), Is.Null);
            Assert.That(g.Find("demux_queue_1"), Is.Null, "source 1 has no sink of its own");
            Assert.That(Reaches(g, "demuxer", "sink0_sink"), Is.True);
        });
    }

    [Test]
    public void O4_enable_2_with_every_sink_link_to_demux_gives_the_tiled_branch_a_fakesink_sink_bin_c_778_788()
    {
        var (g, _) = Build(Tiled, TargetPlatform.DGpu, "tiled-display.enable=2", "sink0.type=1", "sink0.link-to-demux=1");
        Assert.Multiple(() =>
        {
            Assert.That(Next(g, "nvosd"), Is.EqualTo(new[] { "sink_bin_tee" }), "the OSD src pad is linked");
            Assert.That(Reaches(g, "sink_bin_tee", "sink_fake"), Is.True);
            Assert.That(Reaches(g, "demuxer", "sink0_sink"), Is.True);
        });
    }

    [Test]
    public void O5_enable_2_builds_every_link_to_demux_sink_on_the_first_ones_source_deepstream_app_c_1300_1318_sink_bin_c_832_878()
    {
        var (g, _) = Build(Tiled, TargetPlatform.DGpu, "tiled-display.enable=2", "sink1.enable=1", "sink1.type=1", "sink1.source-id=1", "sink1.link-to-demux=1",
            "sink2.enable=1", "sink2.type=1", "sink2.source-id=0", "sink2.link-to-demux=1");
        Assert.Multiple(() =>
        {
            Assert.That(g.Links.Single(l => l.From == "demuxer").FromPad, Is.EqualTo("src_1"));
            Assert.That(Reaches(g, "demuxer", "sink1_sink") && Reaches(g, "demuxer", "sink2_sink"), Is.True);
            Assert.That(Reaches(g, "tiled_display_tiler", "sink0_sink"), Is.True);
        });
    }

    [Test]
    public void O7_X3_X2_dsexample_sits_before_the_tiler_tee_with_its_converter_and_caps_deepstream_dsexample_c_46_94()
    {
        string[] ds = ["ds-example.enable=1", "ds-example.processing-width=640", "ds-example.processing-height=480", "ds-example.full-frame=0", "ds-example.blur-objects=1", "ds-example.unique-id=15", "ds-example.nvbuf-memory-type=3"];
        var (g, _) = Build(Tiled, TargetPlatform.DGpu, [.. ds, "tiled-display.enable=2", "sink1.enable=1", "sink1.type=1", "sink1.link-to-demux=1"]);
        Assert.Multiple(() =>
        {
            Assert.That(Chain(g, "dsexample_queue").Take(5), Is.EqualTo(new[] { "queue", "nvvideoconvert", "capsfilter", "dsexample", "tee" }));
            Assert.That(Prop(g, "dsexample_conv0", "nvbuf-memory-type"), Is.EqualTo("3"));
            Assert.That(g["dsexample0"].Get("nvbuf-memory-type"), Is.Null, "gst-dsexample 6.3 has no such property");
            Assert.That(Prop(g, "dsexample0", "blur-objects"), Is.EqualTo("true"));
            Assert.That(Prop(g, "dsexample_caps", "caps"), Is.EqualTo("video/x-raw(memory:NVMM), format=RGBA"));
            Assert.That(Reaches(g, "dsexample0", "demuxer") && Reaches(g, "dsexample0", "tiled_display_tiler"), Is.True, "both branches");
        });
    }

    [Test]
    public void O8_tiler_buffer_pool_size_and_compute_hw_on_jetson_only_tiled_display_bin_c_64_70()
    {
        var (d, _) = Build(Tiled, TargetPlatform.DGpu, "tiled-display.buffer-pool-size=8", "tiled-display.compute-hw=1");
        var (j, _) = Build(Tiled, TargetPlatform.Jetson, "tiled-display.compute-hw=1");
        Assert.Multiple(() =>
        {
            Assert.That(Prop(d, "tiled_display_tiler", "buffer-pool-size"), Is.EqualTo("8"));
            Assert.That(d["tiled_display_tiler"].Get("compute-hw"), Is.Null);
            Assert.That(Prop(j, "tiled_display_tiler", "compute-hw"), Is.EqualTo("1"));
        });
    }

    [Test]
    public void V1_V2_enable_3_builds_an_identity_and_a_tiler_without_size_keeps_its_default_tiled_display_bin_c_42_62()
    {
        var (id, r) = Build(Tiled, TargetPlatform.DGpu, "tiled-display.enable=3");
        var (nosize, r2) = Build(Tiled, TargetPlatform.DGpu, "tiled-display.width=0", "tiled-display.height=0");
        Assert.Multiple(() =>
        {
            Assert.That(id["tiled_display_identity"].Factory, Is.EqualTo("identity"));
            Assert.That(Errors(r).Concat(Errors(r2)), Is.Empty, r + "\n" + r2);
            Assert.That(nosize["tiled_display_tiler"].Get("width"), Is.Null);
        });
    }

    [Test]
    public void D2_clock_properties_are_always_set_with_opaque_alpha_osd_bin_c_28_31_63_66()
    {
        var (g, _) = Build(Tiled);
        Assert.Multiple(() =>
        {
            Assert.That(Prop(g, "nvosd", "display-clock"), Is.EqualTo("false"));
            Assert.That(Prop(g, "nvosd", "clock-font"), Is.EqualTo("Serif"));
            Assert.That(Prop(g, "nvosd", "clock-color"), Is.EqualTo(0xFF0000FFu.ToString(System.Globalization.CultureInfo.InvariantCulture)), "1;0;0;0 with alpha forced to 0xFF");
            Assert.That(Prop(g, "nvosd", "x-clock-offset"), Is.EqualTo("800"));
        });
    }

    [Test]
    public void D3_hw_blend_color_attr_only_with_process_mode_2_osd_bin_c_79_81()
    {
        var (gpu, _) = Build(Tiled, TargetPlatform.Jetson, "osd.process-mode=1", "osd.hw-blend-color-attr=3,1.0,1.0,0.0,0.3:");
        var (hw, _) = Build(Tiled, TargetPlatform.Jetson, "osd.process-mode=2", "osd.hw-blend-color-attr=3,1.0,1.0,0.0,0.3:");
        Assert.Multiple(() =>
        {
            Assert.That(gpu["nvosd"].Get("hw-blend-color-attr"), Is.Null);
            Assert.That(hw["nvosd"].Get("hw-blend-color-attr")!.Value, Is.EqualTo("3,1.0,1.0,0.0,0.3:"));
            Assert.That(hw["nvosd"].ExplicitProperties, Does.Not.Contain("hw-blend-color-attr"), "absent in 6.3's nvdsosd: a warning at run time, as g_object_set");
        });
    }

    [Test]
    public void D4_process_mode_2_on_dgpu_is_a_warning_not_a_failure_gstnvdsosd_c_88_100()
    {
        var (g, r) = Build(Tiled, TargetPlatform.DGpu, "osd.process-mode=2");
        Assert.Multiple(() =>
        {
            Assert.That(Errors(r), Is.Empty, r.ToString());
            Assert.That(Messages(r, DeepStreamNet.Config.Severity.Warning), Has.Some.Contains("process-mode=2 exists only on Jetson"));
            Assert.That(g["nvosd"].ExplicitProperties, Is.Empty);
        });
    }
}
