using System.Globalization;
using System.Text;
using DeepStreamNet.Datasets.Evaluation;
using DeepStreamNet.Datasets.Kitti;

namespace DeepStreamNet.Training.Calibration;

/// <summary>
/// <c>dsnet train box-calibration</c>: matches a detector's KITTI predictions on the TRAINING split (from
/// <c>dsnet infer-images</c>) to the annotations (greedy by score, IoU ≥ <c>minIou</c>), fits a
/// <see cref="BoxCalibration"/> and reports the mean IoU of the matched pairs before and after.
/// </summary>
public static class BoxCalibrationFitter
{
    /// <summary>Classes that count as faces in the annotations (VOC names of the Kaggle set and the KITTI ones).</summary>
    private static readonly HashSet<string> FaceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "mask", "no-mask", "with_mask", "without_mask", "mask_weared_incorrect", "face", "face_with_mask", "face_no_mask",
    };

    /// <exception cref="DirectoryNotFoundException">A folder does not exist.</exception>
    /// <exception cref="InvalidDataException">Nothing could be matched.</exception>
    public static (BoxCalibration Calibration, string Report) Fit(string predictionDir, string groundTruthDir, GroundTruthFormat format, double minScore, double minIou)
    {
        var problems = new List<string>();
        var gt = Evaluator.LoadGroundTruth(groundTruthDir, format, problems);
        var pred = Evaluator.LoadPredictions(predictionDir, problems);
        var pairs = new List<(Box Detected, Box Truth)>();
        var images = 0;
        foreach (var (id, truths) in gt)
        {
            if (!pred.TryGetValue(id, out var detections))
            {
                continue;
            }

            images++;
            var faces = truths.Where(t => FaceNames.Contains(t.Type) && t.Box.IsValid).Select(t => t.Box).ToList();
            var taken = new bool[faces.Count];
            foreach (var d in detections.Where(d => (d.Score ?? 1) >= minScore && d.Box.IsValid).OrderByDescending(d => d.Score ?? 1))
            {
                var best = -1;
                var bestIou = minIou;
                for (var i = 0; i < faces.Count; i++)
                {
                    var iou = faces[i].IoU(d.Box);
                    if (!taken[i] && iou >= bestIou)
                    {
                        best = i;
                        bestIou = iou;
                    }
                }

                if (best >= 0)
                {
                    taken[best] = true;
                    pairs.Add((d.Box, faces[best]));
                }
            }
        }

        var calibration = BoxCalibration.Fit(pairs);
        var before = pairs.Average(p => p.Detected.IoU(p.Truth));
        var after = pairs.Average(p => calibration.Apply(p.Detected).IoU(p.Truth));
        var over = pairs.Count(p => p.Detected.IoU(p.Truth) >= 0.5);
        var overAfter = pairs.Count(p => calibration.Apply(p.Detected).IoU(p.Truth) >= 0.5);
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"matched pairs (score ≥ {minScore}, IoU ≥ {minIou}): {pairs.Count} in {images} images with predictions\n");
        b.Append(CultureInfo.InvariantCulture, $"calibration: {calibration}\n");
        b.Append(CultureInfo.InvariantCulture, $"mean IoU of the pairs: {before:F4} before, {after:F4} after\n");
        b.Append(CultureInfo.InvariantCulture, $"pairs at IoU ≥ 0.5: {over} before, {overAfter} after\n");
        foreach (var p in problems.Take(20))
        {
            b.Append("warning: ").Append(p).Append('\n');
        }

        return (calibration, b.ToString());
    }
}
