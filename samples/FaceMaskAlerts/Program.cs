using System.Globalization;
using DeepStreamNet.GStreamer;
using DeepStreamNet.InferImages;
using FaceMaskAlerts;
using Serilog;
using Serilog.Extensions.Logging;

// FaceMaskAlerts: per-source mask / no-mask counts and an alert (with a JPEG crop) when a tracked face stays
// no-mask for N consecutive frames. Usage:
//   FaceMaskAlerts [--video FILE] [--configs DIR] [--frames N] [--consecutive N] [--out DIR]
var video = Arg("--video") ?? Path.Combine("assets", "media", "facemask-demo-720p.mp4");
var configs = Arg("--configs") ?? Path.Combine("configs", "face-mask", "portable");
var frames = int.Parse(Arg("--frames") ?? "0", CultureInfo.InvariantCulture);
var consecutive = int.Parse(Arg("--consecutive") ?? "5", CultureInfo.InvariantCulture);
var outDir = Arg("--out") ?? Path.Combine("out", "face-mask-alerts");

using var serilog = new LoggerConfiguration().WriteTo.Console().CreateLogger();
using var loggerFactory = new SerilogLoggerFactory(serilog);
var logger = loggerFactory.CreateLogger("FaceMaskAlerts");

if (!File.Exists(video))
{
    Console.Error.WriteLine($"error: video not found: {video} (run ./dsnet assets fetch, or pass --video)");
    return 2;
}

GstStartup.Initialize();
var probe = new MaskAlertProbe(new AlertOptions { ConsecutiveFrames = consecutive, CropDirectory = outDir });
probe.Alert += a => serilog.Warning(
    "ALERT source {Source} track {Track}: no mask for {Frames} frames (frame {Frame}, box {Box}) crop {Crop}",
    a.SourceId, a.TrackId, a.ConsecutiveFrames, a.FrameNumber, a.Box, a.CropPath);

using var pipeline = new LaunchedPipeline(AlertPipeline.Describe(
    Path.GetFullPath(video),
    Path.GetFullPath(Path.Combine(configs, "config_infer_primary_ultraface.txt")),
    Path.GetFullPath(Path.Combine(configs, "config_tracker_IOU.yml")),
    maxFrames: frames));
using var registration = pipeline.AddProbe("tracker", "src", probe, logger);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    unsafe
    {
        DeepStreamNet.Interop.Gst.gst_element_send_event(pipeline.Element, DeepStreamNet.Interop.Gst.gst_event_new_eos());
    }
};
pipeline.RunToEnd(TimeSpan.FromHours(24));

foreach (var (source, counts) in probe.Counts.OrderBy(c => c.Key))
{
    Console.WriteLine($"source {source}: {counts}");
}

Console.WriteLine($"{probe.Alerts.Count} alerts; probe {registration.Stats}");
return 0;

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
