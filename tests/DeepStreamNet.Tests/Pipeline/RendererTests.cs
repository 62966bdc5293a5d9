using DeepStreamNet.Pipeline;
using NUnit.Framework;
using static DeepStreamNet.Tests.Pipeline.GraphTestHelpers;

namespace DeepStreamNet.Tests.Pipeline;

public sealed class RendererTests
{
    [Test]
    public void Text_lists_elements_properties_links_and_host_services()
    {
        var (g, _) = Build("app_rtsp.txt", PipelineBackend.DeepStream);
        var text = GraphTextRenderer.Render(g);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.StartWith("backend: deepstream (dgpu)\nelements:\n  src_bin_0_src (rtspsrc)\n      location = rtsp://camera.local:554/stream1\n"));
            Assert.That(text, Does.Contain("\n  src_bin_muxer (nvstreammux)\n      gpu-id = 0\n"));
            Assert.That(text, Does.Contain("\nlinks:\n  src_bin_0_src.src_%u -> [rtph264depay+h264parse | rtph265depay+h265parse from encoding-name] -> src_bin_0_queue\n"));
            Assert.That(text, Does.Contain("  src_bin_0_cap_filter -> src_bin_muxer.sink_0\n"));
            Assert.That(text, Does.Contain("rtsp servers:\n  rtsp://localhost:8554/ds-test <- udp port 5400 H264 (sink0)\n"));
            Assert.That(text, Does.Contain("object styling (applied by a probe before the OSD):\n  primary-gie (unique-id 1): border 1;0;0;1, width 0\n"));
            Assert.That(text, Does.Contain("run options:\n  perf-measurement: off\n  file-loop: off\n"));
        });
    }

    [Test]
    public void Dot_has_one_node_per_element_and_one_edge_per_link()
    {
        var (g, _) = Build("app_tiler_demux.txt", PipelineBackend.Portable);
        var dot = GraphDotRenderer.Render(g);
        var lines = dot.Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(dot, Does.StartWith("digraph pipeline {\n"));
            Assert.That(dot.TrimEnd(), Does.EndWith("}"));
            Assert.That(lines.Count(l => l.Contains(" [label=", StringComparison.Ordinal) && !l.Contains("->", StringComparison.Ordinal)), Is.EqualTo(g.Elements.Count));
            Assert.That(lines.Count(l => l.Contains("\" -> \"", StringComparison.Ordinal)), Is.EqualTo(g.Links.Count));
            Assert.That(dot, Does.Contain("\"demuxer\" -> \"demux_queue_1\" [label=\"src_1 ->\"];"));
            Assert.That(dot, Does.Contain("\"src_bin_muxer\" [label=\"src_bin_muxer\\n(dsnetstreammux)\\llive-source=false"));
        });
    }

    [Test]
    public void String_values_with_separators_are_quoted()
    {
        Assert.Multiple(() =>
        {
            Assert.That(GraphValue.Of("a b").ToString(), Is.EqualTo("\"a b\""));
            Assert.That(GraphValue.Of("plain").ToString(), Is.EqualTo("plain"));
            Assert.That(GraphValue.Caps("video/x-raw, format=RGBA").ToString(), Is.EqualTo("video/x-raw, format=RGBA"));
            Assert.That(GraphValue.Of(0.5).ToString(), Is.EqualTo("0.5"));
        });
    }
}
