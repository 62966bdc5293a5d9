using DeepStreamNet.Config;
using DeepStreamNet.Pipeline;
using NUnit.Framework;
using static DeepStreamNet.Tests.Pipeline.GraphTestHelpers;

namespace DeepStreamNet.Tests.Pipeline;

/// <summary>[source-list] graphs (audit S16–S18): nvmultiurisrcbin on DeepStream, per-source bins plus run-time sources on
/// the portable backend, and deepstream-app's batch-size rules.</summary>
public sealed class SourceListGraphTests
{
    [Test]
    public void DeepStream_builds_one_nvmultiurisrcbin_with_deepstream_app_properties()
    {
        var (g, _) = Build("app_nvmultiurisrcbin.txt", PipelineBackend.DeepStream);
        AssertWellFormed(g);
        var bin = g["src_nvmultiurisrcbin"];
        var props = bin.Properties.ToDictionary(p => p.Key, p => p.Value.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(g.OfFactory("uridecodebin"), Is.Empty, "no per-source bins");
            Assert.That(g.OfFactory("nvstreammux"), Is.Empty, "the bin holds the muxer");
            Assert.That(g.Sources, Is.Empty);
            Assert.That(bin.Role, Is.EqualTo(ElementRole.Muxer), "its src pad is the muxer output");
            Assert.That(FactoriesFrom(g, "src_nvmultiurisrcbin").Take(3), Is.EqualTo(new[] { "nvmultiurisrcbin", "queue", "nvinfer" }));
            Assert.That(props["uri-list"], Does.Match("^\"?file:///.*facemask-demo-720p.mp4,file:///.*facemask-demo-720p.mp4\"?$"));
            Assert.That(props["sensor-id-list"], Is.EqualTo("\"cam-entrance,cam-exit\""));
            Assert.That(props["max-batch-size"], Is.EqualTo("10"));
            Assert.That(props["ip-address"], Is.EqualTo("localhost"));
            Assert.That(props["port"], Is.EqualTo("9010"));
            Assert.That(props["latency"], Is.EqualTo("100"));
            Assert.That(props["num-extra-surfaces"], Is.EqualTo("1"));
            Assert.That(props["file-loop"], Is.EqualTo("false"));

            // The muxer's properties, without batch-size or async-process (deepstream_streammux.c:58-63).
            Assert.That(props["width"], Is.EqualTo("1280"));
            Assert.That(props["batched-push-timeout"], Is.EqualTo("33000"));
            Assert.That(props.Keys, Does.Not.Contain("batch-size").And.Not.Contain("async-process").And.Not.Contain("sensor-name-list"));
        });
    }

    [Test]
    public void DeepStream_batch_sizes_follow_max_batch_size_and_sgie_batch_size()
    {
        var (g, _) = Build("app_nvmultiurisrcbin.txt", PipelineBackend.DeepStream);
        Assert.Multiple(() =>
        {
            Assert.That(Prop(g, "primary_gie", "batch-size"), Is.EqualTo("10"), "PGIE = max-batch-size (deepstream_app.c:1040-1043)");
            Assert.That(Prop(g, "secondary_gie_0", "batch-size"), Is.EqualTo("40"), "SGIE = sgie-batch-size");
        });
    }

    [Test]
    public void Source_list_without_nvmultiurisrcbin_overrides_only_gies_that_set_batch_size()
    {
        // deepstream_app_config_parser.c:521-530: PGIE = number of sources, SGIE = sgie-batch-size, only with a batch-size key.
        var (g, _) = Build("app_nvmultiurisrcbin.txt", PipelineBackend.DeepStream, TargetPlatform.DGpu, "source-list.use-nvmultiurisrcbin=0");
        var (unset, _) = Build("app_nvmultiurisrcbin.txt", PipelineBackend.DeepStream, TargetPlatform.DGpu, "source-list.use-nvmultiurisrcbin=0",
            "source-list.sgie-batch-size=0");
        Assert.Multiple(() =>
        {
            Assert.That(g.OfFactory("nvmultiurisrcbin"), Is.Empty);
            Assert.That(Prop(g, "src_bin_muxer", "batch-size"), Is.EqualTo("2"));
            Assert.That(Prop(g, "primary_gie", "batch-size"), Is.EqualTo("2"));
            Assert.That(Prop(g, "secondary_gie_0", "batch-size"), Is.EqualTo("40"));
            Assert.That(Prop(unset, "secondary_gie_0", "batch-size"), Is.Null, "sgie-batch-size 0: the element keeps its own");
        });
    }

    [Test]
    public void Gie_without_batch_size_key_gets_none_under_source_list()
    {
        var (g, _) = Build("app_source_list.txt", PipelineBackend.DeepStream);
        Assert.That(Prop(g, "primary_gie", "batch-size"), Is.Null, "[primary-gie] has no batch-size key: nvinfer reads its own config");
    }

    [Test]
    public void Portable_keeps_per_source_bins_and_can_add_sources_at_run_time()
    {
        var (g, report) = Build("app_nvmultiurisrcbin.txt", PipelineBackend.Portable);
        var spec = g.RuntimeSources;
        Assert.That(spec, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(report.Warnings.Select(w => w.Key), Does.Not.Contain("use-nvmultiurisrcbin").And.Not.Contain("http-port"), "the portable runtime honours them");
            Assert.That(g.Sources, Has.Count.EqualTo(2));
            Assert.That(Prop(g, "src_bin_muxer", "batch-size"), Is.EqualTo("10"), "sources come and go: batches up to max-batch-size");
            Assert.That(spec!.MaxSources, Is.EqualTo(10));
            Assert.That(spec.RestApi, Is.True);
            Assert.That((spec.HttpIp, spec.HttpPort), Is.EqualTo(("localhost", "9010")));
            Assert.That(spec.SensorIds, Is.EqualTo(new Dictionary<int, string> { [0] = "cam-entrance", [1] = "cam-exit" }));
        });

        var fragment = spec!.BuildSource("file:///videos/door.mp4", 7);
        Assert.Multiple(() =>
        {
            Assert.That(fragment.Sources.Single().Index, Is.EqualTo(7));
            Assert.That(fragment.Sources.Single().Location, Is.EqualTo("file:///videos/door.mp4"));
            Assert.That(FactoriesFrom(fragment, "src_bin_7_src"), Is.EqualTo(FactoriesFrom(g, "src_bin_0_src").Take(fragment.Elements.Count)),
                "the same bin as a configured source");
            Assert.That(spec.BuildSource("rtsp://cam/stream", 8).Sources.Single().Kind, Is.EqualTo(SourceKind.Rtsp));
        });
    }

    [Test]
    public void Describe_shows_the_nvmultiurisrcbin()
    {
        var (g, _) = Build("app_nvmultiurisrcbin.txt", PipelineBackend.DeepStream);
        var text = GraphTextRenderer.Render(g);
        Assert.That(text, Does.Contain("src_nvmultiurisrcbin").And.Contain("nvmultiurisrcbin").And.Contain("REST API"));
    }
}
