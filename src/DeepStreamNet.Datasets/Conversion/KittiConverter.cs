using DeepStreamNet.Datasets.Imaging;
using DeepStreamNet.Datasets.Kitti;
using DeepStreamNet.Datasets.Limits;
using DeepStreamNet.Datasets.Sources;

namespace DeepStreamNet.Datasets.Conversion;

/// <summary>
/// <c>dsnet dataset convert</c>: reads the face datasets, applies the recipe's selection rules and the per-class
/// budget in the order Kaggle (VOC, then JSON) → MAFA → FDDB → WIDER FACE, clips boxes to the image, resizes images
/// to the training resolution with boxes scaled, and writes <c>images/&lt;stem&gt;.jpg</c> + <c>labels/&lt;stem&gt;.txt</c>.
/// Reading and selection are sequential (deterministic); probing and image writing run in parallel.
/// </summary>
public static class KittiConverter
{
    public const string MaskClass = "mask";
    public const string NoMaskClass = "no-mask";
    public const string DontCareClass = "DontCare";
    public const string ManifestName = "dsnet-convert-manifest.txt";

    private sealed record Candidate(SourceImage Image, string Stem, DatasetSummary Summary)
    {
        public int Width { get; set; }

        public int Height { get; set; }

        public string? ProbeError { get; set; }

        public List<KittiObject> Labels { get; } = [];

        public bool Selected { get; set; }

        public bool Written { get; set; }
    }

