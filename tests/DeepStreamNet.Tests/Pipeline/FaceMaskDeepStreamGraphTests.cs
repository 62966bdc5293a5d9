using DeepStreamNet.Config;
using DeepStreamNet.Pipeline;
using DeepStreamNet.Tests.Config;
using NUnit.Framework;
using static DeepStreamNet.Tests.Pipeline.GraphTestHelpers;

namespace DeepStreamNet.Tests.Pipeline;

/// <summary><c>describe --backend deepstream</c> of the shipped configs/face-mask/deepstream files: the NVIDIA graph.</summary>
public sealed class FaceMaskDeepStreamGraphTests
{
    private const string Tracker = "/opt/nvidia/deepstream/deepstream/lib/libnvds_nvmultiobjecttracker.so";
    private const string TrackerYaml = "/opt/nvidia/deepstream/deepstream/samples/configs/deepstream-app/config_tracker_IOU.yml";

    [OneTimeSetUp]
    public void Assets() => FaceMaskConfigs.EnsureAssets();

    [Test]
    public void File_config_encodes_with_the_hardware_h264_encoder_into_mp4()
    {
        var g = Build("deepstream_app_file_masknet.txt", "config_infer_primary_masknet.txt", 1);
        Assert.Multiple(() =>
        {
            Assert.That(g.Elements.Single(e => e.Factory == "uridecodebin").Get("uri")?.ToString(), Does.EndWith("assets/media/facemask-demo-720p.mp4"));
            Assert.That(FactoriesFrom(g, "sink0_queue"), Is.EqualTo(new[] { "queue", "nvvideoconvert", "capsfilter", "nvv4l2h264enc", "h264parse", "qtmux", "filesink" }));
            Assert.That(Prop(g, "sink0_encoder", "bitrate"), Is.EqualTo("4000000"));
            Assert.That(Prop(g, "sink0_sink", "location"), Is.EqualTo("out/facemask-deepstream.mp4"));
        });
    }

    [Test]
    public void Rtsp_config_streams_h264_from_an_rtsp_server_on_port_8554()
    {
        var g = Build("deepstream_app_rtsp_masknet.txt", "config_infer_primary_masknet.txt", 1);
        var server = g.RtspServers.Single();
        Assert.Multiple(() =>
        {
            Assert.That(server.Port, Is.EqualTo(8554));
            Assert.That(server.UdpPort, Is.EqualTo(5400));
            Assert.That(server.EncodingName, Is.EqualTo("H264"));
            Assert.That(server.Url, Is.EqualTo("rtsp://localhost:8554/ds-test"));
            Assert.That(g.Elements.Select(e => e.Factory), Does.Contain("nvv4l2h264enc").And.Contain("rtph264pay").And.Contain("udpsink"));
            Assert.That(g["sink0_encoder"].Get("insert-sps-pps"), Is.Null, "dGPU: deepstream_sink_bin.c sets insert-sps-pps only on Jetson");
            Assert.That(g.Elements.Select(e => e.Factory), Does.Contain("h264parse"), "parser before the payloader");
        });
    }

    [Test]
    public void Camera_config_captures_from_v4l2src_and_renders_on_screen()
    {
        var g = Build("deepstream_app_camera_masknet.txt", "config_infer_primary_masknet.txt", 1);
        Assert.Multiple(() =>
        {
            Assert.That(g.Elements.Single(e => e.Factory == "v4l2src").Get("device")?.ToString(), Is.EqualTo("/dev/video0"));
            Assert.That(Prop(g, "src_bin_muxer", "live-source"), Is.EqualTo("true"));
            Assert.That(g.Elements.Select(e => e.Factory), Does.Contain("nveglglessink"));
        });
    }

