using DeepStreamNet.Config;
using DeepStreamNet.Pipeline;
using NUnit.Framework;
using static DeepStreamNet.Tests.Pipeline.GraphTestHelpers;

namespace DeepStreamNet.Tests.Pipeline;

/// <summary>The portable graph: dsnet* elements in the same roles, stock GStreamer elements elsewhere, clear errors for what has no portable form.</summary>
public sealed class PortableGraphTests
{
    [Test]
    public void File_pipeline_uses_dsnet_elements_and_software_encoding()
    {
        var (g, r) = Build("app_file.txt", PipelineBackend.Portable);
        AssertWellFormed(g);
        Assert.Multiple(() =>
        {
            Assert.That(FactoriesFrom(g, "src_bin_0_src"), Is.EqualTo(new[]
            {
                "uridecodebin", "queue", "videoconvert", "capsfilter", "dsnetstreammux", "queue", "dsnetinfer", "dsnettracker",
                "queue", "dsnetmultistreamtiler", "queue", "dsnetosd", "tee", "queue",
                "dsnetvideoconvert", "videoconvert", "capsfilter", "x264enc", "h264parse", "mp4mux", "filesink",
            }));
            Assert.That(Prop(g, "src_bin_0_cap_filter", "caps"), Is.EqualTo("video/x-raw, format=RGBA"));
            Assert.That(g["src_bin_muxer"].Properties.Select(p => p.Key), Is.EqualTo(new[] { "live-source", "batched-push-timeout", "batch-size", "enable-padding", "width", "height" }), "no GPU properties");
            Assert.That(g["primary_gie"].Properties.Select(p => p.Key), Is.EqualTo(new[] { "config-file-path", "process-mode", "unique-id", "batch-size", "interval" }));
            Assert.That(Prop(g, "sink0_encoder", "bitrate"), Is.EqualTo("4000"));
            Assert.That(r.Errors, Is.Empty, r.ToString());
            Assert.That(r.Warnings.Select(w => w.Message), Is.EqualTo(new[] { "the portable runtime has no hardware encoder: a software encoder (x264enc/x265enc) is used" }));
        });
    }

    [Test]
    public void Reid_output_dir_is_accepted_with_a_warning_on_both_backends([Values(PipelineBackend.Portable, PipelineBackend.DeepStream)] PipelineBackend backend)
    {
        var (_, r) = Build("app_file.txt", backend, TargetPlatform.DGpu, "application.reid-track-output-dir=/tmp/reid");
        Assert.That(r.Warnings.Where(w => w.Key == "reid-track-output-dir").Select(w => w.Message),
            Has.Some.StartWith("reid-track-output-dir is not written by dsnet"));
    }

    [Test]
    public void Camera_display_and_fakesink()
    {
        var (g, _) = Build("app_camera.txt", PipelineBackend.Portable);
        Assert.Multiple(() =>
        {
            Assert.That(FactoriesFrom(g, "src_bin_0_src").Take(5), Is.EqualTo(new[] { "v4l2src", "capsfilter", "videoconvert", "capsfilter", "dsnetstreammux" }));
            Assert.That(FactoriesFrom(g, "sink0_queue"), Is.EqualTo(new[] { "queue", "dsnetvideoconvert", "videoconvert", "videoscale", "capsfilter", "autovideosink" }));
            Assert.That(Prop(g, "sink0_cap_filter", "caps"), Is.EqualTo("video/x-raw, width=1280, height=720"), "the sink's width/height size the window");
            Assert.That(g["sink0_sink"].Note, Does.Contain("needs a display"));
            Assert.That(FactoriesFrom(g, "sink1_queue"), Is.EqualTo(new[] { "queue", "fakesink" }));
        });
    }

    [Test]
    public void Rtsp_in_uses_decodebin_and_rtsp_out_feeds_the_server()
    {
        var (g, _) = Build("app_rtsp.txt", PipelineBackend.Portable);
        Assert.Multiple(() =>
        {
            Assert.That(FactoriesFrom(g, "src_bin_0_src").Take(7), Is.EqualTo(new[] { "rtspsrc", "queue", "decodebin", "queue", "videoconvert", "capsfilter", "dsnetstreammux" }));
            Assert.That(g.Links.Single(l => l.From == "src_bin_0_src").RtpDepayPrefix, Is.EqualTo("src_bin_0"), "depayloader + parser from the caps at run time");
            Assert.That(FactoriesFrom(g, "sink0_queue"), Is.EqualTo(new[] { "queue", "dsnetvideoconvert", "videoconvert", "capsfilter", "x264enc", "rtph264pay", "udpsink" }));
            Assert.That(Prop(g, "sink0_encoder", "tune"), Is.EqualTo("zerolatency"));
            Assert.That(g.RtspServers.Single().Port, Is.EqualTo(8554));
        });
    }

