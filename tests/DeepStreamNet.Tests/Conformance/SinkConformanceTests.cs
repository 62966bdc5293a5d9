using DeepStreamNet.Config;
using DeepStreamNet.Pipeline;
using NUnit.Framework;
using static DeepStreamNet.Tests.Conformance.Conformance;

namespace DeepStreamNet.Tests.Conformance;

/// <summary>Sink bins and the broker placement as deepstream-app 6.3 builds them (audit §1.5) and the sink validator items.</summary>
public sealed class SinkConformanceTests
{
    private const string Broker = "broker_tiled.txt";
    private const string Tiled = "tracker_sgie_tiled.txt";

    [TestCase(PipelineBackend.DeepStream)]
    [TestCase(PipelineBackend.Portable)]
    public void K1_K2_broker_reads_common_analytics_tee_before_the_tiler_through_a_leaky_queue_of_20_deepstream_app_c_771_811_sink_bin_c_226_233(PipelineBackend backend)
    {
        var (g, _) = Build(Broker, backend, TargetPlatform.DGpu);
        Assert.Multiple(() =>
        {
            Assert.That(Prev(g, "common_analytics_tee"), Is.EqualTo("tracking_tracker"));
            Assert.That(Prev(g, "sink1_queue"), Is.EqualTo("common_analytics_tee"));
            Assert.That(Prop(g, "sink1_queue", "leaky"), Is.EqualTo("downstream"));
            Assert.That(Prop(g, "sink1_queue", "max-size-buffers"), Is.EqualTo("20"));
            Assert.That(Reaches(g, "common_analytics_tee", "tiled_display_tiler"), Is.True, "the tiler is after the tee");
            Assert.That(Reaches(g, "tiled_display_tiler", "sink1_queue"), Is.False, "the broker sees untiled metadata");
        });
        if (backend == PipelineBackend.DeepStream)
        {
            Assert.That(Chain(g, "sink1_queue"), Is.EqualTo(new[] { "queue", "nvmsgconv", "nvmsgbroker" }));
        }
        else
        {
            Assert.That(g.MessageSinks.Single().Element, Is.EqualTo("sink1_sink"), "DeepStreamNet.Service probes this fakesink");
            Assert.That(Prev(g, "sink1_sink"), Is.EqualTo("sink1_queue"));
        }
    }

    [Test]
    public void K3_broker_sync_follows_the_sink_and_disable_msgconv_leaves_a_queue_sink_bin_c_236_264()
    {
        var (g, _) = Build(Broker, TargetPlatform.DGpu, "sink1.sync=1", "sink1.disable-msgconv=1");
        Assert.Multiple(() =>
        {
            Assert.That(Prop(g, "sink1_msgbroker", "sync"), Is.EqualTo("true"));
            Assert.That(Chain(g, "sink1_queue"), Is.EqualTo(new[] { "queue", "queue", "nvmsgbroker" }));
        });
    }

    [Test]
    public void K4_message_converter_group_adds_common_msg_conv_before_the_tee_deepstream_app_c_1085_1105()
    {
        var (g, _) = Build(Broker, TargetPlatform.DGpu, "message-converter.enable=1", "message-converter.msg-conv-config=../../Config/TestData/msgconv_config.txt",
            "message-converter.msg-conv-payload-type=1", "sink1.disable-msgconv=1");
        Assert.Multiple(() =>
        {
            Assert.That(g["common_msg_conv"].Factory, Is.EqualTo("nvmsgconv"));
            Assert.That(Next(g, "common_msg_conv"), Is.EqualTo(new[] { "common_analytics_tee" }));
            Assert.That(Prop(g, "common_msg_conv", "msg2p-lib"), Is.EqualTo("null"));
            Assert.That(Prop(g, "common_msg_conv", "payload-type"), Is.EqualTo("1"));
        });
    }

    [TestCase(TargetPlatform.DGpu, "nveglglessink")]
    [TestCase(TargetPlatform.Jetson, "nv3dsink")]
    public void K5_K6_K7_renderers_never_drop_late_frames_and_use_deepstream_apps_chain_sink_bin_c_93_160(TargetPlatform platform, string factory)
    {
        var (g, _) = Build(Tiled, platform);
        var sink = g["sink0_sink"];
        Assert.Multiple(() =>
        {
            Assert.That(sink.Factory, Is.EqualTo(factory));
            Assert.That(Prop(g, "sink0_sink", "max-lateness"), Is.EqualTo("-1"));
            Assert.That(Prop(g, "sink0_sink", "async"), Is.EqualTo("false"));
            Assert.That(Prop(g, "sink0_sink", "qos"), Is.EqualTo("false"), "qos forced off unless the key says otherwise (deepstream_app.c:1187-1205)");
            Assert.That(Prop(g, "sink0_sink", "enable-last-sample"), Is.EqualTo("false"));
            Assert.That(sink.Get("gpu-id"), Is.Null);
        });
        Assert.That(Chain(g, "sink0_queue"), Is.EqualTo(platform == TargetPlatform.Jetson
            ? new[] { "queue", "nv3dsink" }
            : new[] { "queue", "nvvideoconvert", "capsfilter", "nveglglessink" }));
    }

