using System.Globalization;
using DeepStreamNet.Datasets.Kitti;
using DeepStreamNet.Datasets.Limits;

namespace DeepStreamNet.Datasets.Sources;

/// <summary>
/// Reads FDDB: every <c>FDDB-folds/FDDB-fold-NN-ellipseList.txt</c> (blocks of path, face count and
/// <c>major minor angle cx cy 1</c> lines), images under <c>originalPics/</c> or directly under the root.
/// Every face is no-mask (recipe rule); boxes are the exact ellipse boxes with the angle in radians.
/// </summary>
public static class FddbReader
{
    public const string DatasetKey = "fddb";

    public static SourceReadResult Read(string root)
    {
        var result = new SourceReadResult();
        var folds = Path.Combine(root, "FDDB-folds");
        if (!Directory.Exists(folds))
        {
            result.Problems.Add(new SourceProblem(DatasetKey, folds, "folder not found"));
            return result;
        }

        var picsRoot = Directory.Exists(Path.Combine(root, "originalPics")) ? Path.Combine(root, "originalPics") : root;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folds, "FDDB-fold-*-ellipseList.txt").Order(StringComparer.Ordinal))
        {
            ReadFold(file, picsRoot, seen, result);
        }

        return result;
    }

    private static void ReadFold(string file, string picsRoot, HashSet<string> seen, SourceReadResult result)
    {
        string[] lines;
        try
        {
            lines = BoundedFile.ReadAllLines(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            result.Problems.Add(new SourceProblem(DatasetKey, file, e.Message));
            return;
        }

        var i = 0;
        while (i < lines.Length)
        {
            var path = lines[i].Trim();
            var pathLine = i + 1;
            i++;
            if (path.Length == 0)
            {
                continue;
            }

            var where = $"{file}:{pathLine}";
            if (i >= lines.Length || !int.TryParse(lines[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                result.Problems.Add(new SourceProblem(DatasetKey, $"{file}:{i + 1}", $"expected a face count after '{path}'; block skipped"));
                while (i < lines.Length && !LooksLikePath(lines[i]))
                {
                    i++; // resynchronise on the next image path
                }

                continue;
            }

            i++;
            var faces = new List<SourceFace>(n);
            var bad = false;
            for (var k = 0; k < n; k++, i++)
            {
                if (i >= lines.Length || LooksLikePath(lines[i]))
                {
                    if (!bad)
                    {
                        result.Problems.Add(new SourceProblem(DatasetKey, $"{file}:{i + 1}", $"'{path}' has fewer ellipse lines than its count {n}; image skipped"));
                    }

                    bad = true;
                    break;
                }

                if (!TryEllipse(lines[i], out var box))
                {
                    if (!bad)
                    {
                        result.Problems.Add(new SourceProblem(DatasetKey, $"{file}:{i + 1}", $"malformed ellipse line for '{path}'; image skipped"));
                    }

                    bad = true;
                    continue;
                }

                faces.Add(new SourceFace(box, FaceClass.NoMask, "FDDB face"));
            }

            if (bad)
            {
                continue;
            }

            if (!seen.Add(path))
            {
                result.Problems.Add(new SourceProblem(DatasetKey, where, $"'{path}' listed again; later entry skipped"));
                continue;
            }

            var inside = DatasetPath.ResolveInside(picsRoot, path, out var refused);
            if (inside is null)
            {
                result.Problems.Add(new SourceProblem(DatasetKey, where, refused!));
                continue;
            }

            var image = ImageFinder.Find(Path.GetDirectoryName(inside)!, Path.GetFileName(inside));
            if (image is null)
            {
                result.Problems.Add(new SourceProblem(DatasetKey, where, $"image '{path}.jpg' not found under {picsRoot}"));
                continue;
            }

            result.Images.Add(new SourceImage(DatasetKey, image, path, faces));
        }
    }

    private static bool LooksLikePath(string line) => line.Contains('/', StringComparison.Ordinal);

    internal static bool TryEllipse(string line, out Box box)
    {
        box = default;
        var f = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (f.Length < 5)
        {
            return false;
        }

        var v = new double[5];
        for (var k = 0; k < 5; k++)
        {
            if (!double.TryParse(f[k], NumberStyles.Float, CultureInfo.InvariantCulture, out v[k]) || !double.IsFinite(v[k]))
            {
                return false;
            }
        }

        if (v[0] <= 0 || v[1] <= 0)
        {
            return false;
        }

        box = EllipseBox.Compute(v[0], v[1], v[2], v[3], v[4]);
        return true;
    }
}
