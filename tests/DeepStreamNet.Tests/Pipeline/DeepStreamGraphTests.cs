using DeepStreamNet.Config;
using DeepStreamNet.Pipeline;
using NUnit.Framework;
using static DeepStreamNet.Tests.Pipeline.GraphTestHelpers;

namespace DeepStreamNet.Tests.Pipeline;

/// <summary>The DeepStream 6.3 graph: elements, order and properties as deepstream-app builds them.</summary>
public sealed class DeepStreamGraphTests
{
    [Test]
    public void File_source_chain_in_deepstream_app_order()
    {
        var (g, report) = Build("app_file.txt", PipelineBackend.DeepStream);
        AssertWellFormed(g);
        Assert.Multiple(() =>
        {
            Assert.That(FactoriesFrom(g, "src_bin_0_src"), Is.EqualTo(new[]
            {
                "uridecodebin", "queue", "nvvideoconvert", "capsfilter", "nvstreammux", "queue", "nvinfer", "nvtracker",
                "queue", "nvmultistreamtiler", "queue", "nvvideoconvert", "nvdsosd", "tee", "queue",
                "nvvideoconvert", "capsfilter", "nvv4l2h264enc", "h264parse", "qtmux", "filesink",
            }));
            Assert.That(g.Links.Single(l => l.From == "src_bin_0_src").FromPad, Is.EqualTo("src_%u"), "uridecodebin pads appear at run time");
            Assert.That(g.Links.Single(l => l.To == "src_bin_muxer").ToPad, Is.EqualTo("sink_0"));
            Assert.That(Prop(g, "src_bin_0_src", "uri"), Does.StartWith("file:///").And.EndWith("facemask-demo-720p.mp4"));
            Assert.That(g.ChildSettings.Single(c => c.Container == "src_bin_0_src" && c.Property == "drop-frame-interval").Value.ToString(), Is.EqualTo("2"), "set on the decoder in child-added");
            Assert.That(Prop(g, "src_bin_0_cap_filter", "caps"), Is.EqualTo("video/x-raw(memory:NVMM)"), "format only with video-format (deepstream_source_bin.c:1251-1266)");
            Assert.That(report.Errors.Select(e => e.Key), Is.EqualTo(File.Exists("/opt/nvidia/deepstream/deepstream/lib/libnvds_nvmultiobjecttracker.so") ? [] : new[] { "ll-lib-file" }), "on DeepStream a missing tracker library is an error");
        });
    }

    [Test]
    public void Muxer_gets_the_streammux_keys()
    {
        var (g, _) = Build("app_file.txt", PipelineBackend.DeepStream);
        var mux = g["src_bin_muxer"];
        Assert.Multiple(() =>
        {
            Assert.That(mux.Factory, Is.EqualTo("nvstreammux"));
            Assert.That(mux.Properties.Select(p => $"{p.Key}={p.Value}"), Is.EqualTo(new[]
            {
                "gpu-id=0", "nvbuf-memory-type=0", "live-source=false", "batched-push-timeout=40000", "batch-size=1",
                "enable-padding=false", "width=1280", "height=720", "attach-sys-ts=true",
            }));
        });
    }

    [Test]
    public void Primary_gie_gets_the_element_overrides()
    {
        var (g, _) = Build("app_file.txt", PipelineBackend.DeepStream, TargetPlatform.DGpu, "primary-gie.model-engine-file=/engines/m.engine", "primary-gie.interval=2");
        var pgie = g["primary_gie"];
        Assert.That(pgie.Properties.Select(p => $"{p.Key}={p.Value}"), Is.EqualTo(new[]
        {
            $"config-file-path={Path.Combine(Config.ConfigTestPaths.ConfigData, "config_infer_primary_ultraface.txt")}",
            "process-mode=primary", "unique-id=1", "batch-size=1", "interval=2", "gpu-id=0", "model-engine-file=/engines/m.engine",
        }));
        Assert.That(pgie.Get("unique-id")!.Kind, Is.EqualTo(GraphValueKind.UInt));
    }

    [Test]
    public void Tracker_gets_its_keys()
    {
        var (g, _) = Build("app_file.txt", PipelineBackend.DeepStream);
        Assert.Multiple(() =>
        {
            Assert.That(Prop(g, "tracking_tracker", "tracker-width"), Is.EqualTo("640"));
            Assert.That(Prop(g, "tracking_tracker", "tracker-height"), Is.EqualTo("384"));
            Assert.That(Prop(g, "tracking_tracker", "ll-lib-file"), Is.EqualTo("/opt/nvidia/deepstream/deepstream/lib/libnvds_nvmultiobjecttracker.so"));
            Assert.That(Prop(g, "tracking_tracker", "display-tracking-id"), Is.EqualTo("true"));
        });
    }

