using System.CommandLine;

namespace DeepStreamNet.Cli.Commands;

/// <summary><c>dsnet dataset</c>: the data steps of the face-mask recipe (convert, check).</summary>
internal static class DatasetCommand
{
    public static Command Create()
    {
        var command = new Command("dataset", "Face-mask training data: convert source datasets to KITTI, check a KITTI folder.");
        command.Subcommands.Add(DatasetConvertCommand.Create());
        command.Subcommands.Add(DatasetCheckCommand.Create());
        return command;
    }
}
