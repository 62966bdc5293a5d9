using System.Globalization;
using System.Text.Json;
using DeepStreamNet.Datasets.Kitti;

namespace DeepStreamNet.Training.Calibration;

/// <summary>
/// A per-coordinate affine correction in box-relative units that maps a detector's boxes onto a dataset's
/// annotation style: <c>x1' = x1 + Left·w</c>, <c>y1' = y1 + Top·h</c>, <c>x2' = x2 + Right·w</c>,
/// <c>y2' = y2 + Bottom·h</c> (w, h = the detector box's size). Linear in (x1, y1, x2, y2), so it can be baked
/// into a detector whose graph outputs corner boxes as one 4×4 MatMul.
/// </summary>
public sealed record BoxCalibration(double Left, double Top, double Right, double Bottom)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static BoxCalibration Identity { get; } = new(0, 0, 0, 0);

    public Box Apply(Box b) => new(b.Left + (Left * b.Width), b.Top + (Top * b.Height), b.Right + (Right * b.Width), b.Bottom + (Bottom * b.Height));

    /// <summary>Row-major 4×4 matrix M with <c>[x1 y1 x2 y2]' = [x1 y1 x2 y2]·M</c>.</summary>
    public float[] Matrix() =>
    [
        (float)(1 - Left), 0, (float)-Right, 0,
        0, (float)(1 - Top), 0, (float)-Bottom,
        (float)Left, 0, (float)(1 + Right), 0,
        0, (float)Top, 0, (float)(1 + Bottom),
    ];

    /// <summary>
    /// Fits the correction on matched pairs (detector box, annotation): each coefficient is the median of the
    /// annotation's edge offset over the detector box size (the median keeps a few bad matches from pulling it).
    /// </summary>
    /// <exception cref="InvalidDataException">No pairs.</exception>
    public static BoxCalibration Fit(IReadOnlyList<(Box Detected, Box Truth)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0)
        {
            throw new InvalidDataException("no matched detections to fit the box calibration on: check the predictions and ground truth folders (same image stems?) and the thresholds");
        }

        static double Median(IEnumerable<double> values)
        {
            var v = values.Order().ToArray();
            return v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
        }

        return new BoxCalibration(
            Median(pairs.Select(p => (p.Truth.Left - p.Detected.Left) / p.Detected.Width)),
            Median(pairs.Select(p => (p.Truth.Top - p.Detected.Top) / p.Detected.Height)),
            Median(pairs.Select(p => (p.Truth.Right - p.Detected.Right) / p.Detected.Width)),
            Median(pairs.Select(p => (p.Truth.Bottom - p.Detected.Bottom) / p.Detected.Height)));
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <exception cref="InvalidDataException">The file is not a calibration.</exception>
    public static BoxCalibration Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<BoxCalibration>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path}: empty box calibration");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a box calibration (JSON with Left, Top, Right, Bottom): {e.Message}", e);
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"left {Left:+0.000;-0.000}·w, top {Top:+0.000;-0.000}·h, right {Right:+0.000;-0.000}·w, bottom {Bottom:+0.000;-0.000}·h");
}
