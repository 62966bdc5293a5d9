using DeepStreamNet.GStreamer;
using DeepStreamNet.Interop;
using DeepStreamNet.Pipeline;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Runner;

/// <summary>
/// What deepstream-app decides at run time, repeated by the runner on both backends: the RTP depayloader and parser
/// from the stream's <c>encoding-name</c> (cb_rtspsrc_select_stream, deepstream_source_bin.c:486-541) and the settings
/// of elements plugged inside source bins (decodebin_child_added :372-435, source-setup :292-302).
/// </summary>
internal static unsafe class RuntimeChoices
{
    /// <summary>The depayloader and parser for an RTP <c>encoding-name</c>, or null when deepstream-app has none.</summary>
    public static (string Depay, string Parse)? ForEncoding(string? encodingName) => encodingName?.ToUpperInvariant() switch
    {
        "H264" => ("rtph264depay", "h264parse"),
        "H265" => ("rtph265depay", "h265parse"),
        _ => null,
    };

    /// <summary>Applies the graph's <see cref="PipelineGraph.ChildSettings"/> to an element just added under <paramref name="container"/>.</summary>
    public static void ApplyChildSettings(PipelineGraph graph, string container, GstElement* element, ILogger log)
    {
        var factory = ElementVersion.FactoryName(element);
        if (factory is null)
        {
            return;
        }

        var name = NativeText.Take(Gst.gst_object_get_name((GstObject*)element)) ?? factory;
        foreach (var c in graph.ChildSettings.Where(c => c.Container == container && c.Factories.Contains(factory)))
        {
            var problem = ObjectProperties.SetOrExplain((GObject*)element, name, factory, c.Property, c.Value.Value);
            if (problem is null)
            {
                log.LogDebug("{Container}: {Element}.{Property} = {Value} ({Origin})", container, name, c.Property, c.Value, c.Origin);
            }
            else
            {
                log.LogWarning("{Container}: {Problem} ({Version}); left unset as g_object_set would ({Origin})", container, problem, VersionText(element), c.Origin);
            }
        }
    }

    /// <summary>"DeepStream 6.3.0" for NVIDIA's plugins, else the plugin version.</summary>
    public static string VersionText(GstElement* element)
    {
        var v = ElementVersion.Of(element) ?? "unknown version";
        var f = ElementVersion.FactoryName(element) ?? string.Empty;
        return f.StartsWith("nv", StringComparison.Ordinal) ? $"DeepStream {v}" : $"plugin version {v}";
    }
}
