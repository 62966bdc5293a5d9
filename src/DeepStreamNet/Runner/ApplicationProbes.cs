using DeepStreamNet.GStreamer;
using DeepStreamNet.Interop;
using DeepStreamNet.Pipeline;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Runner;

/// <summary>The probes deepstream-app itself runs, installed from the graph's run options: perf after the muxer, KITTI
/// after primary inference and after the tracker, GIE styling before every OSD.</summary>
internal static unsafe class ApplicationProbes
{
    public static void Install(PipelineRunner runner, List<PadProbe> probes, ILogger log)
    {
        var graph = runner.Graph;
        var o = graph.RunOptions;
        const GstPadProbeType buffers = GstPadProbeType.GST_PAD_PROBE_TYPE_BUFFER;
        if (o.EnablePerfMeasurement && runner.FindPad(ProbeAttachPoint.AfterMuxer) is var muxSrc && muxSrc is not null)
        {
            var perf = new PerfProbe(graph.Sources.Count, TimeSpan.FromSeconds(Math.Max(o.PerfMeasurementIntervalSec, 1)), s => runner.PerfOutput(s), log);
            perf.Attach(muxSrc, PerfProbe.Mask);
            probes.Add(perf);
        }

        if (!string.IsNullOrEmpty(o.GieKittiOutputDir) && runner.FindPad(ProbeAttachPoint.AfterPrimaryInference) is var pgie && pgie is not null)
        {
            var k = new KittiProbe(o.GieKittiOutputDir, tracker: false, log);
            k.Attach(pgie, buffers);
            probes.Add(k);
        }

        if (!string.IsNullOrEmpty(o.KittiTrackOutputDir) && runner.FindPad(ProbeAttachPoint.AfterTracker) is var trk && trk is not null)
        {
            var k = new KittiProbe(o.KittiTrackOutputDir, tracker: true, log);
            k.Attach(trk, buffers);
            probes.Add(k);
        }

        if (graph.GieStyles.Count > 0)
        {
            foreach (var osd in graph.WithRole(ElementRole.Osd))
            {
                var pad = runner.FindPad(osd.Name, "sink");
                if (pad is not null)
                {
                    var styler = new GieStylingProbe(graph, log);
                    styler.Attach(pad, buffers);
                    probes.Add(styler);
                }
            }
        }
    }
}
