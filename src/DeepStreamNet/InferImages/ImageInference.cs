using System.Diagnostics;
using System.Text;
using DeepStreamNet.GStreamer;
using DeepStreamNet.Kitti;

namespace DeepStreamNet.InferImages;

/// <summary>
/// <c>dsnet infer-images</c>: runs an app config's inference chain over a folder of images of any size and writes
/// one KITTI file per image (original image coordinates, the confidence as 16th field).
/// </summary>
public static class ImageInference
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg"];

    /// <summary>Runs the whole folder; bad images are skipped with a message (in the summary and <see cref="InferImagesOptions.Log"/>).</summary>
    /// <exception cref="InvalidDataException">The app config cannot drive inference (the message names file/group/key).</exception>
    /// <exception cref="DirectoryNotFoundException">The image folder does not exist.</exception>
    public static InferImagesSummary Run(InferImagesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var chain = InferenceChain.FromAppConfig(options.AppConfigPath, options.ScaleToMuxer);
        if (options.PrimaryConfigOverride is { } primary)
        {
            chain = chain with { PrimaryConfig = Path.GetFullPath(primary) };
        }

        string? overrideDir = null;
        if (options.DetectorThreshold is { } threshold)
        {
            overrideDir = Path.Combine(Path.GetTempPath(), $"dsnet-infer-images-{Environment.ProcessId}-{Guid.NewGuid():N}");
            chain = chain with { PrimaryConfig = DetectorThresholdOverride.Write(chain.PrimaryConfig, threshold, overrideDir) };
        }

        try
        {
            return RunChain(options, chain);
        }
        finally
        {
            if (overrideDir is not null)
            {
                Directory.Delete(overrideDir, recursive: true);
            }
        }
    }

    private static InferImagesSummary RunChain(InferImagesOptions options, InferenceChain chain)
    {
        if (!Directory.Exists(options.ImagesDirectory))
        {
            throw new DirectoryNotFoundException($"image folder not found: {options.ImagesDirectory}");
        }

        GstStartup.Initialize();
        Directory.CreateDirectory(options.OutputDirectory);
        var images = Directory.EnumerateFiles(options.ImagesDirectory)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        var sw = Stopwatch.StartNew();
        var problems = new List<string>();
        var open = new List<ImagePipeline>(); // most recently used last
        int written = 0, objects = 0, made = 0;
        try
        {
            foreach (var path in images)
            {
                List<Detection> found;
                try
                {
                    using var image = ImageDecoder.Decode(path);
                    var pipeline = open.Find(p => p.Width == image.Width && p.Height == image.Height);
                    if (pipeline is null)
                    {
                        if (open.Count >= Math.Max(1, options.MaxOpenPipelines))
                        {
                            open[0].Dispose();
                            open.RemoveAt(0);
                        }

                        pipeline = new ImagePipeline(chain, image.Width, image.Height, options.ScoreThreshold);
                        made++;
                    }
                    else
                    {
                        open.Remove(pipeline);
                    }

                    open.Add(pipeline);
                    found = pipeline.Infer(image, TimeSpan.FromSeconds(120));
                    WriteKitti(Path.Combine(options.OutputDirectory, Path.GetFileNameWithoutExtension(path) + ".txt"), found, image.Width, image.Height);
                }
                catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException or TimeoutException)
                {
                    var message = $"skipped {path}: {e.Message}";
                    problems.Add(message);
                    options.Log?.WriteLine(message);
                    options.Progress?.Report(("images", written + problems.Count, images.Count));
                    continue;
                }

                written++;
                objects += found.Count;
                options.Progress?.Report(("images", written + problems.Count, images.Count));
            }
        }
        finally
        {
            foreach (var p in open)
            {
                p.Dispose();
            }
        }

        return new InferImagesSummary(images.Count, written, images.Count - written, objects, made, sw.Elapsed, problems);
    }

    /// <summary>One KITTI line per object (<see cref="KittiLine"/>; boxes clipped to the image), written atomically.</summary>
    public static void WriteKitti(string path, IEnumerable<Detection> detections, int width, int height)
    {
        var b = new StringBuilder();
        foreach (var d in detections)
        {
            KittiLine.AppendDetection(b, d.Label, d.ClassId, Math.Clamp(d.Box.Left, 0, width), Math.Clamp(d.Box.Top, 0, height),
                Math.Clamp(d.Box.Right, 0, width), Math.Clamp(d.Box.Bottom, 0, height), d.Confidence);
        }

        var tmp = path + ".tmp";
        File.WriteAllText(tmp, b.ToString());
        File.Move(tmp, path, overwrite: true);
    }
}
