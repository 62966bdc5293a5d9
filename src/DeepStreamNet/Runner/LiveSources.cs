using DeepStreamNet.GStreamer;
using DeepStreamNet.Interop;
using DeepStreamNet.Pipeline;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Runner;

/// <summary>
/// A graph with an RTSP or camera source runs its muxer live (as deepstream-app does for such sources): batches are
/// pushed on <c>batched-push-timeout</c> with the frames that are there, so a live source that delivers nothing (an
/// unreachable camera that is being reconnected) cannot hold the other sources up. A non-live muxer waits for a frame
/// of every source before it forms a batch.
/// </summary>
internal static unsafe class LiveSources
{
    public static void MakeMuxerLive(PipelineGraph graph, GraphInstance instance, ILogger log)
    {
        var live = graph.Sources.FirstOrDefault(s => s.Kind is SourceKind.Rtsp or SourceKind.Camera);
        if (live is null || graph.FirstWithRole(ElementRole.Muxer) is not { } mux || mux.Get("live-source")?.Value is true)
        {
            return;
        }

        var element = instance.Element(mux.Name);
        if (element is null)
        {
            return;
        }

        ObjectProperties.Set((GObject*)element, mux.Name, mux.Factory, "live-source", true);
        log.LogInformation("{Source} is live: {Muxer} runs with live-source=1 so a source without data cannot hold the others up ([streammux] live-source=1 says so in the config)",
            live.Describe(), mux.Name);
    }
}
