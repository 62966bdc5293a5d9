using System.CommandLine;

namespace DeepStreamNet.Cli.Commands;

/// <summary><c>dsnet train</c>: models trained on the CPU (mask classifier, detector box calibration).</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Train models on the CPU: the mask classifier (secondary GIE), the detector's box calibration.");
        command.Subcommands.Add(TrainClassifierCommand.Create());
        command.Subcommands.Add(TrainBoxCalibrationCommand.Create());
        return command;
    }
}
