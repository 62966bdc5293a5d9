using System.CommandLine;
using DeepStreamNet.Cli.Progress;
using DeepStreamNet.Datasets.Visualization;

namespace DeepStreamNet.Cli.Commands;

/// <summary>
/// <c>dsnet visualize</c>: draws ground truth (green) and predictions (red, with score) on the images; prints the output
/// folder; exit 0, 1 when images were skipped (listed; the others are written), 2 for bad options.
/// </summary>
internal static class VisualizeCommand
{
    public static Command Create()
    {
        var images = new Option<DirectoryInfo>("--images") { Description = "Image folder", Required = true };
        var labels = new Option<DirectoryInfo>("--labels") { Description = "KITTI ground-truth folder", Required = true };
        var pred = new Option<DirectoryInfo?>("--pred") { Description = "KITTI prediction folder (16th field = score)" };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output folder", Required = true };
        var score = new Option<double>("--score-threshold") { Description = "Hide predictions below this score", DefaultValueFactory = _ => 0 };
        var format = new Option<string>("--format") { Description = "png or jpg", DefaultValueFactory = _ => "png" };
        var command = new Command("visualize", "Draw ground truth and predictions (class and score) on images.");
        foreach (var o in new Option[] { images, labels, pred, output, score, format })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            try
            {
                var options = new VisualizeOptions(parse.GetValue(images)!.FullName, parse.GetValue(labels)!.FullName, parse.GetValue(output)!.FullName)
                {
                    PredictionsDirectory = parse.GetValue(pred)?.FullName,
                    ScoreThreshold = parse.GetValue(score),
                    Format = parse.GetValue(format)!,
                };
                var summary = CommandProgress.Run("visualize", "images", progress => Visualizer.Run(options, progress));
                Console.Out.WriteLine($"wrote {summary.ImagesWritten} images to {summary.OutputDirectory} ({summary.GroundTruthBoxes} ground-truth boxes, {summary.PredictionBoxes} predictions)");
                foreach (var p in summary.Problems)
                {
                    Console.Out.WriteLine($"  {p}");
                }

                return CommandOutcome.SkippedExitCode("visualize", summary.ImagesSkipped, "image(s) skipped, listed above; the others were written");
            }
            catch (Exception e) when (e is ArgumentException or DirectoryNotFoundException or IOException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
