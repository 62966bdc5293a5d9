using System.CommandLine;
using System.Globalization;
using DeepStreamNet.Cli.Progress;
using DeepStreamNet.InferImages;

namespace DeepStreamNet.Cli.Commands;

/// <summary>
/// <c>dsnet infer-images</c>: an app config's inference chain over a folder of images → KITTI files with scores. Prints
/// the output folder; exit 0, 1 when images were skipped (listed; the others are written), 2 for bad options.
/// </summary>
internal static class InferImagesCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "deepstream-app config: its [primary-gie] (and [secondary-gie*]) run", Required = true };
        var images = new Option<DirectoryInfo>("--images") { Description = "Folder of images (PNG 8/16-bit, with or without alpha, JPEG), any size", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the KITTI files (one per image stem, score as 16th field)", Required = true };
        var score = new Option<float?>("--score-threshold") { Description = "Keep objects with at least this confidence: the primary detector runs with pre-cluster-threshold = this value (a derived copy of its nvinfer config). Default: the config's own thresholds" };
        var muxer = new Option<bool>("--scale-to-muxer") { Description = "Scale every image into the config's [streammux] width x height first, keeping its aspect ratio, as deepstream-app's muxer scales its sources with enable-padding=1 (objects are then measured in muxer pixels, as nvinfer's input-object-min-width/height are); boxes are written in image pixels" };
        var command = new Command("infer-images", "Run an app config's inference chain over a folder of images and write KITTI predictions (for dsnet evaluate).");
        foreach (var o in new Option[] { config, images, output, score, muxer })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            if (Directory.Exists(parse.GetValue(config)!.FullName) || File.Exists(parse.GetValue(images)!.FullName) || File.Exists(parse.GetValue(output)!.FullName))
            {
                Console.Error.WriteLine("error: --config takes a file, --images and --out take folders");
                return 2;
            }

            try
            {
                var outputDirectory = parse.GetValue(output)!.FullName;
                var summary = CommandProgress.Run("infer-images", "images", progress => ImageInference.Run(new InferImagesOptions
                {
                    AppConfigPath = parse.GetValue(config)!.FullName,
                    ImagesDirectory = parse.GetValue(images)!.FullName,
                    OutputDirectory = outputDirectory,
                    ScoreThreshold = parse.GetValue(score) ?? 0f,
                    DetectorThreshold = parse.GetValue(score),
                    ScaleToMuxer = parse.GetValue(muxer),
                    Log = progress.Error,
                    Progress = progress,
                }));
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{summary.Written}/{summary.Images} images, {summary.Objects} objects, {summary.Skipped} skipped, {summary.Pipelines} pipelines, {summary.Elapsed.TotalSeconds:F1} s"));
                Console.Out.WriteLine($"wrote {summary.Written} KITTI files to {outputDirectory}");
                return CommandOutcome.SkippedExitCode("infer-images", summary.Skipped, "image(s) skipped, listed above; the others were written");
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
