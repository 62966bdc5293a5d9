using System.CommandLine;
using DeepStreamNet.Datasets.Checking;

namespace DeepStreamNet.Cli.Commands;

/// <summary><c>dsnet dataset check DIR</c>: validates a KITTI training folder; exit code 1 with the list of issues.</summary>
internal static class DatasetCheckCommand
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("DIR") { Description = "KITTI folder with images/ and labels/" };
        var classes = new Option<string?>("--classes") { Description = "Comma-separated known class names (default: mask,no-mask,DontCare)" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var command = new Command("check", "Check a KITTI folder: labels parse, boxes inside images, known classes, one image size, images and labels pair up.");
        command.Arguments.Add(dir);
        command.Options.Add(classes);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var known = parse.GetValue(classes)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var report = DatasetChecker.Check(parse.GetValue(dir)!.FullName, known);
            Console.Out.Write(parse.GetValue(json) ? report.ToJson() + Environment.NewLine : report.ToText());
            return report.Ok ? 0 : 1;
        });
        return command;
    }
}
