using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DeepStreamNet.Interop;
using DeepStreamNet.GStreamer;
using DeepStreamNet.Runner;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner;

/// <summary>deepstream-app's styling before the OSD, seen on the OSD's output metadata.</summary>
[TestFixture]
[NonParallelizable]
public sealed unsafe class GieStylingTests
{
    [Test]
    public void OneSource_BorderColoursPerClass_WidthFromOsd_LabelWithTrackingId()
    {
        var dir = RunnerHarness.TempDir("style");
        var (graph, config) = RunnerHarness.Graph(dir, RunnerHarness.Config([TestMedia.Uri(TestMedia.ShortClip)], "type=1\nsync=0\ncontainer=1\ncodec=1"));
        using var runner = new PipelineRunner(graph, new TestLogger());
        runner.Build();
        var seen = new Seen();
        var handle = GCHandle.Alloc(seen);
        var pad = runner.FindPad("nvosd", "src");
        Assert.That(pad is not null, Is.True);
        Gst.gst_pad_add_probe(pad, GstPadProbeType.GST_PAD_PROBE_TYPE_BUFFER, &OnBuffer, (void*)GCHandle.ToIntPtr(handle), &Free);
        var result = RunnerHarness.Run(runner, TimeSpan.FromSeconds(120));
        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.EndOfStream), string.Join("\n", result.Errors));
        lock (seen)
        {
            Assert.That(seen.Objects, Is.Not.Empty, "faces expected in the clip");
            foreach (var (label, text, border, width, r, g) in seen.Objects)
            {
                Assert.That(width, Is.EqualTo(3u), "[osd] border-width");
                Assert.That((r, g), Is.EqualTo(label == "mask" ? (0.0, 1.0) : (1.0, 0.0)), $"bbox-border-color<class> for {label}");
                Assert.That(text, Does.Match($"^{label}( \\d+)?$"), "obj_label + tracking id");
                _ = border;
            }

            Assert.That(seen.Objects.Select(o => o.Text), Has.Some.Match(@" \d+$"), "tracked objects show their id");
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static GstPadProbeReturn OnBuffer(GstPad* pad, GstPadProbeInfo* info, void* data)
    {
        var seen = (Seen)GCHandle.FromIntPtr((nint)data).Target!;
        var batch = NvDs.gst_buffer_get_nvds_batch_meta(Gst.gst_pad_probe_info_get_buffer(info));
        if (batch is null)
        {
            return GstPadProbeReturn.GST_PAD_PROBE_OK;
        }

        for (var l = batch->frame_meta_list; l is not null; l = l->next)
        {
            for (var o = ((NvDsFrameMeta*)l->data)->obj_meta_list; o is not null; o = o->next)
            {
                var obj = (NvDsObjectMeta*)o->data;
                var label = Marshal.PtrToStringUTF8((nint)obj->obj_label) ?? "";
                var text = obj->text_params.display_text is null ? "" : Marshal.PtrToStringUTF8((nint)obj->text_params.display_text) ?? "";
                var c = obj->rect_params.border_color;
                lock (seen)
                {
                    seen.Objects.Add((label, text, c.alpha, obj->rect_params.border_width, c.red, c.green));
                }
            }
        }

        return GstPadProbeReturn.GST_PAD_PROBE_OK;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Free(void* data) => GCHandle.FromIntPtr((nint)data).Free();

    private sealed class Seen
    {
        public List<(string Label, string Text, double Alpha, uint Width, double R, double G)> Objects { get; } = [];
    }
}
