using DeepStreamNet.Datasets.Kitti;
using DeepStreamNet.Datasets.Sources;

namespace DeepStreamNet.Datasets.Evaluation;

/// <summary>
/// Detection evaluation in the manner of TLT DetectNet_v2's evaluation: per-class AP at an IoU threshold with VOC
/// all-point interpolation ("INTEGRATE"), mAP, precision/recall at a score threshold, class-agnostic face AP, and
/// mask/no-mask accuracy of matched detections. Ground-truth boxes of other classes (e.g. <c>DontCare</c>) and
/// boxes outside the size filter are ignore regions: a detection on one counts neither as TP nor FP.
/// </summary>
public static class Evaluator
{
    private const string FaceClass = "face";

    /// <summary>Evaluates KITTI predictions (16th field = score) in <paramref name="predictionDir"/> against ground truth.</summary>
    /// <param name="predictionDir">Folder of <c>&lt;stem&gt;.txt</c> result files (or its parent holding <c>labels/</c>).</param>
    /// <param name="groundTruthDir">Folder of KITTI <c>.txt</c> or VOC <c>.xml</c> files (or its parent holding <c>labels/</c>/<c>annotations/</c>).</param>
    public static EvaluationResult Evaluate(string predictionDir, string groundTruthDir, EvaluationOptions? options = null)
    {
        options ??= new EvaluationOptions();
        options.Validate();
        var problems = new List<string>();
        var gt = LoadGroundTruth(groundTruthDir, options.GroundTruthFormat, problems);
        var pred = LoadPredictions(predictionDir, problems);
        var result = Evaluate(gt, pred, options);
        result.Problems.InsertRange(0, problems);
        return result;
    }

    /// <summary>
    /// Reads KITTI result files (<c>&lt;stem&gt;.txt</c>, 15 or 16 fields) keyed by stem; unreadable files are
    /// added to <paramref name="problems"/> and left out (so they count as no detections).
    /// </summary>
    public static Dictionary<string, IReadOnlyList<KittiObject>> LoadPredictions(string predictionDir, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var predDir = LabelFolder(predictionDir, "labels");
        RequireFolder(predDir, predictionDir, "prediction");

        var pred = new Dictionary<string, IReadOnlyList<KittiObject>>(StringComparer.Ordinal);
        foreach (var f in Directory.EnumerateFiles(predDir, "*.txt").Order(StringComparer.Ordinal))
        {
            try
            {
                pred[Path.GetFileNameWithoutExtension(f)] = KittiLabelFile.Read(f, allowScore: true);
            }
            catch (LabelFormatException e)
            {
                problems.Add(e.Message + " (file skipped: counted as no detections)");
            }
        }

        return pred;
    }

    /// <summary>Evaluates in-memory labels keyed by image id. Predictions without a score count as score 1.</summary>
    public static EvaluationResult Evaluate(
        IReadOnlyDictionary<string, IReadOnlyList<KittiObject>> groundTruth,
        IReadOnlyDictionary<string, IReadOnlyList<KittiObject>> predictions,
        EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(groundTruth);
        ArgumentNullException.ThrowIfNull(predictions);
        options ??= new EvaluationOptions();
        options.Validate();
        var ids = groundTruth.Keys.Order(StringComparer.Ordinal).ToList();
        var result = new EvaluationResult { IouThreshold = options.IouThreshold, ScoreThreshold = options.ScoreThreshold, Images = ids.Count };
        result.MissingPredictions.AddRange(ids.Where(id => !predictions.ContainsKey(id)));
        result.PredictionsWithoutGroundTruth.AddRange(predictions.Keys.Where(k => !groundTruth.ContainsKey(k)).Order(StringComparer.Ordinal));

        // Canonical class (or null = not evaluated) per object, and the size filter.
        var gtItems = ids.ToDictionary(id => id, id => groundTruth[id].Select(o => Item(o, options, isPrediction: false)).ToList(), StringComparer.Ordinal);
        var predItems = ids.ToDictionary(
            id => id,
            id => predictions.TryGetValue(id, out var p) ? p.Select(o => Item(o, options, isPrediction: true)).Where(x => x.InSize).ToList() : [],
            StringComparer.Ordinal);

        var aps = new List<double>();
        foreach (var cls in options.Classes)
        {
            var e = EvaluateClass(cls, ids, gtItems, predItems, options, c => string.Equals(c, cls, StringComparison.OrdinalIgnoreCase), null);
            result.PerClass.Add(e);
            if (!double.IsNaN(e.AveragePrecision))
            {
                aps.Add(e.AveragePrecision);
            }
        }

        result.MeanAveragePrecision = aps.Count > 0 ? aps.Average() : double.NaN;
        result.Face = EvaluateClass(FaceClass, ids, gtItems, predItems, options, c => c is not null, result);
        return result;
    }

