using System.Globalization;
using System.Text;
using DeepStreamNet.Datasets.Limits;

namespace DeepStreamNet.Datasets.Kitti;

/// <summary>Reads and writes KITTI object label files (15 fields; 16 with a detection score).</summary>
public static class KittiLabelFile
{
    private static readonly char[] Separators = [' ', '\t'];

    /// <summary>Parses a label file; <paramref name="allowScore"/> accepts the 16-field result format.</summary>
    /// <exception cref="LabelFormatException">A line has the wrong field count or a field is not a number.</exception>
    public static IReadOnlyList<KittiObject> Read(string path, bool allowScore = false)
    {
        string[] lines;
        try
        {
            lines = BoundedFile.ReadAllLines(path);
        }
        catch (IOException e)
        {
            throw new LabelFormatException(path, 0, e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new LabelFormatException(path, 0, e.Message);
        }

        return Parse(lines, path, allowScore);
    }

    public static IReadOnlyList<KittiObject> Parse(IReadOnlyList<string> lines, string path, bool allowScore = false)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var objects = new List<KittiObject>();
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i].Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var f = text.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length != 15 && !(allowScore && f.Length == 16))
            {
                var expected = allowScore ? "15 or 16" : "15";
                throw new LabelFormatException(path, i + 1, $"expected {expected} fields, found {f.Length}");
            }

            var v = new double[f.Length];
            for (var k = 1; k < f.Length; k++)
            {
                if (!double.TryParse(f[k], NumberStyles.Float, CultureInfo.InvariantCulture, out v[k]) || !double.IsFinite(v[k]))
                {
                    throw new LabelFormatException(path, i + 1, $"field {k + 1} '{f[k]}' is not a number");
                }
            }

            objects.Add(new KittiObject(f[0], new Box(v[4], v[5], v[6], v[7]))
            {
                Truncated = v[1],
                Occluded = (int)v[2],
                Alpha = v[3],
                Dimensions3D = [v[8], v[9], v[10], v[11], v[12], v[13], v[14]],
                Score = f.Length == 16 ? v[15] : null,
            });
        }

        return objects;
    }

    /// <summary>Formats one object as a KITTI line (score appended only when present).</summary>
    public static string Format(KittiObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var sb = new StringBuilder();
        sb.Append(obj.Type).Append(' ')
            .Append(Num(obj.Truncated)).Append(' ')
            .Append(obj.Occluded.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(Num(obj.Alpha)).Append(' ')
            .Append(Num(obj.Box.Left)).Append(' ')
            .Append(Num(obj.Box.Top)).Append(' ')
            .Append(Num(obj.Box.Right)).Append(' ')
            .Append(Num(obj.Box.Bottom));
        foreach (var d in obj.Dimensions3D)
        {
            sb.Append(' ').Append(Num(d));
        }

        if (obj.Score is { } s)
        {
            sb.Append(' ').Append(s.ToString("0.######", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>Writes the objects, one per line, replacing the file atomically (temporary file + rename).</summary>
    public static void Write(string path, IEnumerable<KittiObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var sb = new StringBuilder();
        foreach (var o in objects)
        {
            sb.Append(Format(o)).Append('\n');
        }

        AtomicFile.WriteAllBytes(path, Encoding.ASCII.GetBytes(sb.ToString()));
    }

    // Two decimals are far below a pixel of labelling noise and keep files short and stable.
    private static string Num(double v) => Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
}
