using System.Globalization;
using DeepStreamNet.Datasets.Kitti;
using DeepStreamNet.Datasets.Limits;
using DeepStreamNet.Datasets.Mat;

namespace DeepStreamNet.Datasets.Sources;

/// <summary>
/// Reads WIDER FACE ground truth from <c>wider_face_split/wider_face_{train,val}_bbx_gt.txt</c> or, when that is
/// absent, <c>wider_face_{train,val}.mat</c>. Applies the recipe's selection: only its 24 events, faces with
/// occlusion 0 are no-mask, an image is used only with 1–3 such faces. Unlike the recipe, faces flagged
/// <c>invalid</c> are not labelled no-mask either (they stay as ignored faces).
/// </summary>
public static class WiderFaceReader
{
    public const string DatasetKey = "widerface";

    /// <summary>The recipe's event list (widerface2kitti.py).</summary>
    public static readonly IReadOnlyList<string> RecipeEvents =
    [
        "2--Demonstration", "4--Dancing", "5--Car_Accident", "9--Press_Conference", "15--Stock_Market",
        "16--Award_Ceremony", "17--Ceremony", "20--Family_Group", "22--Picnic", "23--Shoppers", "25--Soldier_Patrol",
        "27--Spa", "29--Students_Schoolkids", "31--Waiter_Waitress", "32--Worker_Laborer", "33--Running", "37--Soccer",
        "38--Tennis", "43--Row_Boat", "46--Jockey", "47--Matador_Bullfighter", "49--Greeting", "51--Dresses", "57--Angler",
    ];

    private sealed record Face(double X, double Y, double W, double H, int Blur, int Invalid, int Occlusion);

    /// <param name="root">Folder holding <c>wider_face_split/</c> and <c>WIDER_train|val/</c>.</param>
    /// <param name="valSplit">Read the val split instead of train.</param>
    /// <param name="allEvents">Use every event instead of the recipe's 24.</param>
    public static SourceReadResult Read(string root, bool valSplit, bool allEvents = false)
    {
        var result = new SourceReadResult();
        var split = valSplit ? "val" : "train";
        var txt = Path.Combine(root, "wider_face_split", $"wider_face_{split}_bbx_gt.txt");
        var mat = Path.Combine(root, "wider_face_split", $"wider_face_{split}.mat");
        var imagesRoot = Path.Combine(root, $"WIDER_{split}", "images");
        List<(string RelPath, string Where, List<Face> Faces)> entries;
        if (File.Exists(txt))
        {
            entries = ReadText(txt, result);
        }
        else if (File.Exists(mat))
        {
            entries = ReadMat(mat, result);
        }
        else
        {
            result.Problems.Add(new SourceProblem(DatasetKey, txt, $"neither this nor {Path.GetFileName(mat)} exists"));
            return result;
        }

        var events = new HashSet<string>(RecipeEvents, StringComparer.Ordinal);
        foreach (var (rel, where, faces) in entries)
        {
            var ev = rel.Split('/')[0];
            if (!allEvents && !events.Contains(ev))
            {
                result.Drop("image not in the recipe's event list");
                continue;
            }

            var list = new List<SourceFace>();
            foreach (var f in faces)
            {
                if (f.W <= 0 || f.H <= 0)
                {
                    result.Drop("zero-size WIDER box");
                    continue;
                }

                var box = Box.FromXywh(f.X, f.Y, f.W, f.H);
                if (f.Invalid != 0)
                {
                    list.Add(new SourceFace(box, FaceClass.Ignore, "WIDER invalid=1"));
                }
                else if (f.Occlusion != 0)
                {
                    list.Add(new SourceFace(box, FaceClass.Ignore, string.Create(CultureInfo.InvariantCulture, $"WIDER occlusion={f.Occlusion}")));
                }
                else
                {
                    list.Add(new SourceFace(box, FaceClass.NoMask, "WIDER occlusion=0"));
                }
            }

            var usable = list.Count(x => x.Class == FaceClass.NoMask);
            if (usable is < 1 or > 3)
            {
                result.Drop("image without 1-3 unoccluded faces");
                continue;
            }

            var image = DatasetPath.ResolveInside(imagesRoot, rel, out var refused);
            if (image is null)
            {
                result.Problems.Add(new SourceProblem(DatasetKey, where, refused!));
                continue;
            }

            if (!File.Exists(image))
            {
                result.Problems.Add(new SourceProblem(DatasetKey, where, $"image not found: {image}"));
                continue;
            }

            result.Images.Add(new SourceImage(DatasetKey, image, $"{split}/{rel}", list));
        }

        return result;
    }

    /// <summary>Parsed text entries as (relative path, face count, invalid count), for tests.</summary>
    internal static List<(string RelPath, int Faces, int Invalid)> ReadTextForTest(string path, SourceReadResult result) =>
        ReadText(path, result).Select(e => (e.Item1, e.Item3.Count, e.Item3.Count(f => f.Invalid != 0))).ToList();

