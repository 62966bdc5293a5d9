using System.Globalization;
using DeepStreamNet.Datasets.Imaging;
using DeepStreamNet.Datasets.Kitti;
using DeepStreamNet.Datasets.Limits;

namespace DeepStreamNet.Datasets.Checking;

/// <summary>
/// Checks a KITTI training folder (<c>images/</c> + <c>labels/</c>) the way DetectNet_v2 needs it: every label file
/// parses (15 fields), every box lies inside its image with positive size, class names are known, all images share
/// one size, and images and label files pair up one to one.
/// </summary>
public static class DatasetChecker
{
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".bmp", ".webp" };

    /// <summary>Class names accepted by default (those <c>dataset convert</c> writes).</summary>
    public static readonly IReadOnlyList<string> DefaultClasses = ["mask", "no-mask", "DontCare"];

    public static CheckReport Check(string directory, IReadOnlyCollection<string>? knownClasses = null, int maxDegreeOfParallelism = 0)
    {
        var I = CultureInfo.InvariantCulture;
        var known = new HashSet<string>(knownClasses ?? DefaultClasses, StringComparer.Ordinal);
        var report = new CheckReport { Directory = Path.GetFullPath(directory) };
        var imagesDir = Path.Combine(directory, "images");
        var labelsDir = Path.Combine(directory, "labels");
        if (!System.IO.Directory.Exists(imagesDir) || !System.IO.Directory.Exists(labelsDir))
        {
            report.Issues.Add($"{directory}: expected images/ and labels/ folders");
            return report;
        }

        var images = System.IO.Directory.EnumerateFiles(imagesDir)
            .Where(f => ImageExtensions.Contains(Path.GetExtension(f)))
            .Order(StringComparer.Ordinal).ToList();
        var labels = System.IO.Directory.EnumerateFiles(labelsDir, "*.txt").Order(StringComparer.Ordinal).ToList();
        report.Images = images.Count;
        report.LabelFiles = labels.Count;

        var imageByStem = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var img in images)
        {
            var stem = Path.GetFileNameWithoutExtension(img);
            if (!imageByStem.TryAdd(stem, img))
            {
                report.Issues.Add($"{img}: another image has the same stem ({Path.GetFileName(imageByStem[stem])})");
            }
        }

        var labelStems = labels.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        foreach (var (stem, img) in imageByStem)
        {
            if (!labelStems.Contains(stem!))
            {
                report.Issues.Add($"{img}: no label file labels/{stem}.txt");
            }
        }

        // Per-label work in parallel; issues are collected per file and merged in file order.
        var perFile = new List<string>[labels.Count];
        var sizes = new (int W, int H)?[labels.Count];
        var classCounts = new Dictionary<string, int>[labels.Count];
        var po = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount };
        Parallel.For(0, labels.Count, po, i =>
        {
            var issues = perFile[i] = [];
            var counts = classCounts[i] = new Dictionary<string, int>(StringComparer.Ordinal);
            var label = labels[i];
            var stem = Path.GetFileNameWithoutExtension(label);
            if (!imageByStem.TryGetValue(stem, out var img))
            {
                issues.Add($"{label}: no image images/{stem}.*");
                img = null;
            }

            int w = 0, h = 0;
            if (img is not null)
            {
                try
                {
                    (w, h) = ImageIo.Probe(img);
                    sizes[i] = (w, h);
                }
                catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    issues.Add($"{img}: unreadable image: {e.Message}");
                }
            }

            string[] lines;
            try
            {
                lines = BoundedFile.ReadAllLines(label);
            }
            catch (IOException e)
            {
                issues.Add($"{label}: {e.Message}");
                return;
            }

            for (var ln = 0; ln < lines.Length; ln++)
            {
                if (lines[ln].Trim().Length == 0)
                {
                    continue;
                }

                KittiObject o;
                try
                {
                    o = KittiLabelFile.Parse([lines[ln]], label)[0];
                }
                catch (LabelFormatException e)
                {
                    issues.Add(e.Message.Replace($"{label}:1:", $"{label}:{ln + 1}:", StringComparison.Ordinal));
                    continue;
                }

                counts[o.Type] = counts.GetValueOrDefault(o.Type) + 1;
                var where = string.Create(I, $"{label}:{ln + 1}");
                if (!known.Contains(o.Type))
                {
                    issues.Add($"{where}: unknown class '{o.Type}' (known: {string.Join(", ", known.Order(StringComparer.Ordinal))})");
                }

                var b = o.Box;
                if (!b.IsValid)
                {
                    issues.Add(string.Create(I, $"{where}: box ({b.Left} {b.Top} {b.Right} {b.Bottom}) has no positive width and height"));
                }
                else if (img is not null && w > 0 && (b.Left < 0 || b.Top < 0 || b.Right > w || b.Bottom > h))
                {
                    issues.Add(string.Create(I, $"{where}: box ({b.Left} {b.Top} {b.Right} {b.Bottom}) is outside the {w}x{h} image"));
                }
            }
        });

        for (var i = 0; i < labels.Count; i++)
        {
            report.Issues.AddRange(perFile[i]);
            foreach (var (cls, n) in classCounts[i])
            {
                report.ObjectsPerClass[cls] = report.ObjectsPerClass.GetValueOrDefault(cls) + n;
            }

            if (sizes[i] is { } s)
            {
                var key = string.Create(I, $"{s.W}x{s.H}");
                report.ImageSizes[key] = report.ImageSizes.GetValueOrDefault(key) + 1;
            }
        }

        if (report.ImageSizes.Count > 1)
        {
            report.Issues.Add($"images have {report.ImageSizes.Count} different sizes ({string.Join(", ", report.ImageSizes.Select(kv => $"{kv.Key}: {kv.Value}"))}); DetectNet_v2 needs one");
        }

        return report;
    }
}
