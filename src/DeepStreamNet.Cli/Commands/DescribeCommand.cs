using System.CommandLine;
using DeepStreamNet.Config;
using DeepStreamNet.Pipeline;

namespace DeepStreamNet.Cli.Commands;

/// <summary><c>dsnet describe CONFIG [--backend auto|deepstream|portable] [--set …] [--dot FILE]</c>: print the pipeline graph.</summary>
internal static class DescribeCommand
{
    public static Command Create()
    {
        var config = new Argument<FileInfo>("CONFIG") { Description = "deepstream-app config file (INI / GLib key file)" };
        var set = ConfigOptions.SetOption();
        var backend = ConfigOptions.BackendOption(PipelineBackend.Auto, "element set: auto (deepstream when the nvinfer factory exists, else portable), deepstream or portable");
        var platform = ConfigOptions.PlatformOption();
        var dot = new Option<FileInfo?>("--dot") { Description = "also write the graph as Graphviz dot to FILE ('-' = standard output instead of the text form)" };
        var command = new Command("describe", "Show the GStreamer pipeline a deepstream-app config builds: elements, properties, links.")
        {
            config, set, backend, platform, dot,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(config)!;
            if (!ConfigOptions.ConfigFileExists(path))
            {
                return 2;
            }

            var plan = ConfigOptions.Plan(path, parse.GetValue(set), parse.GetValue(backend), parse.GetValue(platform));
            ConfigOptions.Print(plan.Report);
            if (plan.Graph is not { } graph)
            {
                return 1;
            }

            var dotFile = parse.GetValue(dot);
            if (dotFile is { Name: "-" })
            {
                Console.Write(GraphDotRenderer.Render(graph));
            }
            else
            {
                Console.Write(GraphTextRenderer.Render(graph));
                PrintIgnoredKeys(plan);
                if (dotFile is not null)
                {
                    try
                    {
                        File.WriteAllText(dotFile.FullName, GraphDotRenderer.Render(graph));
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        Console.Error.WriteLine($"{dotFile.FullName}: cannot write: {ex.Message}");
                        return 2;
                    }
                }
            }

            return plan.IsValid ? 0 : 1;
        });
        return command;
    }

    // Keys the chosen backend does not read (declared per key in Config/Keys): not errors, a config written for
    // DeepStream runs unchanged on the portable runtime, but the user should know they have no effect.
    private static void PrintIgnoredKeys(PipelinePlan plan)
    {
        if (plan.Config is not { } config)
        {
            return;
        }

        var backend = plan.Backend == PipelineBackend.DeepStream ? KeyBackends.DeepStream : KeyBackends.Portable;
        var ignored = KeySupport.IgnoredBy(config, backend);
        if (ignored.Count == 0)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine($"keys without effect on this backend ({ignored.Count}):");
        foreach (var issue in ignored)
        {
            Console.WriteLine("  " + issue.ToDisplayString());
        }
    }
}