    [TestCase("deepstream_app_multistream8_xavier_masknet.txt", "config_infer_primary_masknet_b8.txt")]
    [TestCase("deepstream_app_multistream8_xavier_dla_masknet.txt", "config_infer_primary_masknet_dla.txt")]
    public void Multistream_configs_batch_8_sources_into_a_2x4_tiler(string file, string inferFile)
    {
        var g = Build(file, inferFile, 8);
        Assert.Multiple(() =>
        {
            Assert.That(g.Elements.Count(e => e.Factory == "uridecodebin"), Is.EqualTo(8));
            Assert.That(g.Links.Count(l => l.To == "src_bin_muxer"), Is.EqualTo(8));
            Assert.That(Prop(g, "tiled_display_tiler", "rows"), Is.EqualTo("2"));
            Assert.That(Prop(g, "tiled_display_tiler", "columns"), Is.EqualTo("4"));
            Assert.That(Prop(g, "tiled_display_tiler", "width"), Is.EqualTo("1920"));
            Assert.That(Prop(g, "tiled_display_tiler", "height"), Is.EqualTo("1080"));
        });
    }

    [Test]
    public void Dla_variant_points_nvinfer_at_the_dla_nvinfer_file()
    {
        var loaded = Load("deepstream_app_multistream8_xavier_dla_masknet.txt");
        var infer = loaded.Config!.PrimaryGie!.Infer!;
        Assert.Multiple(() =>
        {
            Assert.That(infer.Path, Does.EndWith("config_infer_primary_masknet_dla.txt"));
            Assert.That(infer.BatchSize, Is.EqualTo(8));
            Assert.That(infer.ModelEngineFile, Does.EndWith("_b8_dla0_int8.engine"));
            Assert.That(infer.NetworkMode, Is.EqualTo(1));
        });
    }

    private static AppConfigResult Load(string file)
    {
        var loaded = AppConfigLoader.Load(FaceMaskConfigs.PathOf("deepstream", file), null, ValidationTarget.DeepStreamElsewhere);
        Assert.That(loaded.Config, Is.Not.Null, loaded.Report.ToString());
        return loaded;
    }

    /// <summary>Builds the dGPU graph and checks what every face-mask DeepStream graph shares.</summary>
    private static PipelineGraph Build(string file, string inferFile, int batch)
    {
        var loaded = Load(file);
        var g = PipelineGraphBuilder.Build(loaded.Config!, PipelineBackend.DeepStream, TargetPlatform.DGpu, loaded.Report);
        Assert.That(loaded.Report.Errors, Is.Empty, loaded.Report.ToString());
        AssertWellFormed(g);
        Assert.Multiple(() =>
        {
            Assert.That(g["src_bin_muxer"].Factory, Is.EqualTo("nvstreammux"));
            Assert.That(Prop(g, "src_bin_muxer", "batch-size"), Is.EqualTo(batch.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(Prop(g, "src_bin_muxer", "width"), Is.EqualTo("1280"));
            Assert.That(Prop(g, "src_bin_muxer", "height"), Is.EqualTo("720"));
            Assert.That(g["primary_gie"].Factory, Is.EqualTo("nvinfer"));
            Assert.That(Prop(g, "primary_gie", "config-file-path"), Does.EndWith("/configs/face-mask/deepstream/" + inferFile));
            Assert.That(Prop(g, "primary_gie", "unique-id"), Is.EqualTo("1"));
            Assert.That(Prop(g, "primary_gie", "batch-size"), Is.EqualTo(batch.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(g["tracking_tracker"].Factory, Is.EqualTo("nvtracker"));
            Assert.That(Prop(g, "tracking_tracker", "ll-lib-file"), Is.EqualTo(Tracker));
            Assert.That(Prop(g, "tracking_tracker", "ll-config-file"), Is.EqualTo(TrackerYaml));
            Assert.That(Prop(g, "tracking_tracker", "tracker-width"), Is.EqualTo("640"));
            Assert.That(Prop(g, "tracking_tracker", "tracker-height"), Is.EqualTo("384"));
            Assert.That(g["tiled_display_tiler"].Factory, Is.EqualTo("nvmultistreamtiler"));
            Assert.That(g.Elements.Select(e => e.Factory), Does.Contain("nvdsosd"));
        });
        return g;
    }
}
