namespace DeepStreamNet.Datasets.Kitti;

/// <summary>
/// One line of a KITTI object label file. The 3-D fields are kept so a file round-trips; the face tools only
/// use <see cref="Type"/>, <see cref="Box"/> and, in result files, <see cref="Score"/> (the optional 16th field).
/// </summary>
public sealed record KittiObject(string Type, Box Box)
{
    public double Truncated { get; init; }

    public int Occluded { get; init; }

    public double Alpha { get; init; }

    /// <summary>Fields 9–15: height, width, length, x, y, z, rotation_y.</summary>
    public IReadOnlyList<double> Dimensions3D { get; init; } = [0, 0, 0, 0, 0, 0, 0];

    /// <summary>Confidence (16th field) of a detection; null in ground-truth files.</summary>
    public double? Score { get; init; }
}
