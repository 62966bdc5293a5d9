using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using DeepStreamNet.Datasets.Kitti;
using DeepStreamNet.Datasets.Limits;

namespace DeepStreamNet.Datasets.Sources;

/// <summary>
/// Reads Pascal-VOC datasets: <c>images/</c> beside <c>labels/</c> (Kaggle medical masks, the recipe's layout) or
/// <c>annotations/</c> (andrewmvd). Coordinates are parsed as decimals (the recipe's <c>int()</c> fails on them).
/// </summary>
public static class VocReader
{
    public const string DatasetKey = "kaggle";

    public static SourceReadResult Read(string root, ClassMapping mapping, string dataset = DatasetKey)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var result = new SourceReadResult();
        var labels = ImageFinder.FirstDirectory(Path.Combine(root, "labels"), Path.Combine(root, "annotations"), Path.Combine(root, "Annotations"));
        var images = ImageFinder.FirstDirectory(Path.Combine(root, "images"), Path.Combine(root, "JPEGImages"));
        if (labels is null || images is null)
        {
            result.Problems.Add(new SourceProblem(dataset, root, "expected images/ and labels/ (or annotations/) folders"));
            return result;
        }

        foreach (var xml in Directory.EnumerateFiles(labels, "*.xml").Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(xml);
            List<(string Name, Box Box)> objects;
            string? fileName;
            try
            {
                (objects, fileName) = Parse(xml, result, dataset);
            }
            catch (LabelFormatException e)
            {
                result.Problems.Add(new SourceProblem(dataset, xml, e.Message));
                continue;
            }

            var image = ImageFinder.Find(images, stem);
            if (image is null && fileName is not null)
            {
                image = DatasetPath.ResolveInside(images, fileName, out var refused);
                if (image is null)
                {
                    result.Problems.Add(new SourceProblem(dataset, xml, refused! + "; file skipped"));
                    continue;
                }

                image = File.Exists(image) ? image : null;
            }

            if (image is null)
            {
                result.Problems.Add(new SourceProblem(dataset, xml, $"no image '{stem}.jpg/.jpeg/.png' in {images}"));
                continue;
            }

            var faces = new List<SourceFace>();
            foreach (var (name, box) in objects)
            {
                var (cls, known) = mapping.Map(name);
                if (cls == FaceClass.NotAFace)
                {
                    result.Drop($"class '{name}' is not a face");
                    continue;
                }

                faces.Add(new SourceFace(box, cls, known ? $"class '{name}'" : $"unmapped class '{name}'"));
            }

            result.Images.Add(new SourceImage(dataset, image, Path.GetFileName(image), faces));
        }

        return result;
    }

    /// <summary>Objects (name, box) of one VOC file; objects with a bad box are reported and left out.</summary>
    internal static (List<(string Name, Box Box)> Objects, string? FileName) Parse(string path, SourceReadResult result, string dataset)
    {
        XDocument doc;
        try
        {
            using var text = new MemoryStream(BoundedFile.ReadAllBytes(path, InputLimits.MaxTextFileBytes));
            doc = XDocument.Load(text, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new LabelFormatException(path, e.LineNumber, $"malformed XML: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LabelFormatException(path, 0, e.Message);
        }

        var root = doc.Root ?? throw new LabelFormatException(path, 0, "empty XML document");
        var list = new List<(string, Box)>();
        foreach (var obj in root.Elements("object"))
        {
            var line = ((IXmlLineInfo)obj).LineNumber;
            var name = obj.Element("name")?.Value.Trim();
            var bb = obj.Element("bndbox");
            if (string.IsNullOrEmpty(name) || bb is null)
            {
                result.Problems.Add(new SourceProblem(dataset, $"{path}:{line}", "object without <name> or <bndbox> skipped"));
                continue;
            }

            if (!TryNum(bb, "xmin", out var x1) || !TryNum(bb, "ymin", out var y1) || !TryNum(bb, "xmax", out var x2) || !TryNum(bb, "ymax", out var y2))
            {
                result.Problems.Add(new SourceProblem(dataset, $"{path}:{line}", $"object '{name}': bndbox xmin/ymin/xmax/ymax missing or not numbers; skipped"));
                continue;
            }

            list.Add((name, new Box(x1, y1, x2, y2)));
        }

        return (list, root.Element("filename")?.Value.Trim());
    }

    private static bool TryNum(XElement parent, string name, out double value)
    {
        value = 0;
        var e = parent.Element(name);
        return e is not null && double.TryParse(e.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }
}