    [Test]
    public void Osd_gets_process_mode_display_flags_and_clock()
    {
        var (g, _) = Build("app_file.txt", PipelineBackend.DeepStream);
        var osd = g["nvosd"];
        Assert.Multiple(() =>
        {
            Assert.That(Prop(g, "nvosd", "process-mode"), Is.EqualTo("1"));
            Assert.That(Prop(g, "nvosd", "display-text"), Is.EqualTo("true"));
            Assert.That(Prop(g, "nvosd", "display-clock"), Is.EqualTo("true"));
            Assert.That(Prop(g, "nvosd", "x-clock-offset"), Is.EqualTo("800"));
            Assert.That(osd.Get("clock-color")!.Value, Is.EqualTo(0xFF0000FFu), "1;0;0;0 packed as 0xRRGGBBAA, alpha forced opaque like deepstream_osd_bin.c:63-66");
        });
    }

    [Test]
    public void Source_type_1_v4l2_camera()
    {
        var (g, _) = Build("app_camera.txt", PipelineBackend.DeepStream);
        Assert.Multiple(() =>
        {
            Assert.That(FactoriesFrom(g, "src_bin_0_src").Take(6), Is.EqualTo(new[] { "v4l2src", "capsfilter", "videoconvert", "nvvideoconvert", "capsfilter", "nvstreammux" }));
            Assert.That(Prop(g, "src_bin_0_src", "device"), Is.EqualTo("/dev/video2"));
            Assert.That(Prop(g, "src_bin_0_cap_filter1", "caps"), Is.EqualTo("video/x-raw, width=640, height=480, framerate=30/1"));
            Assert.That(Prop(g, "src_bin_muxer", "live-source"), Is.EqualTo("true"));
        });
    }

    [Test]
    public void Source_type_2_and_3_use_uridecodebin_per_instance()
    {
        var (g, _) = Build("app_multistream8.txt", PipelineBackend.DeepStream);
        Assert.Multiple(() =>
        {
            Assert.That(g.OfFactory("uridecodebin").Count(), Is.EqualTo(8));
            Assert.That(g.Links.Where(l => l.To == "src_bin_muxer").Select(l => l.ToPad), Is.EqualTo(Enumerable.Range(0, 8).Select(i => $"sink_{i}")));
            Assert.That(Prop(g, "src_bin_muxer", "batch-size"), Is.EqualTo("8"));
            Assert.That((Prop(g, "tiled_display_tiler", "rows"), Prop(g, "tiled_display_tiler", "columns")), Is.EqualTo(("4", "2")), "deepstream-app's recomputed grid");
            Assert.That(g.Find("nvosd"), Is.Null, "[osd] enable=0");
        });
    }

    [Test]
    public void Source_type_4_rtsp_bin_with_depay_parse_decoder()
    {
        var (g, _) = Build("app_rtsp.txt", PipelineBackend.DeepStream);
        Assert.Multiple(() =>
        {
            Assert.That(FactoriesFrom(g, "src_bin_0_src").Take(6), Is.EqualTo(new[] { "rtspsrc", "queue", "nvv4l2decoder", "nvvideoconvert", "capsfilter", "nvstreammux" }));
            Assert.That(g.Links.Single(l => l.From == "src_bin_0_src").RtpDepayPrefix, Is.EqualTo("src_bin_0"), "depayloader + parser from the caps at run time");
            Assert.That(Prop(g, "src_bin_0_src", "location"), Is.EqualTo("rtsp://camera.local:554/stream1"));
            Assert.That(Prop(g, "src_bin_0_src", "latency"), Is.EqualTo("200"));
            Assert.That(Prop(g, "src_bin_0_src", "protocols"), Is.EqualTo("tcp"));
            Assert.That(g["src_bin_0_src"].Note, Does.Contain("reconnect after 10 s"));
        });
    }