    private static List<(string, string, List<Face>)> ReadText(string path, SourceReadResult result)
    {
        var entries = new List<(string, string, List<Face>)>();
        string[] lines;
        try
        {
            lines = BoundedFile.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            result.Problems.Add(new SourceProblem(DatasetKey, path, e.Message));
            return entries;
        }

        var i = 0;
        while (i < lines.Length)
        {
            var rel = lines[i].Trim();
            var where = string.Create(CultureInfo.InvariantCulture, $"{path}:{i + 1}");
            i++;
            if (rel.Length == 0)
            {
                continue;
            }

            if (i >= lines.Length || !int.TryParse(lines[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                result.Problems.Add(new SourceProblem(DatasetKey, string.Create(CultureInfo.InvariantCulture, $"{path}:{i + 1}"), $"expected a box count after '{rel}'; entry skipped"));
                continue;
            }

            i++;
            var faces = new List<Face>();
            var bad = false;

            // A count of 0 is followed by one placeholder line of zeros.
            var lineCount = n == 0 ? 1 : n;
            for (var k = 0; k < lineCount && i < lines.Length; k++, i++)
            {
                if (n == 0)
                {
                    if (lines[i].Contains('/', StringComparison.Ordinal))
                    {
                        break; // tolerate a missing placeholder
                    }

                    continue;
                }

                var f = lines[i].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                var v = new double[10];
                var ok = f.Length >= 10;
                for (var j = 0; ok && j < 10; j++)
                {
                    ok = double.TryParse(f[j], NumberStyles.Float, CultureInfo.InvariantCulture, out v[j]);
                }

                if (!ok)
                {
                    var shortEntry = lines[i].Contains('/', StringComparison.Ordinal);
                    if (!bad)
                    {
                        var why = shortEntry ? $"'{rel}' has fewer box lines than its count {n}" : $"malformed box line for '{rel}'";
                        result.Problems.Add(new SourceProblem(DatasetKey, string.Create(CultureInfo.InvariantCulture, $"{path}:{i + 1}"), why + "; image skipped"));
                    }

                    bad = true;
                    if (shortEntry)
                    {
                        break; // resume at this path line
                    }

                    continue;
                }

                faces.Add(new Face(v[0], v[1], v[2], v[3], (int)v[4], (int)v[7], (int)v[8]));
            }

            if (!bad)
            {
                entries.Add((rel, where, faces));
            }
        }

        return entries;
    }

    /// <summary>Reads the .mat variant: event_list{e}, file_list{e}{i}, face_bbx_list{e}{i} (N×4), *_label_list{e}{i} (N×1).</summary>
    private static List<(string, string, List<Face>)> ReadMat(string path, SourceReadResult result)
    {
        var entries = new List<(string, string, List<Face>)>();
        MatFile mat;
        try
        {
            mat = MatFile.Read(path);
        }
        catch (MatFormatException e)
        {
            result.Problems.Add(new SourceProblem(DatasetKey, path, e.Message));
            return entries;
        }

        try
        {
            var events = (MatCellArray)mat["event_list"];
            var files = (MatCellArray)mat["file_list"];
            var boxes = (MatCellArray)mat["face_bbx_list"];
            var occl = (MatCellArray)mat["occlusion_label_list"];
            var invalid = (MatCellArray)mat["invalid_label_list"];
            var blur = (MatCellArray)mat["blur_label_list"];
            for (var e = 0; e < events.Count; e++)
            {
                var ev = ((MatCharArray)events[e]).Text;
                var evFiles = (MatCellArray)files[e];
                for (var i = 0; i < evFiles.Count; i++)
                {
                    var stem = ((MatCharArray)evFiles[i]).Text;
                    var where = string.Create(CultureInfo.InvariantCulture, $"{path}:file_list{{{e + 1}}}{{{i + 1}}}");
                    var bb = (MatNumericArray)((MatCellArray)boxes[e])[i];
                    var oc = (MatNumericArray)((MatCellArray)occl[e])[i];
                    var inv = (MatNumericArray)((MatCellArray)invalid[e])[i];
                    var bl = (MatNumericArray)((MatCellArray)blur[e])[i];
                    if (bb.Count > 0 && (bb.Columns != 4 || oc.Count != bb.Rows || inv.Count != bb.Rows || bl.Count != bb.Rows))
                    {
                        result.Problems.Add(new SourceProblem(DatasetKey, where, "box and label lists disagree in length; image skipped"));
                        continue;
                    }

                    var faces = new List<Face>();
                    for (var k = 0; k < bb.Rows && bb.Count > 0; k++)
                    {
                        faces.Add(new Face(bb[k, 0], bb[k, 1], bb[k, 2], bb[k, 3], (int)bl[k], (int)inv[k], (int)oc[k]));
                    }

                    entries.Add(($"{ev}/{stem}.jpg", where, faces));
                }
            }
        }
        catch (Exception ex) when (ex is InvalidCastException or KeyNotFoundException or ArgumentOutOfRangeException)
        {
            result.Problems.Add(new SourceProblem(DatasetKey, path, $"unexpected layout: {ex.Message}"));
        }

        return entries;
    }
}
