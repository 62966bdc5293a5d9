using DeepStreamNet.Pipeline;

namespace DeepStreamNet.Cli.Commands;

/// <summary>Before a run: one line per file or folder the pipeline writes, as an absolute path (or "none").</summary>
internal static class OutputReport
{
    public static void Print(PipelineGraph graph)
    {
        var outputs = new List<string>();
        foreach (var e in graph.Elements.Where(e => e.Factory == "filesink"))
        {
            if (e.Get("location")?.Value is string location)
            {
                outputs.Add($"{Path.GetFullPath(location)} ({e.Name})");
            }
        }

        if (!string.IsNullOrEmpty(graph.RunOptions.GieKittiOutputDir))
        {
            outputs.Add($"{Path.GetFullPath(graph.RunOptions.GieKittiOutputDir)}/ (KITTI detections)");
        }

        if (!string.IsNullOrEmpty(graph.RunOptions.KittiTrackOutputDir))
        {
            outputs.Add($"{Path.GetFullPath(graph.RunOptions.KittiTrackOutputDir)}/ (KITTI tracks)");
        }

        Console.WriteLine(outputs.Count == 0 ? "output files: none (display, RTSP or fakesink only)" : "output files:");
        foreach (var output in outputs)
        {
            Console.WriteLine("  " + output);
        }
    }
}