    [Test]
    public void Source_type_5_csi_on_jetson_and_dgpu()
    {
        var (jetson, jr) = Build("app_csi.txt", PipelineBackend.DeepStream, TargetPlatform.Jetson);
        var (dgpu, dr) = Build("app_csi.txt", PipelineBackend.DeepStream, TargetPlatform.DGpu);
        Assert.Multiple(() =>
        {
            Assert.That(FactoriesFrom(jetson, "src_bin_0_src").Take(3), Is.EqualTo(new[] { "nvarguscamerasrc", "capsfilter", "nvstreammux" }));
            Assert.That(Prop(jetson, "src_bin_0_src", "sensor-id"), Is.EqualTo("1"));
            Assert.That(Prop(jetson, "src_bin_0_cap_filter", "caps"), Is.EqualTo("video/x-raw(memory:NVMM), format=NV12, width=1280, height=720, framerate=30/1"));
            Assert.That(jr.Errors, Is.Empty);
            Assert.That(dgpu["src_bin_0_src"].Factory, Is.EqualTo("videotestsrc"));
            Assert.That(dr.Warnings.Select(w => w.Message), Has.Some.Contains("exists only on Jetson"));
        });
    }

    [Test]
    public void Sink_type_1_fakesink()
    {
        var (g, _) = Build("app_camera.txt", PipelineBackend.DeepStream);
        Assert.Multiple(() =>
        {
            Assert.That(FactoriesFrom(g, "sink1_queue"), Is.EqualTo(new[] { "queue", "fakesink" }));
            Assert.That(Prop(g, "sink1_sink", "sync"), Is.EqualTo("false"));
            Assert.That(Prop(g, "sink1_sink", "qos"), Is.EqualTo("false"));
        });
    }

    [Test]
    public void Sink_type_2_renderer_per_platform()
    {
        var (dgpu, _) = Build("app_camera.txt", PipelineBackend.DeepStream, TargetPlatform.DGpu);
        var (jetson, _) = Build("app_camera.txt", PipelineBackend.DeepStream, TargetPlatform.Jetson);
        Assert.Multiple(() =>
        {
            Assert.That(FactoriesFrom(dgpu, "sink0_queue"), Is.EqualTo(new[] { "queue", "nvvideoconvert", "capsfilter", "nveglglessink" }));
            Assert.That(FactoriesFrom(jetson, "sink0_queue"), Is.EqualTo(new[] { "queue", "nv3dsink" }), "6.2+ numbering: type 2 is nv3dsink on Jetson, no converter on integrated GPUs");
            Assert.That(Prop(dgpu, "sink0_sink", "window-width"), Is.EqualTo("1280"));
            Assert.That(dgpu.Links.Count(l => l.From == "sink_bin_tee"), Is.EqualTo(2), "one tee branch per sink");
        });
    }

    [Test]
    public void Sink_type_3_encoders_and_containers()
    {
        var (hw, _) = Build("app_file.txt", PipelineBackend.DeepStream);
        var (sw, _) = Build("app_multistream4.txt", PipelineBackend.DeepStream);
        var (mpeg4, _) = Build("app_file.txt", PipelineBackend.DeepStream, TargetPlatform.DGpu, "sink0.codec=3", "sink0.container=2", "sink0.output-file=x.mkv");
        Assert.Multiple(() =>
        {
            Assert.That(Prop(hw, "sink0_encoder", "bitrate"), Is.EqualTo("4000000"));
            Assert.That(Prop(hw, "sink0_encoder", "iframeinterval"), Is.EqualTo("30"));
            Assert.That(Prop(hw, "sink0_sink", "location"), Is.EqualTo("facemask-out.mp4"));
            Assert.That(FactoriesFrom(sw, "sink0_queue"), Is.EqualTo(new[] { "queue", "nvvideoconvert", "capsfilter", "x265enc", "h265parse", "matroskamux", "filesink" }));
            Assert.That(Prop(sw, "sink0_cap_filter", "caps"), Is.EqualTo("video/x-raw, format=I420"), "software encoders take system memory");
            Assert.That(Prop(sw, "sink0_encoder", "bitrate"), Is.EqualTo("2000"), "x265enc bitrate is kbit/s");
            Assert.That(FactoriesFrom(mpeg4, "sink0_queue").Skip(3), Is.EqualTo(new[] { "avenc_mpeg4", "mpeg4videoparse", "matroskamux", "filesink" }));
        });
    }

    [Test]
    public void Sink_type_4_rtsp_streaming_with_server()
    {
        var (g, _) = Build("app_rtsp.txt", PipelineBackend.DeepStream);
        Assert.Multiple(() =>
        {
            Assert.That(FactoriesFrom(g, "sink0_queue"), Is.EqualTo(new[] { "queue", "nvvideoconvert", "capsfilter", "nvv4l2h264enc", "h264parse", "rtph264pay", "udpsink" }));
            Assert.That(Prop(g, "sink0_sink", "port"), Is.EqualTo("5400"));
            Assert.That(Prop(g, "sink0_sink", "host"), Is.EqualTo("224.224.255.255"));
            Assert.That(g.RtspServers.Single(), Is.EqualTo(new RtspServerSpec("sink0", 8554, "/ds-test", 5400, "H264", 100000)));
            Assert.That(g.RtspServers[0].Url, Is.EqualTo("rtsp://localhost:8554/ds-test"));
        });
    }

