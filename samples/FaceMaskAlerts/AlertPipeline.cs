using System.Globalization;

namespace FaceMaskAlerts;

/// <summary>
/// The sample's pipeline as gst-launch text: video file → dsnetstreammux → dsnetinfer (UltraFace masked-face
/// detector) → dsnettracker (name <c>tracker</c>; the probe goes on its src pad) → fakesink.
/// </summary>
public static class AlertPipeline
{
    /// <summary>Builds the description; <paramref name="maxFrames"/> &gt; 0 stops after that many frames.</summary>
    public static string Describe(string video, string inferConfig, string trackerConfig, int width = 1280, int height = 720, int maxFrames = 0) =>
        string.Create(CultureInfo.InvariantCulture,
            $"filesrc location=\"{video}\" ! decodebin ! {(maxFrames > 0 ? $"identity eos-after={maxFrames} ! " : string.Empty)}videoconvert ! m.sink_0 " +
            $"dsnetstreammux name=m batch-size=1 width={width} height={height} ! " +
            $"dsnetinfer name=primary_gie config-file-path=\"{inferConfig}\" ! " +
            $"dsnettracker name=tracker ll-config-file=\"{trackerConfig}\" ! fakesink sync=false");
}
