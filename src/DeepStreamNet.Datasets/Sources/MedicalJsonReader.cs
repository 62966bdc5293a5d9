using System.Globalization;
using System.Text.Json;
using DeepStreamNet.Datasets.Kitti;
using DeepStreamNet.Datasets.Limits;

namespace DeepStreamNet.Datasets.Sources;

/// <summary>
/// Reads the per-image JSON variant (<c>annotations/&lt;image&gt;.json</c> with <c>FileName</c>, <c>Annotations[]</c>
/// of <c>classname</c> + <c>BoundingBox [xmin, ymin, xmax, ymax]</c>) beside <c>images/</c>. Extra keys are ignored.
/// </summary>
public static class MedicalJsonReader
{
    public const string DatasetKey = "medical-json";

    public static SourceReadResult Read(string root, ClassMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var result = new SourceReadResult();
        var annotations = ImageFinder.FirstDirectory(Path.Combine(root, "annotations"), Path.Combine(root, "Annotations"));
        var images = ImageFinder.FirstDirectory(Path.Combine(root, "images"), Path.Combine(root, "Images"));
        if (annotations is null || images is null)
        {
            result.Problems.Add(new SourceProblem(DatasetKey, root, "expected images/ and annotations/ folders"));
            return result;
        }

        foreach (var json in Directory.EnumerateFiles(annotations, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                ReadOne(json, images, mapping, result);
            }
            catch (JsonException e)
            {
                var where = e.LineNumber is { } l ? $"{json}:{l + 1}" : json;
                result.Problems.Add(new SourceProblem(DatasetKey, where, $"malformed JSON: {e.Message}"));
            }
            catch (LabelFormatException e)
            {
                result.Problems.Add(new SourceProblem(DatasetKey, json, e.Message));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                result.Problems.Add(new SourceProblem(DatasetKey, json, e.Message));
            }
            catch (InvalidOperationException e)
            {
                // System.Text.Json validates string contents only when they are read: invalid UTF-8 lands here.
                result.Problems.Add(new SourceProblem(DatasetKey, json, $"unreadable JSON text: {e.Message}"));
            }
        }

        return result;
    }

    private static void ReadOne(string json, string images, ClassMapping mapping, SourceReadResult result)
    {
        using var doc = JsonDocument.Parse(BoundedFile.ReadAllBytes(json, InputLimits.MaxTextFileBytes));
        var root = doc.RootElement;
        var fileName = root.TryGetProperty("FileName", out var fn) && fn.ValueKind == JsonValueKind.String
            ? fn.GetString()!
            : Path.GetFileNameWithoutExtension(json);
        var image = DatasetPath.ResolveInside(images, fileName, out var refused);
        if (image is null)
        {
            result.Problems.Add(new SourceProblem(DatasetKey, json, refused! + "; file skipped"));
            return;
        }

        if (!File.Exists(image))
        {
            result.Problems.Add(new SourceProblem(DatasetKey, json, $"image '{fileName}' not found in {images}"));
            return;
        }

        if (!root.TryGetProperty("Annotations", out var anns) || anns.ValueKind != JsonValueKind.Array)
        {
            throw new LabelFormatException(json, 0, "no 'Annotations' array");
        }

        var faces = new List<SourceFace>();
        var index = 0;
        foreach (var a in anns.EnumerateArray())
        {
            index++;
            var name = a.TryGetProperty("classname", out var cn) && cn.ValueKind == JsonValueKind.String ? cn.GetString() : null;
            if (string.IsNullOrWhiteSpace(name) || !TryBox(a, out var box))
            {
                result.Problems.Add(new SourceProblem(DatasetKey, json, string.Create(CultureInfo.InvariantCulture, $"annotation {index}: missing classname or 4-number BoundingBox; skipped")));
                continue;
            }

            var (cls, known) = mapping.Map(name);
            if (cls == FaceClass.NotAFace)
            {
                result.Drop($"class '{name}' is not a face");
                continue;
            }

            faces.Add(new SourceFace(box, cls, known ? $"class '{name}'" : $"unmapped class '{name}'"));
        }

        result.Images.Add(new SourceImage(DatasetKey, image, fileName, faces));
    }

    private static bool TryBox(JsonElement a, out Box box)
    {
        box = default;
        if (!a.TryGetProperty("BoundingBox", out var bb) || bb.ValueKind != JsonValueKind.Array || bb.GetArrayLength() != 4)
        {
            return false;
        }

        var v = new double[4];
        var i = 0;
        foreach (var e in bb.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out v[i]))
            {
                return false;
            }

            i++;
        }

        box = new Box(v[0], v[1], v[2], v[3]);
        return true;
    }
}