    [Test]
    public void Sink_type_5_drm()
    {
        var (g, r) = Build("app_csi.txt", PipelineBackend.DeepStream, TargetPlatform.Jetson);
        Assert.Multiple(() =>
        {
            Assert.That(FactoriesFrom(g, "sink0_queue"), Is.EqualTo(new[] { "queue", "nvdrmvideosink" }));
            Assert.That((Prop(g, "sink0_sink", "conn-id"), Prop(g, "sink0_sink", "plane-id"), Prop(g, "sink0_sink", "set-mode")), Is.EqualTo(("0", "1", "1")));
            Assert.That(r.Warnings.Select(w => w.Message), Has.None.Contains("Jetson element"));
        });
    }

    [Test]
    public void Sink_type_6_message_converter_and_broker()
    {
        var (g, _) = Build("app_msgbroker.txt", PipelineBackend.DeepStream);
        Assert.Multiple(() =>
        {
            Assert.That(FactoriesFrom(g, "sink1_queue"), Is.EqualTo(new[] { "queue", "nvmsgconv", "nvmsgbroker" }));
            Assert.That(Prop(g, "sink1_msgconv", "config"), Is.EqualTo(Config.ConfigTestPaths.Data("msgconv_config.txt")));
            Assert.That(Prop(g, "sink1_msgconv", "payload-type"), Is.EqualTo("1"));
            Assert.That(Prop(g, "sink1_msgconv", "frame-interval"), Is.EqualTo("15"));
            Assert.That(Prop(g, "sink1_msgbroker", "proto-lib"), Is.EqualTo("/opt/nvidia/deepstream/deepstream/lib/libnvds_kafka_proto.so"));
            Assert.That(Prop(g, "sink1_msgbroker", "conn-str"), Is.EqualTo("\"localhost;9092\""));
            Assert.That(Prop(g, "sink1_msgbroker", "topic"), Is.EqualTo("facemask-events"));
        });
    }

    [Test]
    public void Tiler_disabled_builds_one_output_per_named_source_through_the_demuxer()
    {
        var (g, _) = Build("app_demux.txt", PipelineBackend.DeepStream);
        AssertWellFormed(g);
        Assert.Multiple(() =>
        {
            Assert.That(g.Find("tiled_display_tiler"), Is.Null);
            Assert.That(g.Links.Where(l => l.From == "demuxer").Select(l => l.FromPad), Is.EqualTo(new[] { "src_0", "src_1" }));
            Assert.That(FactoriesFrom(g, "demux_queue_0"), Is.EqualTo(new[] { "queue", "queue", "nvvideoconvert", "nvdsosd", "tee", "queue", "fakesink" }));
            Assert.That(FactoriesFrom(g, "demux_queue_1")[^1], Is.EqualTo("filesink"));
            Assert.That(g.RunOptions.RewriteLabels, Is.True, "labels are rebuilt when the tiler is off");
        });
    }

    [Test]
    public void Tiler_and_demuxer_in_parallel_for_enable_2()
    {
        var (g, _) = Build("app_tiler_demux.txt", PipelineBackend.DeepStream);
        AssertWellFormed(g);
        Assert.Multiple(() =>
        {
            Assert.That(g.Links.Count(l => l.From == "tiler_demux_tee"), Is.EqualTo(2));
            Assert.That(FactoriesFrom(g, "tiler_branch_queue"), Does.Contain("nvmultistreamtiler").And.Contain("fakesink"));
            Assert.That(g.Links.Single(l => l.From == "demuxer").FromPad, Is.EqualTo("src_1"));
            Assert.That(FactoriesFrom(g, "demux_queue_1")[^1], Is.EqualTo("fakesink"));
        });
    }