    [Test]
    public void Demuxer_and_tiler_roles_have_portable_elements()
    {
        var (demux, _) = Build("app_demux.txt", PipelineBackend.Portable);
        var (both, _) = Build("app_tiler_demux.txt", PipelineBackend.Portable);
        Assert.Multiple(() =>
        {
            Assert.That(demux["demuxer"].Factory, Is.EqualTo("dsnetstreamdemux"));
            Assert.That(both.OfFactory("dsnetmultistreamtiler").Count(), Is.EqualTo(1));
            Assert.That(both.OfFactory("dsnetstreamdemux").Count(), Is.EqualTo(1));
            Assert.That(both.OfFactory("dsnetosd").Count(), Is.EqualTo(2));
        });
    }

    [Test]
    public void Csi_camera_and_drm_are_clear_errors_off_jetson_and_the_message_broker_ends_in_the_service_hook()
    {
        var (_, csi) = Build("app_csi.txt", PipelineBackend.Portable);
        var (g, broker) = Build("app_msgbroker.txt", PipelineBackend.Portable);
        Assert.Multiple(() =>
        {
            Assert.That(csi.Errors.Select(e => (e.Group, e.Key)), Is.EquivalentTo(new[] { ((string?)"source0", (string?)"type"), ("sink0", "type") }));
            Assert.That(csi.Errors.First().Message, Does.Contain("needs a Jetson"));
            Assert.That(csi.Errors.First().Line, Is.EqualTo(11), "the type line of [source0]");
            Assert.That(broker.Errors, Is.Empty);
            Assert.That(g.OfFactory("nvmsgconv"), Is.Empty);
            Assert.That(g["sink1_sink"].Factory, Is.EqualTo("fakesink"), "the broker sink's probe point (DeepStreamNet.Service)");
            Assert.That(g["sink1_sink"].Note, Does.Contain("DeepStreamNet.Service"));
            Assert.That(g.MessageSinks.Select(m => (m.Element, m.Sink.Name, m.Sink.Topic)), Is.EqualTo(new[] { ("sink1_sink", "sink1", (string?)"facemask-events") }));
        });
    }

    [Test]
    public void Nvinfer_file_without_onnx_model_is_an_error_for_the_portable_runtime()
    {
        var (_, r) = Build("facemask-recipe/deepstream_app_source1_video_masknet_gpu.txt", PipelineBackend.Portable);
        var e = r.Errors.Single(i => i.Key == "onnx-file");
        Assert.Multiple(() =>
        {
            Assert.That(e.Group, Is.EqualTo("property"));
            Assert.That(Path.GetFileName(e.File), Is.EqualTo("config_infer_primary_masknet_gpu.txt"));
            Assert.That(e.Hint, Does.Contain("non-commercial"));
        });
    }

    [Test]
    public void Optional_DeepStream_plugins_are_left_out_with_a_warning()
    {
        var (g, r) = Build("app_file.txt", PipelineBackend.Portable, TargetPlatform.DGpu, "nvds-analytics.enable=1", "nvds-analytics.config-file=msgconv_config.txt");
        Assert.Multiple(() =>
        {
            Assert.That(g.OfFactory("nvdsanalytics"), Is.Empty);
            Assert.That(r.Warnings.Select(w => w.Message), Has.Some.Contains("[nvds-analytics] (nvdsanalytics) has no portable element"));
        });
    }

    [Test]
    public void Secondary_gie_uses_dsnetinfer_in_secondary_mode()
    {
        var (g, _) = Build("app_secondary.txt", PipelineBackend.Portable);
        Assert.Multiple(() =>
        {
            Assert.That(g["secondary_gie_0"].Factory, Is.EqualTo("dsnetinfer"));
            Assert.That(Prop(g, "secondary_gie_0", "process-mode"), Is.EqualTo("secondary"));
            Assert.That(Prop(g, "secondary_gie_0", "infer-on-gie-id"), Is.EqualTo("1"));
        });
    }
}
