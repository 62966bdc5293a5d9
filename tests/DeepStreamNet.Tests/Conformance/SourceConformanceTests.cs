using DeepStreamNet.Config;
using DeepStreamNet.Pipeline;
using NUnit.Framework;
using static DeepStreamNet.Tests.Conformance.Conformance;

namespace DeepStreamNet.Tests.Conformance;

/// <summary>Source bins as deepstream-app 6.3 builds them (audit §1.1).</summary>
public sealed class SourceConformanceTests
{
    private const string Rtsp = "rtsp_in.txt";
    private const string Tiled = "tracker_sgie_tiled.txt";

    [TestCase(TargetPlatform.DGpu)]
    [TestCase(TargetPlatform.Jetson)]
    public void S8_rtsp_depayloader_and_parser_are_chosen_from_the_caps_at_run_time_source_bin_c_486_541(TargetPlatform platform)
    {
        var (g, _) = Build(Rtsp, platform);
        var link = g.Links.Single(l => l.From == "src_bin_0_src");
        Assert.Multiple(() =>
        {
            Assert.That(g.Elements.Select(e => e.Factory), Has.None.StartsWith("rtph26").And.None.EqualTo("h264parse"), "no depayloader fixed at build time");
            Assert.That(link.RtpDepayPrefix, Is.EqualTo("src_bin_0"), "the runner inserts src_bin_0_depay/_parse from encoding-name");
            Assert.That(link.To, Is.EqualTo("src_bin_0_queue"));
            Assert.That(Chain(g, "src_bin_0_queue"), Is.EqualTo(new[] { "queue", "nvv4l2decoder", "nvvideoconvert", "capsfilter", "nvstreammux", "queue", "nvinfer", "nvstreamdemux", "queue", "tee", "queue", "fakesink" }));
            Assert.That(g.Sources[0].Elements, Does.Contain("src_bin_0_depay").And.Contain("src_bin_0_parse"), "reconnection and removal cover them");
            Assert.That(link.ToString(), Does.Contain("rtph265depay+h265parse"));
        });
    }

    [Test]
    public void S8_portable_rtsp_source_gets_the_same_run_time_depayloader_then_decodebin()
    {
        var (g, _) = Build(Rtsp, PipelineBackend.Portable, TargetPlatform.DGpu, "primary-gie.enable=0");
        Assert.Multiple(() =>
        {
            Assert.That(g.Links.Single(l => l.From == "src_bin_0_src").RtpDepayPrefix, Is.EqualTo("src_bin_0"));
            Assert.That(Chain(g, "src_bin_0_queue").Take(3), Is.EqualTo(new[] { "queue", "decodebin", "queue" }));
        });
    }

    [Test]
    public void S7_S11_rtspsrc_gets_drop_on_latency_and_protocols_for_4_and_7_source_bin_c_869_880()
    {
        var (g, _) = Build(Rtsp, TargetPlatform.DGpu, "source0.select-rtp-protocol=7");
        var (tcp, _) = Build(Rtsp, TargetPlatform.DGpu, "source0.select-rtp-protocol=4");
        Assert.Multiple(() =>
        {
            Assert.That(Prop(g, "src_bin_0_src", "drop-on-latency"), Is.EqualTo("true"));
            Assert.That(Prop(g, "src_bin_0_src", "latency"), Is.EqualTo("200"));
            Assert.That(Prop(g, "src_bin_0_src", "protocols"), Is.EqualTo("udp+udp-mcast+tcp"));
            Assert.That(Prop(tcp, "src_bin_0_src", "protocols"), Is.EqualTo("tcp"));
        });
    }

    [Test]
    public void S9_rtsp_decoder_gets_gpu_id_and_max_performance_on_jetson_source_bin_c_372_435()
    {
        var (d, _) = Build(Rtsp, TargetPlatform.DGpu);
        var (j, _) = Build(Rtsp, TargetPlatform.Jetson);
        Assert.Multiple(() =>
        {
            Assert.That(Prop(d, "src_bin_0_decoder", "gpu-id"), Is.EqualTo("0"));
            Assert.That(Prop(d, "src_bin_0_decoder", "num-extra-surfaces"), Is.EqualTo("2"));
            Assert.That(d["src_bin_0_decoder"].Get("enable-max-performance"), Is.Null);
            Assert.That(Prop(j, "src_bin_0_decoder", "enable-max-performance"), Is.EqualTo("true"));
        });
    }

