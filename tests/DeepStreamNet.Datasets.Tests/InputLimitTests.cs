using System.Diagnostics;
using System.Text;
using DeepStreamNet.Datasets.Conversion;
using DeepStreamNet.Datasets.Imaging;
using DeepStreamNet.Datasets.Kitti;
using DeepStreamNet.Datasets.Limits;
using DeepStreamNet.Datasets.Sources;
using DeepStreamNet.Datasets.Visualization;
using NUnit.Framework;

namespace DeepStreamNet.Datasets.Tests;

/// <summary>Issue 18 items 2, 5 and 8 on the dataset tools: huge images, annotation paths, invalid text, special files.</summary>
public sealed class InputLimitTests
{
    private static readonly Lazy<string> HugePng = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), "dsnet-ds-huge-25000x25000.png");
        if (!File.Exists(path))
        {
            var tmp = path + "." + Environment.ProcessId;
            TestImages.WriteBlackPng(tmp, 25000, 25000);
            File.Move(tmp, path, overwrite: true);
        }

        return path;
    });

    /// <summary>The medical JSON fixture copied to <paramref name="root"/> (images + annotations) for the cases to add to.</summary>
    private static (string Images, string Annotations) CopyJsonFixture(TempDir tmp)
    {
        var images = tmp.Sub("json", "images");
        var annotations = tmp.Sub("json", "annotations");
        foreach (var f in Directory.GetFiles(SharedData.Fixture("medical-mask-json", "images")))
        {
            File.Copy(f, Path.Combine(images, Path.GetFileName(f)));
        }

        foreach (var f in Directory.GetFiles(SharedData.Fixture("medical-mask-json", "annotations")))
        {
            File.Copy(f, Path.Combine(annotations, Path.GetFileName(f)));
        }

        return (images, annotations);
    }

    private static string Annotation(string fileName) =>
        $$"""{"FileName": {{System.Text.Json.JsonSerializer.Serialize(fileName)}}, "Annotations": [{"classname": "face_no_mask", "BoundingBox": [10, 10, 60, 60]}]}""";

    [Test]
    public void Huge_png_header_is_refused_before_decoding()
    {
        var e = Assert.Throws<InvalidDataException>(() => ImageIo.Probe(HugePng.Value));
        Assert.That(e!.Message, Does.Contain("25000x25000").And.Contain("megapixels").And.Contain(HugePng.Value));
        Assert.Throws<InvalidDataException>(() => ImageIo.LoadOpaque(HugePng.Value)!.Dispose());
    }

    [Test]
    public void Convert_skips_a_25000_pixel_png_with_the_reason_and_writes_everything_else()
    {
        using var tmp = new TempDir();
        var (images, annotations) = CopyJsonFixture(tmp);
        File.Copy(HugePng.Value, Path.Combine(images, "huge.png"));
        File.WriteAllText(Path.Combine(annotations, "huge.png.json"), Annotation("huge.png"));
        var output = Path.Combine(tmp.Path, "out");

        var baseline = KittiConverter.Run(new ConversionOptions(Path.Combine(tmp.Path, "baseline")) { MedicalJsonPath = SharedData.Fixture("medical-mask-json"), Width = 160, Height = 92 });

        var summary = KittiConverter.Run(new ConversionOptions(output) { MedicalJsonPath = Path.Combine(tmp.Path, "json"), Width = 160, Height = 92 });

        var problem = summary.Problems.Single();
        Assert.That(problem.Path, Does.EndWith("huge.png"));
        Assert.That(problem.Message, Does.Contain("megapixels"));
        Assert.That(baseline.TotalImages, Is.Positive);
        Assert.That(summary.TotalImages, Is.EqualTo(baseline.TotalImages), "every other image is written");
        Assert.That(Directory.GetFiles(Path.Combine(output, "images")), Has.Length.EqualTo(baseline.TotalImages));
        Assert.That(File.ReadAllLines(summary.ManifestPath), Has.Length.EqualTo(baseline.TotalImages));
    }

    [Test]
    public void Visualize_skips_a_25000_pixel_png_and_draws_the_rest()
    {
        using var tmp = new TempDir();
        var images = tmp.Sub("images");
        File.Copy(SharedData.Fixture("mafa", "images", "test_00000001.jpg"), Path.Combine(images, "a.jpg"));
        File.Copy(HugePng.Value, Path.Combine(images, "huge.png"));
        var summary = Visualizer.Run(new VisualizeOptions(images, tmp.Sub("labels"), Path.Combine(tmp.Path, "out")));
        Assert.That((summary.ImagesWritten, summary.ImagesSkipped), Is.EqualTo((1, 1)));
        Assert.That(summary.Problems, Has.One.Contains("huge.png").And.Contains("megapixels"));
        Assert.That(File.Exists(Path.Combine(tmp.Path, "out", "a.png")), Is.True);
        Assert.That(summary.OutputDirectory, Is.EqualTo(Path.Combine(tmp.Path, "out")));
    }

    [TestCase("../../outside.jpg", "outside")]
    [TestCase("/etc/passwd", "absolute")]
    [TestCase("/dev/zero", "absolute")]
    [TestCase("sub/../../1801.jpg", "outside")]
    [TestCase("a\tb.jpg", "control")]
    public void Json_file_name_outside_the_images_folder_is_refused_per_file(string fileName, string reason)
    {
        using var tmp = new TempDir();
        var (_, annotations) = CopyJsonFixture(tmp);
        File.Copy(SharedData.Fixture("medical-mask-json", "images", "1801.jpg"), Path.Combine(tmp.Path, "json", "outside.jpg"));
        File.WriteAllText(Path.Combine(annotations, "evil.json"), Annotation(fileName));
        var result = MedicalJsonReader.Read(Path.Combine(tmp.Path, "json"), ClassMapping.Default);
        Assert.That(result.Images, Has.Count.EqualTo(10), "the other files are read");
        Assert.That(result.Images.Select(i => i.ImagePath), Has.All.StartWith(Path.Combine(tmp.Path, "json", "images") + "/"));
        var problem = result.Problems.Single();
        Assert.That(problem.Path, Does.EndWith("evil.json"));
        Assert.That(problem.Message, Does.Contain(reason).And.Contain("skipped"));
    }

    [TestCase("../outside.jpg")]
    [TestCase("/etc/passwd")]
    public void Voc_filename_outside_the_images_folder_is_refused_per_file(string fileName)
    {
        using var tmp = new TempDir();
        var images = tmp.Sub("voc", "images");
        var labels = tmp.Sub("voc", "labels");
        File.Copy(SharedData.Fixture("medical-mask-json", "images", "1801.jpg"), Path.Combine(tmp.Path, "voc", "outside.jpg"));
        File.Copy(SharedData.Fixture("medical-mask-json", "images", "1802.jpg"), Path.Combine(images, "good.jpg"));
        const string Object = "<object><name>with_mask</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>20</xmax><ymax>20</ymax></bndbox></object>";
        File.WriteAllText(Path.Combine(labels, "good.xml"), $"<annotation><filename>good.jpg</filename>{Object}</annotation>");
        File.WriteAllText(Path.Combine(labels, "evil.xml"), $"<annotation><filename>{fileName}</filename>{Object}</annotation>");
        var result = VocReader.Read(Path.Combine(tmp.Path, "voc"), ClassMapping.Default);
        Assert.That(result.Images.Single().ImagePath, Is.EqualTo(Path.Combine(images, "good.jpg")));
        Assert.That(result.Problems.Single().Path, Does.EndWith("evil.xml"));
        Assert.That(result.Problems.Single().Message, Does.Contain(fileName));
    }

    [Test]
    public void Invalid_utf8_in_one_json_annotation_skips_that_file_only()
    {
        using var tmp = new TempDir();
        var (_, annotations) = CopyJsonFixture(tmp);
        var bad = Encoding.UTF8.GetBytes(Annotation("1801.jpg"));
        var at = Array.IndexOf(bad, (byte)'1'); // inside the FileName string
        bad[at] = 0xFF;
        File.WriteAllBytes(Path.Combine(annotations, "bad-utf8.json"), bad);
        using var output = new TempDir();

        var summary = KittiConverter.Run(new ConversionOptions(output.Path) { MedicalJsonPath = Path.Combine(tmp.Path, "json"), Width = 160, Height = 92 });

        Assert.That(summary.TotalImages, Is.Positive, "the other files are converted");
        Assert.That(summary.Problems.Single().Path, Does.EndWith("bad-utf8.json"));
        Assert.That(summary.Problems.Single().Message, Does.Contain("UTF-8").Or.Contain("utf-8").Or.Contain("transcode"));
    }

    [Test]
    public void Special_files_and_folders_are_refused_without_blocking()
    {
        using var tmp = new TempDir();
        var fifo = Path.Combine(tmp.Path, "fifo.txt");
        using (var mk = Process.Start("mkfifo", [fifo]))
        {
            mk.WaitForExit();
            Assert.That(mk.ExitCode, Is.Zero);
        }

        var sw = Stopwatch.StartNew();
        Assert.That(() => KittiLabelFile.Read(fifo), Throws.TypeOf<LabelFormatException>().With.Message.Contain("not a regular file"));
        Assert.That(() => KittiLabelFile.Read("/dev/zero"), Throws.TypeOf<LabelFormatException>().With.Message.Contain("not a regular file"));
        var link = Path.Combine(tmp.Path, "link.txt");
        File.CreateSymbolicLink(link, fifo);
        Assert.That(() => KittiLabelFile.Read(link), Throws.TypeOf<LabelFormatException>().With.Message.Contain("not a regular file"), "a link to a FIFO");
        Assert.That(() => BoundedFile.ReadAllBytes(tmp.Path, 100), Throws.InstanceOf<IOException>().With.Message.Contain("is a folder"));
        Assert.That(sw.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "nothing blocked on the FIFO");

        var big = Path.Combine(tmp.Path, "big.txt");
        File.WriteAllBytes(big, new byte[1000]);
        Assert.That(() => BoundedFile.ReadAllBytes(big, 999), Throws.InstanceOf<IOException>().With.Message.Contain("limit of 999 bytes"));
        Assert.That(BoundedFile.ReadAllBytes(big, 1000), Has.Length.EqualTo(1000));
    }

    [TestCase("x.jpg", true)]
    [TestCase("sub/x.jpg", true)]
    [TestCase("sub/../x.jpg", true)]
    [TestCase("../x.jpg", false)]
    [TestCase("/x.jpg", false)]
    [TestCase("", false)]
    [TestCase("..", false)]
    public void Annotation_names_resolve_inside_the_folder_only(string name, bool allowed)
    {
        var resolved = DatasetPath.ResolveInside("/data/set/images/", name, out var reason);
        Assert.That(resolved is not null, Is.EqualTo(allowed), reason);
        if (allowed)
        {
            Assert.That(resolved, Does.StartWith("/data/set/images/"));
        }
    }
}
