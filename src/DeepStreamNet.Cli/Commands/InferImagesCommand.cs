using System.CommandLine;
using System.Globalization;
using DeepStreamNet.InferImages;

namespace DeepStreamNet.Cli.Commands;

/// <summary><c>dsnet infer-images</c>: an app config's inference chain over a folder of images → KITTI files with scores.</summary>
internal static class InferImagesCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "deepstream-app config: its [primary-gie] (and [secondary-gie*]) run", Required = true };
        var images = new Option<DirectoryInfo>("--images") { Description = "Folder of images (PNG 8/16-bit, with or without alpha, JPEG), any size", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the KITTI files (one per image stem, score as 16th field)", Required = true };
        var score = new Option<float?>("--score-threshold") { Description = "Keep objects with at least this confidence: the primary detector runs with pre-cluster-threshold = this value (a derived copy of its nvinfer config). Default: the config's own thresholds" };
        var command = new Command("infer-images", "Run an app config's inference chain over a folder of images and write KITTI predictions (for dsnet evaluate).");
        foreach (var o in new Option[] { config, images, output, score })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            try
            {
                var summary = ImageInference.Run(new InferImagesOptions
                {
                    AppConfigPath = parse.GetValue(config)!.FullName,
                    ImagesDirectory = parse.GetValue(images)!.FullName,
                    OutputDirectory = parse.GetValue(output)!.FullName,
                    ScoreThreshold = parse.GetValue(score) ?? 0f,
                    DetectorThreshold = parse.GetValue(score),
                    Log = Console.Error,
                });
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{summary.Written}/{summary.Images} images, {summary.Objects} objects, {summary.Skipped} skipped, {summary.Pipelines} pipelines, {summary.Elapsed.TotalSeconds:F1} s"));
                return summary.Written == 0 && summary.Images > 0 ? 1 : 0;
            }
            catch (Exception e) when (e is InvalidDataException or DirectoryNotFoundException or FileNotFoundException or InvalidOperationException or IOException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