    [Test]
    public void S2_uri_decoder_settings_are_applied_in_child_added_source_bin_c_372_435()
    {
        var (g, _) = Build(Tiled, TargetPlatform.Jetson, "source0.drop-frame-interval=2", "source0.intra-decode-enable=1", "source0.low-latency-decode=1");
        string? Setting(string factory, string property) =>
            g.ChildSettings.SingleOrDefault(c => c.Container == "src_bin_0_src" && c.Factories.Contains(factory) && c.Property == property)?.Value.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(Setting("nvv4l2decoder", "drop-frame-interval"), Is.EqualTo("2"));
            Assert.That(Setting("nvv4l2decoder", "skip-frames"), Is.EqualTo("2"));
            Assert.That(Setting("nvv4l2decoder", "num-extra-surfaces"), Is.EqualTo("1"), "N_EXTRA_SURFACES default");
            Assert.That(Setting("nvv4l2decoder", "low-latency-mode"), Is.EqualTo("true"));
            Assert.That(Setting("nvv4l2decoder", "enable-max-performance"), Is.EqualTo("true"), "aarch64 only");
            Assert.That(Setting("nvv4l2decoder", "gpu-id"), Is.EqualTo("0"));
            Assert.That(Setting("h264parse", "config-interval"), Is.EqualTo("-1"));
            Assert.That(g.ChildSettings.Where(c => c.Container == "src_bin_1_src"), Is.Not.Empty, "every instance");
        });
    }

    [Test]
    public void S3_rtsp_uri_in_type_2_sets_latency_on_the_rtspsrc_of_uridecodebin_source_bin_c_292_302()
    {
        var (g, _) = Build(Tiled, TargetPlatform.DGpu, "source0.type=2", "source0.uri=rtsp://127.0.0.1:8554/cam", "source0.udp-buffer-size=200000");
        Assert.Multiple(() =>
        {
            Assert.That(g.ChildSettings.Single(c => c.Factories.Contains("rtspsrc") && c.Property == "latency").Value.ToString(), Is.EqualTo("100"), "deepstream-app's default");
            Assert.That(g.ChildSettings.Single(c => c.Factories.Contains("rtspsrc") && c.Property == "udp-buffer-size").Value.ToString(), Is.EqualTo("200000"));
        });
    }

    [Test]
    public void S4_multi_uri_copies_are_appended_after_all_groups_config_parser_c_552_575()
    {
        var (g, _) = Build(Tiled, TargetPlatform.DGpu, "source0.uri=file:///media/A_%d.mp4",
            "source1.enable=1", "source1.type=3", "source1.num-sources=2", "source1.uri=file:///media/B_%d.mp4");
        var uris = Enumerable.Range(0, 4).Select(i => Prop(g, $"src_bin_{i}_src", "uri")).ToList();
        Assert.That(uris, Is.EqualTo(new[] { "file:///media/A_0.mp4", "file:///media/B_0.mp4", "file:///media/A_1.mp4", "file:///media/B_1.mp4" }));
    }

    [Test]
    public void S5_S1_uri_caps_are_nvmm_with_the_format_only_when_video_format_is_set_source_bin_c_1251_1266()
    {
        var (plain, _) = Build(Tiled);
        var (rgba, _) = Build(Tiled, TargetPlatform.DGpu, "source0.video-format=RGBA");
        Assert.Multiple(() =>
        {
            Assert.That(Prop(plain, "src_bin_0_cap_filter", "caps"), Is.EqualTo("video/x-raw(memory:NVMM)"));
            Assert.That(Prop(rgba, "src_bin_0_cap_filter", "caps"), Is.EqualTo("video/x-raw(memory:NVMM), format=RGBA"));
        });
    }

    [Test]
    public void S6_v4l2_camera_converts_in_system_memory_only_on_dgpu_and_caps_carry_size_and_rate_source_bin_c_122_163()
    {
        string[] camera = ["source0.type=1", "source0.camera-width=640", "source0.camera-height=480", "source0.camera-fps-n=30", "source0.camera-fps-d=1", "source0.camera-v4l2-dev-node=0"];
        var (d, _) = Build(Tiled, TargetPlatform.DGpu, camera);
        var (j, _) = Build(Tiled, TargetPlatform.Jetson, camera);
        Assert.Multiple(() =>
        {
            Assert.That(Chain(d, "src_bin_0_src").Take(5), Is.EqualTo(new[] { "v4l2src", "capsfilter", "videoconvert", "nvvideoconvert", "capsfilter" }));
            Assert.That(Chain(j, "src_bin_0_src").Take(4), Is.EqualTo(new[] { "v4l2src", "capsfilter", "nvvideoconvert", "capsfilter" }));
            Assert.That(Prop(j, "src_bin_0_cap_filter", "caps"), Is.EqualTo("video/x-raw(memory:NVMM), format=NV12, width=640, height=480, framerate=30/1"));
        });
    }

    [Test]
    public void S12_S13_csi_camera_on_jetson_has_no_bufapi_version_and_no_converter_source_bin_c_45_52_101_120()
    {
        var (g, _) = Build(Tiled, TargetPlatform.Jetson, "source0.type=5", "source0.camera-csi-sensor-id=1", "source0.camera-width=1920", "source0.camera-height=1080", "source0.camera-fps-n=30", "source0.camera-fps-d=1");
        Assert.Multiple(() =>
        {
            Assert.That(g["src_bin_0_src"].Factory, Is.EqualTo("nvarguscamerasrc"));
            Assert.That(g["src_bin_0_src"].Properties.Select(p => $"{p.Key}={p.Value}"), Is.EqualTo(new[] { "sensor-id=1" }));
            Assert.That(Chain(g, "src_bin_0_src").Take(3), Is.EqualTo(new[] { "nvarguscamerasrc", "capsfilter", "nvstreammux" }));
            Assert.That(Prop(g, "src_bin_0_cap_filter", "caps"), Is.EqualTo("video/x-raw(memory:NVMM), format=NV12, width=1920, height=1080, framerate=30/1"));
        });
    }

    [Test]
    public void S18_source_list_batch_size_keys_take_the_source_count_and_sgie_batch_size_config_parser_c_521_530()
    {
        var (g, _) = Build(Tiled, TargetPlatform.DGpu, "source0.enable=0", "source-list.num-source-bins=2",
            "source-list.list=file:///media/a.mp4;file:///media/b.mp4", "source-list.sgie-batch-size=8", "source-attr-all.enable=1", "primary-gie.batch-size=4");
        Assert.Multiple(() =>
        {
            Assert.That(Prop(g, "primary_gie", "batch-size"), Is.EqualTo("2"), "[primary-gie] batch-size=4 is set, so the source count wins");
            Assert.That(Prop(g, "secondary_gie_0", "batch-size"), Is.EqualTo("8"), "batch-size=16 is set, so sgie-batch-size wins");
        });
    }

    [Test]
    public void S15_a_source_N_override_of_a_list_entry_starts_from_parse_sources_defaults_config_file_parser_c_410_432_434()
    {
        var (g, _) = Build(Tiled, TargetPlatform.DGpu, "source0.enable=0", "source-list.num-source-bins=2",
            "source-list.list=rtsp://127.0.0.1/a;rtsp://127.0.0.1/b", "source-attr-all.enable=1", "source-attr-all.latency=300",
            "source1.enable=1", "source1.drop-frame-interval=1");
        Assert.Multiple(() =>
        {
            Assert.That(Prop(g, "src_bin_0_src", "latency"), Is.EqualTo("300"), "entry 0 keeps [source-attr-all]");
            Assert.That(Prop(g, "src_bin_1_src", "latency"), Is.EqualTo("100"), "entry 1 is overridden: latency reset to 100");
        });
    }
}
