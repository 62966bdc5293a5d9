using System.Globalization;
using DeepStreamNet.Datasets.Kitti;
using DeepStreamNet.Datasets.Limits;
using DeepStreamNet.Datasets.Mat;

namespace DeepStreamNet.Datasets.Sources;

/// <summary>
/// Reads MAFA label files (MATLAB v5): train <c>MAFA-Label-Train/LabelTrainAll.mat</c> (<c>label_train</c>, fields
/// orgImgName, imgName, label N×21) and test <c>MAFA-Label-Test/LabelTestAll.mat</c> (<c>LabelTest</c>, fields name,
/// label N×18). Fields are taken by position, as the recipe does. Images are looked up in
/// <c>train-images/images</c>, <c>test-images/images</c>, <c>train-images</c>, <c>test-images</c> or <c>images</c>.
/// </summary>
public static class MafaReader
{
    public const string DatasetKey = "mafa";

    public static SourceReadResult Read(string root, bool testSplit)
    {
        var result = new SourceReadResult();
        var (folder, file, variable) = testSplit
            ? ("MAFA-Label-Test", "LabelTestAll.mat", "LabelTest")
            : ("MAFA-Label-Train", "LabelTrainAll.mat", "label_train");
        var matPath = Path.Combine(root, folder, file);
        if (!File.Exists(matPath))
        {
            result.Problems.Add(new SourceProblem(DatasetKey, matPath, "label file not found"));
            return result;
        }

        MatArray entries;
        try
        {
            var mat = MatFile.Read(matPath);
            entries = mat.Variables.FirstOrDefault(v => v.Name == variable) ?? (mat.Variables.Count > 0 ? mat.Variables[0] : null)
                ?? throw new MatFormatException($"{matPath}: no variables");
        }
        catch (MatFormatException e)
        {
            result.Problems.Add(new SourceProblem(DatasetKey, matPath, e.Message));
            return result;
        }

        var split = testSplit ? "test" : "train";
        string[] imageDirs = [
            Path.Combine(root, $"{split}-images", "images"),
            Path.Combine(root, $"{split}-images"),
            Path.Combine(root, "images"),
        ];
        for (var e = 0; e < entries.Count; e++)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"{matPath}:{variable}({e + 1})");
            try
            {
                var (name, label) = Entry(entries, e, testSplit);
                string? image = null, refused = null;
                foreach (var dir in imageDirs)
                {
                    var candidate = DatasetPath.ResolveInside(dir, name, out refused);
                    if (candidate is not null && File.Exists(candidate))
                    {
                        image = candidate;
                        break;
                    }
                }

                if (image is null && refused is not null)
                {
                    result.Problems.Add(new SourceProblem(DatasetKey, where, refused));
                    continue;
                }

                if (image is null)
                {
                    result.Problems.Add(new SourceProblem(DatasetKey, where, $"image '{name}' not found in {string.Join(" or ", imageDirs)}"));
                    continue;
                }

                var expectedCols = testSplit ? 18 : 21;
                if (label.Count > 0 && label.Columns != expectedCols)
                {
                    result.Problems.Add(new SourceProblem(DatasetKey, where, $"label matrix is {label.Rows}x{label.Columns}, expected N x {expectedCols}; skipped"));
                    continue;
                }

                var faces = new List<SourceFace>();
                for (var r = 0; r < label.Rows && label.Count > 0; r++)
                {
                    var box = Box.FromXywh(label[r, 0], label[r, 1], label[r, 2], label[r, 3]);
                    faces.Add(new SourceFace(box, Classify(label, r, testSplit, out var rule), rule));
                }

                result.Images.Add(new SourceImage(DatasetKey, image, $"{split}/{name}", faces) { RequireLandscape = true });
            }
            catch (Exception ex) when (ex is InvalidCastException or KeyNotFoundException or ArgumentOutOfRangeException or FormatException)
            {
                result.Problems.Add(new SourceProblem(DatasetKey, where, $"unexpected entry layout: {ex.Message}"));
            }
        }

        return result;
    }

    /// <summary>The recipe's class rules (data_utils/mafa2kitti.py), with the rule that decided.</summary>
    internal static FaceClass Classify(MatNumericArray label, int r, bool testSplit, out string rule)
    {
        var I = CultureInfo.InvariantCulture;
        if (!testSplit)
        {
            var occType = label[r, 12];
            var occDegree = label[r, 13];
            rule = string.Create(I, $"train occ_type={occType} occ_degree={occDegree}");
            if (occType != 3 && occDegree > 2)
            {
                return FaceClass.Mask;
            }

            return occType == 3 && occDegree < 2 ? FaceClass.NoMask : FaceClass.Ignore;
        }

        var faceType = label[r, 4];
        var tOccType = label[r, 9];
        var tOccDegree = label[r, 10];
        rule = string.Create(I, $"test face_type={faceType} occ_type={tOccType} occ_degree={tOccDegree}");
        if (faceType == 1 && tOccType != 3 && tOccDegree > 2)
        {
            return FaceClass.Mask;
        }

        return faceType == 2 ? FaceClass.NoMask : FaceClass.Ignore;
    }

    /// <summary>Image name and label matrix of entry <paramref name="e"/> of a struct array or a cell array of cells.</summary>
    private static (string Name, MatNumericArray Label) Entry(MatArray entries, int e, bool testSplit)
    {
        var nameField = testSplit ? 0 : 1;
        var labelField = testSplit ? 1 : 2;
        MatArray nameArr;
        MatArray labelArr;
        switch (entries)
        {
            case MatStructArray s:
                nameArr = s[e, nameField];
                labelArr = s[e, labelField];
                break;
            case MatCellArray { } c when c[e] is MatCellArray inner:
                nameArr = inner[nameField];
                labelArr = inner[labelField];
                break;
            default:
                throw new InvalidCastException($"variable '{entries.Name}' is {entries.Class}, expected a struct array or a cell array of cells");
        }

        var name = (nameArr as MatCharArray)?.Text.Trim()
            ?? throw new InvalidCastException($"field {nameField + 1} is {nameArr.Class}, expected the image name (char)");
        var label = labelArr as MatNumericArray
            ?? throw new InvalidCastException($"field {labelField + 1} is {labelArr.Class}, expected the numeric label matrix");
        return (name, label);
    }
}
