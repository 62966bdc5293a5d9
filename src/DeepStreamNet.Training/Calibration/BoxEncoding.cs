namespace DeepStreamNet.Training.Calibration;

/// <summary>
/// How a detector's graph output holds its boxes, i.e. where a <see cref="BoxCalibration"/> can be baked in.
/// <see cref="Corners"/>: x1, y1, x2, y2 in the last axis (UltraFace's <c>boxes</c>). Otherwise the parser decodes
/// centre offsets and log sizes from columns 0–3 of the last axis: <c>cx = base + OffsetScale·dx·u</c>,
/// <c>w = u·exp(SizeScale·dw)</c> (u = the anchor's or stride's size; same for y, h).
/// </summary>
public sealed record BoxEncoding(string Name, IReadOnlyList<string> Outputs, double OffsetScale, double SizeScale)
{
    public bool IsCorners => SizeScale == 0;

    public static BoxEncoding Corners(string output) => new("corners", [output], 0, 0);

    /// <summary>YuNet (<c>NvDsInferParseYuNet</c>): <c>bbox_8/16/32</c>, cx = (col + dx)·s, w = e^dw·s.</summary>
    public static BoxEncoding YuNet { get; } = new("yunet", ["bbox_8", "bbox_16", "bbox_32"], 1, 1);

    /// <summary>RetinaFace (<c>NvDsInferParseRetinaFace</c>): <c>output0</c>, cx = pcx + 0.1·dx·pw, w = pw·e^(0.2·dw).</summary>
    public static BoxEncoding RetinaFace { get; } = new("retinaface", ["output0"], 0.1, 0.2);

    /// <exception cref="FormatException">Unknown name.</exception>
    public static BoxEncoding Parse(string name, string cornerOutput) => name.ToLowerInvariant() switch
    {
        "corners" => Corners(cornerOutput),
        "yunet" => YuNet,
        "retinaface" => RetinaFace,
        _ => throw new FormatException($"--encoding '{name}' is not corners, yunet or retinaface"),
    };
}
