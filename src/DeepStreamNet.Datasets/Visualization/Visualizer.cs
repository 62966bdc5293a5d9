using System.Globalization;
using DeepStreamNet.Datasets.Imaging;
using DeepStreamNet.Datasets.Kitti;
using SkiaSharp;

namespace DeepStreamNet.Datasets.Visualization;

/// <summary>
/// Draws ground truth (green; DontCare grey) and predictions (red, with score) on the images with SkiaSharp.
/// Strokes are not anti-aliased and lie inside the box, so the box edge pixels carry the exact colour.
/// </summary>
public static class Visualizer
{
    public static readonly SKColor GroundTruthColor = new(0, 255, 0);
    public static readonly SKColor DontCareColor = new(160, 160, 160);
    public static readonly SKColor PredictionColor = new(255, 0, 0);

    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".bmp", ".webp" };

    public static VisualizeSummary Run(VisualizeOptions options, IProgress<(string Stage, int Done, int Total)>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (File.Exists(options.ImagesDirectory) || File.Exists(options.LabelsDirectory) || File.Exists(options.OutputDirectory))
        {
            throw new DirectoryNotFoundException($"--images, --labels and --out take folders; a file was given ({string.Join(", ", new[] { options.ImagesDirectory, options.LabelsDirectory, options.OutputDirectory }.Where(File.Exists))})");
        }

        if (!Directory.Exists(options.ImagesDirectory))
        {
            throw new DirectoryNotFoundException($"--images: folder '{options.ImagesDirectory}' does not exist");
        }

        if (!Directory.Exists(options.LabelsDirectory))
        {
            throw new DirectoryNotFoundException($"--labels: folder '{options.LabelsDirectory}' does not exist");
        }

        if (options.PredictionsDirectory is { } pd && !Directory.Exists(pd))
        {
            throw new DirectoryNotFoundException($"--pred: folder '{pd}' does not exist");
        }

        var jpg = options.Format.ToLowerInvariant() switch
        {
            "png" => false,
            "jpg" or "jpeg" => true,
            _ => throw new ArgumentException($"--format '{options.Format}' is not png or jpg"),
        };

        Directory.CreateDirectory(options.OutputDirectory);
        var images = Directory.EnumerateFiles(options.ImagesDirectory)
            .Where(f => ImageExtensions.Contains(Path.GetExtension(f)))
            .Order(StringComparer.Ordinal).ToList();
        var summary = new VisualizeSummary { OutputDirectory = Path.GetFullPath(options.OutputDirectory) };
        var problems = new string?[images.Count];
        var gtCounts = new int[images.Count];
        var predCounts = new int[images.Count];
        var done = 0;
        Parallel.For(0, images.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism) }, i =>
        {
            var img = images[i];
            var stem = Path.GetFileNameWithoutExtension(img);
            try
            {
                var gtPath = Path.Combine(options.LabelsDirectory, stem + ".txt");
                var gt = File.Exists(gtPath) ? KittiLabelFile.Read(gtPath, allowScore: true) : [];
                List<KittiObject> preds = [];
                if (options.PredictionsDirectory is { } dir)
                {
                    var p = Path.Combine(dir, stem + ".txt");
                    preds = File.Exists(p) ? KittiLabelFile.Read(p, allowScore: true).Where(o => (o.Score ?? 1) >= options.ScoreThreshold).ToList() : [];
                }

                using var bitmap = ImageIo.LoadOpaque(img);
                Draw(bitmap, gt, preds, options.LineWidth);
                var bytes = jpg ? ImageIo.EncodeJpeg(bitmap, 92) : ImageIo.EncodePng(bitmap);
                AtomicFile.WriteAllBytes(Path.Combine(options.OutputDirectory, stem + (jpg ? ".jpg" : ".png")), bytes);
                gtCounts[i] = gt.Count;
                predCounts[i] = preds.Count;
                if (!File.Exists(gtPath))
                {
                    problems[i] = $"{img}: no label file {gtPath} (drawn without ground truth)";
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException or LabelFormatException or UnauthorizedAccessException or InvalidOperationException)
            {
                problems[i] = $"{img}: {e.Message} (skipped)";
                gtCounts[i] = -1;
            }

            progress?.Report(("drawing", Interlocked.Increment(ref done), images.Count));
        });

        for (var i = 0; i < images.Count; i++)
        {
            if (gtCounts[i] >= 0)
            {
                summary.ImagesWritten++;
                summary.GroundTruthBoxes += gtCounts[i];
                summary.PredictionBoxes += predCounts[i];
            }
            else
            {
                summary.ImagesSkipped++;
            }

            if (problems[i] is { } p)
            {
                summary.Problems.Add(p);
            }
        }

        return summary;
    }

    /// <summary>Draws the boxes onto <paramref name="bitmap"/> in place.</summary>
    public static void Draw(SKBitmap bitmap, IReadOnlyList<KittiObject> groundTruth, IReadOnlyList<KittiObject> predictions, int lineWidth = 2)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        ArgumentNullException.ThrowIfNull(groundTruth);
        ArgumentNullException.ThrowIfNull(predictions);
        using var canvas = new SKCanvas(bitmap);
        using var font = new SKFont(SKTypeface.Default, Math.Max(10, bitmap.Height / 40f));
        foreach (var o in groundTruth)
        {
            var color = string.Equals(o.Type, "DontCare", StringComparison.OrdinalIgnoreCase) ? DontCareColor : GroundTruthColor;
            DrawBox(canvas, font, o.Box, color, o.Type, lineWidth, above: true);
        }

        foreach (var o in predictions)
        {
            var text = o.Score is { } s ? string.Create(CultureInfo.InvariantCulture, $"{o.Type} {s:0.00}") : o.Type;
            DrawBox(canvas, font, o.Box, PredictionColor, text, lineWidth, above: false);
        }

        canvas.Flush();
    }

    private static void DrawBox(SKCanvas canvas, SKFont font, Box box, SKColor color, string text, int lineWidth, bool above)
    {
        var l = (float)Math.Round(box.Left);
        var t = (float)Math.Round(box.Top);
        var r = (float)Math.Round(box.Right);
        var b = (float)Math.Round(box.Bottom);
        if (r - l < 1 || b - t < 1)
        {
            return;
        }

        using var stroke = new SKPaint { Color = color, Style = SKPaintStyle.Fill, IsAntialias = false };
        var w = Math.Min(lineWidth, (int)Math.Min(r - l, b - t));

        // Four filled bands inside the box: exact pixels, no anti-aliasing, edges on the box's own pixels.
        canvas.DrawRect(new SKRect(l, t, r, t + w), stroke);
        canvas.DrawRect(new SKRect(l, b - w, r, b), stroke);
        canvas.DrawRect(new SKRect(l, t, l + w, b), stroke);
        canvas.DrawRect(new SKRect(r - w, t, r, b), stroke);

        // Caption: ground truth above the box, predictions below it, on a band of the box colour.
        var textWidth = font.MeasureText(text);
        var h = font.Size + 2;
        var y = above ? Math.Max(0, t - h) : Math.Min(canvas.DeviceClipBounds.Bottom - h, b);
        using var band = new SKPaint { Color = color.WithAlpha(200), Style = SKPaintStyle.Fill, IsAntialias = false };
        canvas.DrawRect(new SKRect(l, y, l + textWidth + 4, y + h), band);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        canvas.DrawText(text, l + 2, y + font.Size - 1, SKTextAlign.Left, font, ink);
    }
}