    /// <summary>VOC all-point interpolated AP from the cumulative precision/recall of score-sorted detections.</summary>
    public static double AveragePrecision(IReadOnlyList<double> recall, IReadOnlyList<double> precision)
    {
        ArgumentNullException.ThrowIfNull(recall);
        ArgumentNullException.ThrowIfNull(precision);
        var n = recall.Count;
        var mrec = new double[n + 2];
        var mpre = new double[n + 2];
        mrec[n + 1] = 1;
        for (var i = 0; i < n; i++)
        {
            mrec[i + 1] = recall[i];
            mpre[i + 1] = precision[i];
        }

        for (var i = n; i >= 0; i--)
        {
            mpre[i] = Math.Max(mpre[i], mpre[i + 1]);
        }

        var ap = 0.0;
        for (var i = 0; i <= n; i++)
        {
            if (mrec[i + 1] != mrec[i])
            {
                ap += (mrec[i + 1] - mrec[i]) * mpre[i + 1];
            }
        }

        return ap;
    }

    private sealed record EvalItem(string? Class, Box Box, double Score, bool InSize);

    private static EvalItem Item(KittiObject o, EvaluationOptions options, bool isPrediction)
    {
        var name = options.ClassMap.TryGetValue(o.Type, out var mapped) ? mapped : o.Type;
        var cls = options.Classes.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
        if (cls is null && isPrediction && string.Equals(name, FaceClass, StringComparison.OrdinalIgnoreCase))
        {
            cls = FaceClass; // a one-class face detector: counts for the face AP, never as a correct mask/no-mask label
        }

        var h = o.Box.Height;
        var w = o.Box.Width;
        var inSize = h >= options.MinBoxHeight && h <= options.MaxBoxHeight && w >= options.MinBoxWidth && w <= options.MaxBoxWidth;
        return new EvalItem(cls, o.Box, isPrediction ? o.Score ?? 1.0 : 1.0, inSize);
    }

    private static ClassEvaluation EvaluateClass(
        string name,
        List<string> ids,
        Dictionary<string, List<EvalItem>> gtItems,
        Dictionary<string, List<EvalItem>> predItems,
        EvaluationOptions options,
        Func<string?, bool> inClass,
        EvaluationResult? accuracy)
    {
        // Ground truth of this class that passes the size filter counts; unevaluated classes (DontCare, …) and
        // boxes outside the size filter are ignore regions.
        var npos = 0;
        var gts = new Dictionary<string, (EvalItem Item, bool Counts)[]>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            // Other evaluated classes are left out entirely: a mask detection on a no-mask face is a false positive.
            var arr = gtItems[id].Where(g => g.Class is null || inClass(g.Class)).Select(g => (g, inClass(g.Class) && g.InSize)).ToArray();
            npos += arr.Count(a => a.Item2);
            gts[id] = arr;
        }

