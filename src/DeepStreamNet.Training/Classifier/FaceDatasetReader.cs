using DeepStreamNet.Datasets.Kitti;
using DeepStreamNet.Datasets.Sources;

namespace DeepStreamNet.Training.Classifier;

/// <summary>
/// Faces for the mask classifier from the folders the dataset tools read: Pascal VOC (<c>annotations/</c> or
/// <c>labels/*.xml</c>), per-image JSON (<c>annotations/*.json</c>) or KITTI (<c>labels/*.txt</c> with classes
/// <c>mask</c> / <c>no-mask</c>). Faces the class mapping ignores or drops are left out.
/// </summary>
public static class FaceDatasetReader
{
    /// <summary>The classifier's classes, index = output column.</summary>
    public static readonly IReadOnlyList<string> ClassNames = ["mask", "no-mask"];

    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png"];
    private static readonly string[] LabelFolders = ["annotations", "Annotations", "labels"];

    /// <summary>Reads every folder; unreadable files are listed in <paramref name="problems"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">A folder does not exist or has no recognisable layout.</exception>
    public static List<FaceSample> Read(IEnumerable<string> roots, ClassMapping mapping, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(problems);
        var faces = new List<FaceSample>();
        foreach (var root in roots)
        {
            if (!Directory.Exists(root))
            {
                throw new DirectoryNotFoundException($"dataset folder not found: {root}");
            }

            var result = DetectFormat(root) switch
            {
                "voc" => VocReader.Read(root, mapping),
                "json" => MedicalJsonReader.Read(root, mapping),
                "kitti" => ReadKitti(root),
                _ => throw new DirectoryNotFoundException(
                    $"{root}: no dataset layout found: expected images/ with annotations/*.xml (VOC), annotations/*.json (JSON) or labels/*.txt (KITTI)"),
            };
            problems.AddRange(result.Problems.Select(p => $"{p.Path}: {p.Message}"));
            foreach (var image in result.Images)
            {
                foreach (var f in image.Faces)
                {
                    if (f.Class is FaceClass.Mask or FaceClass.NoMask && f.Box.Width >= 1 && f.Box.Height >= 1)
                    {
                        faces.Add(new FaceSample(image.ImagePath, f.Box, f.Class == FaceClass.Mask ? 0 : 1));
                    }
                }
            }
        }

        return faces;
    }

    private static string? DetectFormat(string root)
    {
        foreach (var dir in LabelFolders)
        {
            var path = Path.Combine(root, dir);
            if (!Directory.Exists(path))
            {
                continue;
            }

            if (Directory.EnumerateFiles(path, "*.xml").Any())
            {
                return "voc";
            }

            if (Directory.EnumerateFiles(path, "*.json").Any())
            {
                return "json";
            }

            if (Directory.EnumerateFiles(path, "*.txt").Any())
            {
                return "kitti";
            }
        }

        return null;
    }

    private static SourceReadResult ReadKitti(string root)
    {
        var result = new SourceReadResult();
        var labels = Path.Combine(root, "labels");
        var images = Path.Combine(root, "images");
        foreach (var file in Directory.EnumerateFiles(labels, "*.txt").Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(file);
            var image = ImageExtensions.Select(e => Path.Combine(images, stem + e)).FirstOrDefault(File.Exists);
            if (image is null)
            {
                result.Problems.Add(new SourceProblem("kitti", file, $"no image '{stem}.jpg/.jpeg/.png' in {images}"));
                continue;
            }

            IReadOnlyList<KittiObject> objects;
            try
            {
                objects = KittiLabelFile.Read(file, allowScore: true);
            }
            catch (LabelFormatException e)
            {
                result.Problems.Add(new SourceProblem("kitti", file, e.Message));
                continue;
            }

            var faces = objects
                .Select(o => (o, c: o.Type.ToLowerInvariant() switch { "mask" => FaceClass.Mask, "no-mask" => FaceClass.NoMask, _ => FaceClass.Ignore }))
                .Select(t => new SourceFace(t.o.Box, t.c, "kitti"))
                .ToList();
            result.Images.Add(new SourceImage("kitti", image, Path.GetFileName(image), faces));
        }

        return result;
    }
}
