using DeepStreamNet.Config;
using DeepStreamNet.Pipeline;
using DeepStreamNet.GStreamer;
using DeepStreamNet.Runner;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner;

/// <summary>Writes deepstream-app configs for the runtime tests and runs them through the real runner.</summary>
internal static class RunnerHarness
{
    public static string InferConfig => Path.Combine(TestPaths.RepositoryRoot, "configs", "face-mask", "portable", "config_infer_primary_ultraface.txt");

    public static string TrackerConfig => Path.Combine(TestPaths.RepositoryRoot, "configs", "face-mask", "portable", "config_tracker_IOU.yml");

    /// <summary>A fresh temporary folder for one test.</summary>
    public static string TempDir(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "dsnet-runtime-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Config text: sources (URIs), [streammux], optional inference + tracker, tiler, OSD, one sink.</summary>
    public static string Config(IReadOnlyList<string> uris, string sink, bool infer = true, bool tracker = true, int muxWidth = 640, int muxHeight = 360,
        int tileWidth = 640, int tileHeight = 360, string application = "", string extra = "")
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("[application]").AppendLine(application);
        for (var i = 0; i < uris.Count; i++)
        {
            sb.AppendLine($"[source{i}]").AppendLine("enable=1").AppendLine("type=2").AppendLine($"uri={uris[i]}");
        }

        sb.AppendLine("[streammux]").AppendLine($"batch-size={uris.Count}").AppendLine("batched-push-timeout=40000")
            .AppendLine($"width={muxWidth}").AppendLine($"height={muxHeight}");
        sb.AppendLine("[tiled-display]").AppendLine("enable=1").AppendLine($"width={tileWidth}").AppendLine($"height={tileHeight}");
        sb.AppendLine("[osd]").AppendLine("enable=1").AppendLine("border-width=3").AppendLine("text-size=12").AppendLine("text-color=1;1;1;1").AppendLine("font=DejaVu Sans");
        sb.AppendLine("[sink0]").AppendLine("enable=1").AppendLine(sink);
        if (infer)
        {
            sb.AppendLine("[primary-gie]").AppendLine("enable=1").AppendLine($"batch-size={uris.Count}").AppendLine("gie-unique-id=1")
                .AppendLine("bbox-border-color0=0;1;0;1").AppendLine("bbox-border-color1=1;0;0;1").AppendLine($"config-file={InferConfig}");
        }

        if (tracker)
        {
            sb.AppendLine("[tracker]").AppendLine("enable=1").AppendLine("tracker-width=640").AppendLine("tracker-height=384")
                .AppendLine($"ll-config-file={TrackerConfig}").AppendLine("display-tracking-id=1");
        }

        sb.AppendLine(extra);
        return sb.ToString();
    }

    /// <summary>Loads the config and builds the portable graph (backend problems are in the report; the runner
    /// still gets the graph, so these tests do not depend on which validation rules are current).</summary>
    public static (PipelineGraph Graph, AppConfig Config) Graph(string dir, string text, params string[] overrides)
    {
        var path = Path.Combine(dir, "app.txt");
        File.WriteAllText(path, text);
        var plan = PipelinePlan.Create(path, overrides, PipelineBackend.Portable, TargetPlatform.DGpu);
        Assert.That(plan.Graph, Is.Not.Null, plan.Report.ToString());
        return (plan.Graph!, plan.Config!);
    }

    public static RunResult Run(PipelineRunner runner, TimeSpan timeout, CancellationToken token = default)
    {
        var task = runner.RunAsync(token);
        Assert.That(task.Wait(timeout, CancellationToken.None), Is.True, $"run did not end within {timeout.TotalSeconds} s");
        return task.Result;
    }
}