    public static ConversionSummary Run(ConversionOptions options, IProgress<(string Stage, int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var summary = new ConversionSummary
        {
            OutputDirectory = Path.GetFullPath(options.OutputDirectory),
            Split = options.Split == ConversionSplit.Train ? "train" : "val",
            CategoryLimit = options.CategoryLimit,
        };

        // 1. Read annotations, dataset by dataset, in budget order.
        var candidates = new List<Candidate>();
        foreach (var (key, read) in Sources(options, summary))
        {
            SourceReadResult result;
            try
            {
                result = read();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An unreadable folder or annotation file loses that dataset, not the run.
                result = new SourceReadResult();
                result.Problems.Add(new SourceProblem(key, "(dataset)", e.Message));
            }

            var ds = new DatasetSummary { Dataset = key, ImagesListed = result.Images.Count };
            foreach (var (reason, n) in result.DroppedAnnotations)
            {
                DatasetSummary.Add(reason.StartsWith("image", StringComparison.Ordinal) ? ds.ImagesSkipped : ds.FacesNotLabelled, reason, n);
            }

            summary.Datasets.Add(ds);
            summary.Problems.AddRange(result.Problems);
            candidates.AddRange(result.Images.Select(img => new Candidate(img, string.Empty, ds)));
        }

        var stems = OutputNaming.Assign(candidates.Select(c => (c.Image.Dataset, c.Image.RelativeId)).ToList());
        candidates = candidates.Select((c, i) => c with { Stem = stems[i] }).ToList();

        // 2. Image sizes from the headers (parallel): unreadable files are found before they consume budget.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism), CancellationToken = cancellationToken };
        var probed = 0;
        Parallel.ForEach(candidates, parallel, c =>
        {
            try
            {
                (c.Width, c.Height) = ImageIo.Probe(c.Image.ImagePath);
                if (c.Width <= 0 || c.Height <= 0)
                {
                    c.ProbeError = "image has no pixels";
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                c.ProbeError = e.Message;
            }

            progress?.Report(("reading", Interlocked.Increment(ref probed), candidates.Count));
        });

        // 3. Selection and budget (sequential, in dataset order).
        int mask = 0, noMask = 0;
        foreach (var c in candidates)
        {
            if (Select(c, options, ref mask, ref noMask, summary))
            {
                c.Selected = true;
            }
        }

        // 4. Resize and write (parallel).
        var images = Path.Combine(options.OutputDirectory, "images");
        var labels = Path.Combine(options.OutputDirectory, "labels");
        Directory.CreateDirectory(images);
        Directory.CreateDirectory(labels);
        var selected = candidates.Where(c => c.Selected).ToList();
        var written = 0;
        var writeErrors = new System.Collections.Concurrent.ConcurrentDictionary<Candidate, string>();
        Parallel.ForEach(selected, parallel, c =>
        {
            try
            {
                using var bitmap = ImageIo.LoadOpaque(c.Image.ImagePath);
                using var resized = ImageIo.Resize(bitmap, options.Width, options.Height);
                AtomicFile.WriteAllBytes(Path.Combine(images, c.Stem + ".jpg"), ImageIo.EncodeJpeg(resized, options.JpegQuality));
                KittiLabelFile.Write(Path.Combine(labels, c.Stem + ".txt"), c.Labels);
                c.Written = true;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or InvalidOperationException)
            {
                writeErrors[c] = e.Message;
            }

            progress?.Report(("writing", Interlocked.Increment(ref written), selected.Count));
        });

        // 5. Summary from what was actually written, in input order.
        foreach (var c in selected)
        {
            if (!c.Written)
            {
                summary.Problems.Add(new SourceProblem(c.Image.Dataset, c.Image.ImagePath, writeErrors.GetValueOrDefault(c, "not written")));
                DatasetSummary.Add(c.Summary.ImagesSkipped, "unreadable or corrupt image");
                continue;
            }

            c.Summary.ImagesWritten++;
            foreach (var l in c.Labels)
            {
                switch (l.Type)
                {
                    case MaskClass: c.Summary.MaskFaces++; break;
                    case NoMaskClass: c.Summary.NoMaskFaces++; break;
                    default: c.Summary.DontCareFaces++; break;
                }
            }
        }

        summary.StaleFilesRemoved = ReplaceManifest(options.OutputDirectory, selected.Where(c => c.Written).Select(c => c.Stem));
        return summary;
    }

    private static void Validate(ConversionOptions o)
    {
        if (o.Width <= 0 || o.Height <= 0)
        {
            throw new ArgumentException($"output size {o.Width}x{o.Height} must be positive");
        }

        if (o.CategoryLimit < 0)
        {
            throw new ArgumentException($"category limit {o.CategoryLimit} must not be negative");
        }

        if (o.JpegQuality is < 1 or > 100)
        {
            throw new ArgumentException($"JPEG quality {o.JpegQuality} must be 1..100");
        }

        foreach (var (name, path) in new[] { ("--kaggle", o.KagglePath), ("--medical-json", o.MedicalJsonPath), ("--mafa", o.MafaPath), ("--fddb", o.FddbPath), ("--widerface", o.WiderFacePath) })
        {
            if (path is not null && File.Exists(path))
            {
                throw new DirectoryNotFoundException($"{name}: '{path}' is a file; give the dataset's root folder");
            }

            if (path is not null && !Directory.Exists(path))
            {
                throw new DirectoryNotFoundException($"{name}: folder '{path}' does not exist");
            }
        }

        if (o.KagglePath is null && o.MedicalJsonPath is null && o.MafaPath is null && o.FddbPath is null && o.WiderFacePath is null)
        {
            throw new ArgumentException("no input dataset given (--kaggle, --medical-json, --mafa, --fddb, --widerface)");
        }
    }

    private static IEnumerable<(string Key, Func<SourceReadResult> Read)> Sources(ConversionOptions o, ConversionSummary summary)
    {
        var val = o.Split == ConversionSplit.Val;
        foreach (var (key, path) in new[] { (VocReader.DatasetKey, o.KagglePath), (MedicalJsonReader.DatasetKey, o.MedicalJsonPath) })
        {
            if (path is null)
            {
                continue;
            }

            if (val)
            {
                summary.Problems.Add(new SourceProblem(key, path, "not used with --val (the recipe takes no validation images from it)"));
                continue;
            }

            yield return key == VocReader.DatasetKey
                ? (key, () => VocReader.Read(path, o.ClassMapping))
                : (key, () => MedicalJsonReader.Read(path, o.ClassMapping));
        }

        if (o.MafaPath is { } mafa)
        {
            yield return (MafaReader.DatasetKey, () => MafaReader.Read(mafa, testSplit: val));
        }

        if (o.FddbPath is { } fddb)
        {
            if (val)
            {
                summary.Problems.Add(new SourceProblem(FddbReader.DatasetKey, fddb, "not used with --val (the recipe takes no validation images from it)"));
            }
            else
            {
                yield return (FddbReader.DatasetKey, () => FddbReader.Read(fddb));
            }
        }

        if (o.WiderFacePath is { } wider)
        {
            yield return (WiderFaceReader.DatasetKey, () => WiderFaceReader.Read(wider, valSplit: val, o.WiderAllEvents));
        }
    }

    /// <summary>Applies the per-image rules and the budget; fills the scaled label lines of a selected image.</summary>
    private static bool Select(Candidate c, ConversionOptions o, ref int mask, ref int noMask, ConversionSummary summary)
    {
        var ds = c.Summary;
        if (c.ProbeError is not null)
        {
            summary.Problems.Add(new SourceProblem(c.Image.Dataset, c.Image.ImagePath, c.ProbeError));
            DatasetSummary.Add(ds.ImagesSkipped, "unreadable or corrupt image");
            return false;
        }

        if (c.Image.RequireLandscape && c.Width < c.Height)
        {
            DatasetSummary.Add(ds.ImagesSkipped, "portrait image (recipe rule)");
            return false;
        }

        var sx = (double)o.Width / c.Width;
        var sy = (double)o.Height / c.Height;
        var lines = new List<KittiObject>();
        var notLabelled = new List<string>();
        int m = 0, n = 0, ignored = 0;
        foreach (var f in c.Image.Faces)
        {
            var clipped = f.Box.Clip(c.Width, c.Height);
            if (!f.Box.IsValid || !clipped.IsValid)
            {
                notLabelled.Add(f.Box.IsValid ? "box outside the image" : "empty or inverted box");
                continue;
            }

            var scaled = clipped.Scale(sx, sy);
            switch (f.Class)
            {
                case FaceClass.Mask:
                    m++;
                    lines.Add(new KittiObject(MaskClass, scaled));
                    break;
                case FaceClass.NoMask:
                    n++;
                    lines.Add(new KittiObject(NoMaskClass, scaled));
                    break;
                case FaceClass.Ignore:
                    ignored++;
                    notLabelled.Add(f.Rule);
                    if (o.UnlabelledFaces == UnlabelledFacePolicy.DontCare)
                    {
                        lines.Add(new KittiObject(DontCareClass, scaled));
                    }

                    break;
                default:
                    break;
            }
        }

        if (m == 0 && n == 0)
        {
            DatasetSummary.Add(ds.ImagesSkipped, "no mask or no-mask face");
            return false;
        }

        if (ignored > 0 && o.UnlabelledFaces == UnlabelledFacePolicy.SkipImage)
        {
            DatasetSummary.Add(ds.ImagesSkipped, "has faces no rule labels (--unlabelled skip-image)");
            return false;
        }

        // The whole image or nothing: taking only some of its faces would leave the rest unlabelled.
        if (mask + m > o.CategoryLimit || noMask + n > o.CategoryLimit)
        {
            DatasetSummary.Add(ds.ImagesSkipped, "category limit reached");
            return false;
        }

        mask += m;
        noMask += n;
        foreach (var r in notLabelled)
        {
            DatasetSummary.Add(ds.FacesNotLabelled, r);
        }

        c.Labels.AddRange(lines);
        return true;
    }

    /// <summary>Records this run's stems and deletes the files of an earlier run's stems that are no longer produced.</summary>
    private static int ReplaceManifest(string outDir, IEnumerable<string> stems)
    {
        var path = Path.Combine(outDir, ManifestName);
        var now = stems.ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        if (File.Exists(path))
        {
            foreach (var old in BoundedFile.ReadAllLines(path))
            {
                if (old.Length == 0 || now.Contains(old) || old.Contains('/', StringComparison.Ordinal) || old.Contains('\\', StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var f in new[] { Path.Combine(outDir, "images", old + ".jpg"), Path.Combine(outDir, "labels", old + ".txt") })
                {
                    if (File.Exists(f))
                    {
                        File.Delete(f);
                        removed++;
                    }
                }
            }
        }

        AtomicFile.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(string.Join('\n', now.Order(StringComparer.Ordinal)) + "\n"));
        return removed;
    }
}
