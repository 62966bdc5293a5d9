using System.CommandLine;
using DeepStreamNet.Cli.Commands;

namespace DeepStreamNet.Cli;

/// <summary>Entry point of the <c>dsnet</c> command: each area contributes its sub-commands below.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var root = new RootCommand("DeepStreamNet: run DeepStream-style pipelines, on NVIDIA DeepStream or the portable runtime.");
        // One line per command group (keep alphabetical).
        root.Subcommands.Add(AssetsCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(DatasetCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(DescribeCommand.Create());
        root.Subcommands.Add(DoctorCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(InferImagesCommand.Create());
        root.Subcommands.Add(QuantizeCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(VisualizeCommand.Create());
        return root.Parse(args).Invoke();
    }
}
