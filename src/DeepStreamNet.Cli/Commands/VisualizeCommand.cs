using System.CommandLine;
using DeepStreamNet.Datasets.Conversion;
using DeepStreamNet.Datasets.Visualization;

namespace DeepStreamNet.Cli.Commands;

/// <summary><c>dsnet visualize</c>: draws ground truth (green) and predictions (red, with score) on the images.</summary>
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
                using var bar = new ConsoleProgressBar();
                var summary = Visualizer.Run(
                    new VisualizeOptions(parse.GetValue(images)!.FullName, parse.GetValue(labels)!.FullName, parse.GetValue(output)!.FullName)
                    {
                        PredictionsDirectory = parse.GetValue(pred)?.FullName,
                        ScoreThreshold = parse.GetValue(score),
                        Format = parse.GetValue(format)!,
                    },
                    bar);
                Console.Out.WriteLine($"{summary.ImagesWritten} images written ({summary.GroundTruthBoxes} ground-truth boxes, {summary.PredictionBoxes} predictions)");
                foreach (var p in summary.Problems)
                {
                    Console.Out.WriteLine($"  {p}");
                }

                return 0;
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
