using System.Globalization;
using System.Text;

namespace DeepStreamNet.Kitti;

/// <summary>
/// KITTI result lines and file names, as deepstream-app writes them (the one formatter of the host): a detection is
/// the 16-field result format <c>label 0.0 0 0.0 left top right bottom 0.0 ×7 confidence</c>; a tracked object puts
/// the tracking id after the label (17 fields). Labels have blanks replaced by <c>_</c> (an empty label is the class id).
/// </summary>
public static class KittiLine
{
    /// <summary>deepstream-app's per-frame file name <c>%02u_%03u_%06lu</c>: app instance 0, stream, frame.</summary>
    public static string FileName(uint stream, long frame) => string.Create(CultureInfo.InvariantCulture, $"00_{stream:D3}_{frame:D6}.txt");

    /// <summary>Appends one detection line.</summary>
    public static StringBuilder AppendDetection(StringBuilder b, string label, int classId, float left, float top, float right, float bottom, float confidence)
    {
        ArgumentNullException.ThrowIfNull(b);
        return b.Append(CultureInfo.InvariantCulture,
            $"{Label(label, classId)} 0.0 0 0.0 {left:F6} {top:F6} {right:F6} {bottom:F6} 0.0 0.0 0.0 0.0 0.0 0.0 0.0 {confidence:F6}\n");
    }

    /// <summary>Appends one tracked-object line (tracking id after the label).</summary>
    public static StringBuilder AppendTracked(StringBuilder b, string label, int classId, ulong trackingId, float left, float top, float right, float bottom, float confidence)
    {
        ArgumentNullException.ThrowIfNull(b);
        return b.Append(CultureInfo.InvariantCulture,
            $"{Label(label, classId)} {trackingId} 0.0 0 0.0 {left:F6} {top:F6} {right:F6} {bottom:F6} 0.0 0.0 0.0 0.0 0.0 0.0 0.0 {confidence:F6}\n");
    }

    private static string Label(string label, int classId) =>
        string.IsNullOrWhiteSpace(label) ? classId.ToString(CultureInfo.InvariantCulture) : label.Replace(' ', '_');
}