    [Test]
    public void Secondary_gie_follows_the_primary_with_its_targets()
    {
        var (g, _) = Build("app_secondary.txt", PipelineBackend.DeepStream);
        var sgie = g["secondary_gie_0"];
        Assert.Multiple(() =>
        {
            Assert.That(FactoriesFrom(g, "primary_gie").Take(3), Is.EqualTo(new[] { "nvinfer", "queue", "nvinfer" }));
            Assert.That(Prop(g, "secondary_gie_0", "process-mode"), Is.EqualTo("secondary"));
            Assert.That(Prop(g, "secondary_gie_0", "infer-on-gie-id"), Is.EqualTo("1"));
            Assert.That(Prop(g, "secondary_gie_0", "infer-on-class-ids"), Is.EqualTo("1:"));
            Assert.That(Prop(g, "secondary_gie_0", "batch-size"), Is.EqualTo("16"));
            Assert.That(g.GieStyles.Select(s => (s.Gie, s.GieUniqueId)), Is.EqualTo(new[] { ("primary-gie", 1), ("secondary-gie0", 2) }));
            Assert.That(g.GieStyles[1].BorderColorOf(0), Is.EqualTo(new Rgba(0, 0, 1, 1)));
            Assert.That(g.OfFactory("nvinfer").Count(), Is.EqualTo(2), "the disabled secondary-gie1 is skipped");
        });
    }

    [Test]
    public void Gie_styling_and_run_options_are_kept_for_the_host()
    {
        var (g, _) = Build("app_file.txt", PipelineBackend.DeepStream);
        var style = g.GieStyles.Single();
        Assert.Multiple(() =>
        {
            Assert.That(style.GieUniqueId, Is.EqualTo(1));
            Assert.That(style.BorderColorOf(0), Is.EqualTo(new Rgba(0, 1, 0, 1)));
            Assert.That(style.BorderColorOf(1), Is.EqualTo(new Rgba(1, 0, 0, 1)));
            Assert.That(style.BorderColorOf(7), Is.EqualTo(new Rgba(1, 0, 0, 1)), "generic bbox-border-color default (red)");
            Assert.That(style.BackgroundColorOf(1), Is.EqualTo(new Rgba(1, 0, 0, 0.2)));
            Assert.That(style.BackgroundColorOf(0), Is.Null);
            Assert.That(style.BorderWidth, Is.EqualTo(3));
            Assert.That(g.LabelStyle, Is.EqualTo(new LabelStyle("Serif", 15, new Rgba(1, 1, 1, 1), new Rgba(0.3, 0.3, 0.3, 1), 3)));
            Assert.That(g.RunOptions, Is.EqualTo(new RunOptions { EnablePerfMeasurement = true, PerfMeasurementIntervalSec = 5, FileLoop = false, RewriteLabels = true, DisplayTrackingId = true }));
        });
    }

    [Test]
    public void Optional_plugins_are_placed_in_order()
    {
        var (g, _) = Build("app_file.txt", PipelineBackend.DeepStream, TargetPlatform.DGpu,
            "pre-process.enable=1", "pre-process.config-file=msgconv_config.txt", "nvds-analytics.enable=1", "nvds-analytics.config-file=msgconv_config.txt",
            "ds-example.enable=1", "ds-example.processing-width=320");
        Assert.That(FactoriesFrom(g, "src_bin_muxer").Take(12), Is.EqualTo(new[]
        {
            "nvstreammux", "queue", "nvdspreprocess", "queue", "nvinfer", "nvtracker", "queue", "nvdsanalytics", "queue", "nvvideoconvert", "capsfilter", "dsexample",
        }));
    }

    [Test]
    public void Source_list_forces_the_muxer_batch_size_to_the_number_of_sources()
    {
        var (g, r) = Build("app_source_list.txt", PipelineBackend.DeepStream);
        var (keyed, _) = Build("app_source_list.txt", PipelineBackend.DeepStream, TargetPlatform.DGpu, "primary-gie.batch-size=1");
        Assert.Multiple(() =>
        {
            Assert.That(Prop(g, "src_bin_muxer", "batch-size"), Is.EqualTo("2"));
            Assert.That(Prop(g, "primary_gie", "batch-size"), Is.Null, "no batch-size key in [primary-gie]: deepstream-app sets none (audit S18)");
            Assert.That(Prop(keyed, "primary_gie", "batch-size"), Is.EqualTo("2"), "a batch-size key is replaced by the source count");
            Assert.That(g["src_bin_0_src"].Factory, Is.EqualTo("uridecodebin"));
            Assert.That(g["src_bin_1_src"].Factory, Is.EqualTo("rtspsrc"));
            Assert.That(Prop(g, "src_bin_1_src", "latency"), Is.EqualTo("500"), "[source1] overrides list entry 1");
            Assert.That(r.Warnings, Is.Empty, r.ToString());
        });
    }
}