    [Test]
    public void K8_hardware_file_encoder_gets_mmap_output_and_iframeinterval_0_when_unset_sink_bin_c_381_402()
    {
        var (g, _) = Build(Tiled, TargetPlatform.DGpu, "sink1.enable=1", "sink1.type=3", "sink1.codec=1", "sink1.enc-type=0", "sink1.container=1", "sink1.output-file=/tmp/out.mp4", "sink1.copy-meta=1");
        Assert.Multiple(() =>
        {
            Assert.That(Prop(g, "sink1_encoder", "iframeinterval"), Is.EqualTo("0"));
            Assert.That(Prop(g, "sink1_encoder", "output-io-mode"), Is.EqualTo("2"));
            Assert.That(Prop(g, "sink1_encoder", "copy-meta"), Is.EqualTo("true"));
        });
    }

    [Test]
    public void K9_software_file_encoders_get_speed_preset_for_h264_and_h265_sink_bin_c_404_411()
    {
        var (g, _) = Build(Tiled, TargetPlatform.DGpu, "sink1.enable=1", "sink1.type=3", "sink1.codec=2", "sink1.enc-type=1", "sink1.container=2", "sink1.output-file=/tmp/out.mkv", "sink1.bitrate=2000000");
        Assert.Multiple(() =>
        {
            Assert.That(g["sink1_encoder"].Factory, Is.EqualTo("x265enc"));
            Assert.That(Prop(g, "sink1_encoder", "speed-preset"), Is.EqualTo("0"));
            Assert.That(Prop(g, "sink1_encoder", "bitrate"), Is.EqualTo("2000"));
        });
    }

    [TestCase(TargetPlatform.DGpu)]
    [TestCase(TargetPlatform.Jetson)]
    public void K10_rtsp_out_has_a_parser_sync_0_and_jetson_encoder_presets_sink_bin_c_542_689(TargetPlatform platform)
    {
        var (g, _) = Build(Tiled, platform, "sink1.enable=1", "sink1.type=4", "sink1.codec=1", "sink1.sync=1", "sink1.rtsp-port=8554", "sink1.udp-port=5400", "sink1.udp-buffer-size=100000");
        Assert.Multiple(() =>
        {
            Assert.That(Chain(g, "sink1_encoder"), Is.EqualTo(new[] { "nvv4l2h264enc", "h264parse", "rtph264pay", "udpsink" }));
            Assert.That(Prop(g, "sink1_sink", "sync"), Is.EqualTo("false"));
            Assert.That(g["sink1_sink"].Get("buffer-size"), Is.Null, "udp-buffer-size is the RTSP server's");
            Assert.That(g["sink1_encoder"].Get("insert-sps-pps")?.ToString(), Is.EqualTo(platform == TargetPlatform.Jetson ? "true" : null));
            Assert.That(g["sink1_encoder"].Get("preset-level")?.ToString(), Is.EqualTo(platform == TargetPlatform.Jetson ? "1" : null));
        });
    }

    [Test]
    public void V3_no_enabled_sink_is_accepted_and_ends_in_a_fakesink_sink_bin_c_778_788()
    {
        var (g, r) = Build(Tiled, TargetPlatform.DGpu, "sink0.enable=0");
        Assert.Multiple(() =>
        {
            Assert.That(Errors(r), Is.Empty, r.ToString());
            Assert.That(g["sink_fake"].Factory, Is.EqualTo("fakesink"));
        });
    }

    [Test]
    public void V4_udp_port_may_equal_rtsp_port()
    {
        var r = Report(Tiled, "sink1.enable=1", "sink1.type=4", "sink1.codec=1", "sink1.rtsp-port=8554", "sink1.udp-port=8554");
        Assert.That(Errors(r), Is.Empty, r.ToString());
    }

    [Test]
    public void V9_sink_type_5_on_dgpu_is_an_error_sink_bin_c_75_79()
    {
        var (_, d) = Build(Tiled, TargetPlatform.DGpu, "sink0.type=5");
        var (_, j) = Build(Tiled, TargetPlatform.Jetson, "sink0.type=5");
        Assert.Multiple(() =>
        {
            Assert.That(d.Errors.Select(e => e.Message), Has.Some.Contains("only supported on Jetson"));
            Assert.That(Errors(j), Is.Empty, j.ToString());
        });
    }

    [Test]
    public void V10_V11_broker_needs_analytics_and_source_id_0_deepstream_app_c_771_811()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Report(Broker, "primary-gie.enable=0", "tracker.enable=0").Errors.Select(e => e.Message), Has.Some.Contains("broker added without analytics"));
            Assert.That(Report(Broker, "sink1.source-id=1").Errors.Select(e => e.Key), Has.Some.EqualTo("source-id"));
            Assert.That(Errors(Report(Broker)), Is.Empty);
        });
    }

    [Test]
    public void V12_broker_without_msg_conv_config_is_accepted_sink_bin_c_246_253()
    {
        var (g, r) = BuildEdited(Broker, t => t.Replace("msg-conv-config=", "#msg-conv-config=", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(Errors(r), Is.Empty, r.ToString());
            Assert.That(g["sink1_msgconv"].Get("config"), Is.Null);
        });
    }
}