        var dets = ids
            .SelectMany(id => predItems[id].Select((p, k) => (Id: id, Index: k, Item: p)))
            .Where(d => inClass(d.Item.Class))
            .OrderByDescending(d => d.Item.Score)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Index)
            .ToList();

        var matched = gts.ToDictionary(kv => kv.Key, kv => new bool[kv.Value.Length], StringComparer.Ordinal);
        var indexes = new Dictionary<string, GroundTruthIndex>(StringComparer.Ordinal);
        var tpList = new List<bool>();
        var scores = new List<double>();
        foreach (var d in dets)
        {
            var g = gts[d.Id];
            if (!indexes.TryGetValue(d.Id, out var index))
            {
                indexes[d.Id] = index = new GroundTruthIndex(g.Select(x => x.Item.Box).ToList());
            }

            var best = index.BestMatch(d.Item.Box, options.IouThreshold, out _);
            if (best >= 0)
            {
                if (!g[best].Counts)
                {
                    continue; // ignore region (other class, DontCare, outside the size filter)
                }

                if (!matched[d.Id][best])
                {
                    matched[d.Id][best] = true;
                    tpList.Add(true);
                    scores.Add(d.Item.Score);
                    if (accuracy is not null && d.Item.Score >= options.ScoreThreshold)
                    {
                        accuracy.MatchedDetections++;
                        var gtClass = g[best].Item.Class!;
                        var predClass = d.Item.Class!;
                        if (string.Equals(gtClass, predClass, StringComparison.OrdinalIgnoreCase))
                        {
                            accuracy.CorrectlyClassified++;
                        }

                        var key = $"{gtClass}->{predClass}";
                        accuracy.Confusion[key] = accuracy.Confusion.GetValueOrDefault(key) + 1;
                    }

                    continue;
                }
            }

            tpList.Add(false);
            scores.Add(d.Item.Score);
        }

        var recall = new double[tpList.Count];
        var precision = new double[tpList.Count];
        int tp = 0, fp = 0, tpThr = 0, fpThr = 0;
        for (var i = 0; i < tpList.Count; i++)
        {
            if (tpList[i])
            {
                tp++;
            }
            else
            {
                fp++;
            }

            if (scores[i] >= options.ScoreThreshold)
            {
                tpThr = tp;
                fpThr = fp;
            }

            recall[i] = npos > 0 ? (double)tp / npos : 0;
            precision[i] = (double)tp / (tp + fp);
        }

        return new ClassEvaluation
        {
            Class = name,
            GroundTruth = npos,
            Detections = tpList.Count,
            AveragePrecision = npos > 0 ? AveragePrecision(recall, precision) : double.NaN,
            TruePositives = tpThr,
            FalsePositives = fpThr,
            Precision = tpThr + fpThr > 0 ? (double)tpThr / (tpThr + fpThr) : double.NaN,
            Recall = npos > 0 ? (double)tpThr / npos : double.NaN,
        };
    }

    /// <summary>
    /// Reads ground truth keyed by file stem: KITTI <c>.txt</c> or VOC <c>.xml</c> (object name → type);
    /// unreadable files are added to <paramref name="problems"/> and left out.
    /// </summary>
    public static Dictionary<string, IReadOnlyList<KittiObject>> LoadGroundTruth(string dir, GroundTruthFormat format, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var gt = new Dictionary<string, IReadOnlyList<KittiObject>>(StringComparer.Ordinal);
        if (format == GroundTruthFormat.Kitti)
        {
            var labels = LabelFolder(dir, "labels");
            RequireFolder(labels, dir, "ground-truth");

            foreach (var f in Directory.EnumerateFiles(labels, "*.txt").Order(StringComparer.Ordinal))
            {
                try
                {
                    gt[Path.GetFileNameWithoutExtension(f)] = KittiLabelFile.Read(f);
                }
                catch (LabelFormatException e)
                {
                    problems.Add(e.Message + " (ground-truth file skipped)");
                }
            }

            return gt;
        }

        var xmlDir = Directory.Exists(Path.Combine(dir, "annotations")) ? Path.Combine(dir, "annotations") : LabelFolder(dir, "labels");
        RequireFolder(xmlDir, dir, "ground-truth");

        foreach (var f in Directory.EnumerateFiles(xmlDir, "*.xml").Order(StringComparer.Ordinal))
        {
            var sink = new SourceReadResult();
            try
            {
                var (objects, _) = VocReader.Parse(f, sink, "gt");
                gt[Path.GetFileNameWithoutExtension(f)] = objects.Select(o => new KittiObject(o.Name, o.Box)).ToList();
                foreach (var p in sink.Problems)
                {
                    problems.Add($"{p.Path}: {p.Message}");
                }
            }
            catch (LabelFormatException e)
            {
                problems.Add(e.Message + " (ground-truth file skipped)");
            }
        }

        return gt;
    }

    private static void RequireFolder(string folder, string given, string what)
    {
        if (File.Exists(given))
        {
            throw new DirectoryNotFoundException($"{what} folder '{given}' is a file; give the folder that holds the label files");
        }

        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{what} folder '{given}' does not exist");
        }
    }

    private static string LabelFolder(string dir, string sub) => Directory.Exists(Path.Combine(dir, sub)) ? Path.Combine(dir, sub) : dir;
}
