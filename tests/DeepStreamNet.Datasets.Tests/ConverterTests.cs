using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using DeepStreamNet.Datasets.Checking;
using DeepStreamNet.Datasets.Conversion;
using DeepStreamNet.Datasets.Imaging;
using DeepStreamNet.Datasets.Kitti;
using NUnit.Framework;

namespace DeepStreamNet.Datasets.Tests;

public sealed class ConverterTests
{
    // Small output size keeps the tests cheap; the default 960x544 is used where the size is the point.
    private static ConversionOptions AllFixtures(string output) => new(output)
    {
        Width = 320,
        Height = 184,
        KagglePath = SharedData.Fixture("medical-mask-voc"),
        MedicalJsonPath = SharedData.Fixture("medical-mask-json"),
        MafaPath = SharedData.Fixture("mafa"),
        FddbPath = SharedData.Fixture("fddb"),
        WiderFacePath = SharedData.Fixture("widerface"),
    };

    private static Dictionary<string, string> Hashes(string dir) =>
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    [Test]
    public void Convert_all_fixtures_then_check_passes_with_recipe_counts()
    {
        using var tmp = new TempDir();
        var summary = KittiConverter.Run(AllFixtures(tmp.Path) with { Width = 960, Height = 544 });
        Assert.That(summary.Problems, Is.Empty);
        var by = summary.Datasets.ToDictionary(d => d.Dataset);
        Assert.That((by["kaggle"].ImagesWritten, by["kaggle"].MaskFaces, by["kaggle"].NoMaskFaces), Is.EqualTo((10, 67, 26)));
        Assert.That((by["medical-json"].MaskFaces, by["medical-json"].NoMaskFaces, by["medical-json"].DontCareFaces), Is.EqualTo((41, 23, 6)));

        // The recipe's own run on the MAFA train fixture wrote 3 landscape images with 9 Mask and 6 No-Mask lines.
        Assert.That((by["mafa"].ImagesWritten, by["mafa"].MaskFaces, by["mafa"].NoMaskFaces), Is.EqualTo((3, 9, 6)));
        Assert.That(by["mafa"].ImagesSkipped["portrait image (recipe rule)"], Is.EqualTo(1));
        Assert.That((by["fddb"].ImagesWritten, by["fddb"].NoMaskFaces), Is.EqualTo((7, 11)), "faces counted, not images");
        Assert.That((by["widerface"].ImagesWritten, by["widerface"].NoMaskFaces), Is.EqualTo((1, 1)));

        var report = DatasetChecker.Check(tmp.Path);
        Assert.That(report.Issues, Is.Empty);
        Assert.That(report.ImageSizes.Keys, Is.EqualTo(new[] { "960x544" }));
        Assert.That(report.ObjectsPerClass["mask"], Is.EqualTo(summary.TotalMask));
        Assert.That(report.ObjectsPerClass["no-mask"], Is.EqualTo(summary.TotalNoMask));
        Assert.That(report.Images, Is.EqualTo(summary.TotalImages));
        using var json = JsonDocument.Parse(summary.ToJson());
        Assert.That(json.RootElement.GetProperty("TotalMask").GetInt32(), Is.EqualTo(117));
    }

    [Test]
    public void Val_split_uses_mafa_test_and_wider_val_only()
    {
        using var tmp = new TempDir();
        var summary = KittiConverter.Run(AllFixtures(tmp.Path) with { Split = ConversionSplit.Val });
        Assert.That(summary.Datasets.Select(d => d.Dataset), Is.EqualTo(new[] { "mafa", "widerface" }));
        var mafa = summary.Datasets[0];

        // Recipe output on the test fixture: 3 images, 9 Mask and 9 No-Mask lines (its printed no-mask total 0 is its bug).
        Assert.That((mafa.ImagesWritten, mafa.MaskFaces, mafa.NoMaskFaces), Is.EqualTo((3, 9, 9)));
        Assert.That(summary.Problems.Select(p => p.Dataset), Is.EquivalentTo(new[] { "kaggle", "medical-json", "fddb" }));
        Assert.That(DatasetChecker.Check(tmp.Path).Ok, Is.True);
    }

    [Test]
    public void Boxes_are_clipped_and_scaled_to_the_output_size()
    {
        using var tmp = new TempDir();
        KittiConverter.Run(new ConversionOptions(tmp.Path) { KagglePath = SharedData.Fixture("medical-mask-voc"), Width = 480, Height = 272 });
        var expected = SharedData.ReadTsv(SharedData.Fixture("medical-mask-voc", "EXPECTED.tsv"))
            .Where(r => r["image"] == "images/W37H3GWNO5EV5HTJQNP4KLIRGI.jpg").ToList();
        var labels = KittiLabelFile.Read(Path.Combine(tmp.Path, "labels", "kaggle_W37H3GWNO5EV5HTJQNP4KLIRGI.txt"));
        Assert.That(labels, Has.Count.EqualTo(expected.Count));
        for (var i = 0; i < labels.Count; i++)
        {
            double V(string k) => double.Parse(expected[i][k], CultureInfo.InvariantCulture);
            var sx = 480.0 / V("image_width");
            var sy = 272.0 / V("image_height");
            Assert.That(labels[i].Type, Is.EqualTo("mask"));
            Assert.That(labels[i].Box.Left, Is.EqualTo(V("xmin") * sx).Within(0.006));
            Assert.That(labels[i].Box.Top, Is.EqualTo(V("ymin") * sy).Within(0.006));
            Assert.That(labels[i].Box.Right, Is.EqualTo(V("xmax") * sx).Within(0.006));
            Assert.That(labels[i].Box.Bottom, Is.EqualTo(V("ymax") * sy).Within(0.006));
        }

        Assert.That(ImageIo.Probe(Path.Combine(tmp.Path, "images", "kaggle_W37H3GWNO5EV5HTJQNP4KLIRGI.jpg")), Is.EqualTo((480, 272)));

        // FDDB img_591's ellipse box reaches past the top of the 450x? image: clipped, never negative.
        KittiConverter.Run(new ConversionOptions(tmp.Path) { FddbPath = SharedData.Fixture("fddb"), Width = 480, Height = 272 });
        foreach (var f in Directory.GetFiles(Path.Combine(tmp.Path, "labels"), "fddb_*.txt"))
        {
            foreach (var o in KittiLabelFile.Read(f))
            {
                Assert.That(o.Box.Left >= 0 && o.Box.Top >= 0 && o.Box.Right <= 480 && o.Box.Bottom <= 272, Is.True, $"{f}: {o.Box}");
            }
        }
    }

    [Test]
    public void Rerun_into_the_same_folder_gives_identical_files_and_removes_stale_ones()
    {
        using var tmp = new TempDir();
        KittiConverter.Run(AllFixtures(tmp.Path));
        var first = Hashes(tmp.Path);
        KittiConverter.Run(AllFixtures(tmp.Path) with { MaxDegreeOfParallelism = 1 });
        Assert.That(Hashes(tmp.Path), Is.EqualTo(first), "same result, regardless of parallelism");

        var second = KittiConverter.Run(new ConversionOptions(tmp.Path) { FddbPath = SharedData.Fixture("fddb"), Width = 320, Height = 184 });
        Assert.That(second.StaleFilesRemoved, Is.EqualTo(2 * (31 - 7)));
        Assert.That(Directory.GetFiles(Path.Combine(tmp.Path, "labels")), Has.Length.EqualTo(7));
        Assert.That(DatasetChecker.Check(tmp.Path).Ok, Is.True);
    }

    [Test]
    public void Category_limit_is_filled_in_dataset_order_without_splitting_images()
    {
        using var tmp = new TempDir();
        var summary = KittiConverter.Run(AllFixtures(tmp.Path) with { CategoryLimit = 30 });
        Assert.That(summary.TotalMask, Is.LessThanOrEqualTo(30));
        Assert.That(summary.TotalNoMask, Is.LessThanOrEqualTo(30));
        var by = summary.Datasets.ToDictionary(d => d.Dataset);
        Assert.That(by["kaggle"].ImagesWritten, Is.GreaterThan(0));
        Assert.That(by["kaggle"].ImagesSkipped["category limit reached"], Is.GreaterThan(0));

        // Budget left for later datasets is what the earlier ones did not use; FDDB takes no-mask faces only.
        Assert.That(by["fddb"].NoMaskFaces, Is.LessThanOrEqualTo(30 - by["kaggle"].NoMaskFaces - by["medical-json"].NoMaskFaces - by["mafa"].NoMaskFaces));
        var report = DatasetChecker.Check(tmp.Path);
        Assert.That(report.ObjectsPerClass.GetValueOrDefault("mask"), Is.EqualTo(summary.TotalMask), "printed totals equal written labels");
        Assert.That(report.ObjectsPerClass.GetValueOrDefault("no-mask"), Is.EqualTo(summary.TotalNoMask));
    }

    [Test]
    public void Unlabelled_face_policies()
    {
        using var tmp = new TempDir();
        var omit = KittiConverter.Run(new ConversionOptions(tmp.Sub("omit")) { Width = 160, Height = 92, KagglePath = SharedData.Fixture("medical-mask-voc"), UnlabelledFaces = UnlabelledFacePolicy.Omit });
        Assert.That(omit.Datasets[0].DontCareFaces, Is.Zero);
        Assert.That(omit.Datasets[0].ImagesWritten, Is.EqualTo(10));
        var skip = KittiConverter.Run(new ConversionOptions(tmp.Sub("skip")) { Width = 160, Height = 92, KagglePath = SharedData.Fixture("medical-mask-voc"), UnlabelledFaces = UnlabelledFacePolicy.SkipImage });
        Assert.That(skip.Datasets[0].ImagesWritten, Is.LessThan(10));
        Assert.That(skip.Datasets[0].MaskFaces + skip.Datasets[0].NoMaskFaces, Is.LessThan(93));
    }

    [Test]
    public void Corrupt_image_malformed_xml_and_missing_image_are_skipped_and_reported()
    {
        using var tmp = new TempDir();
        var src = tmp.Sub("src");
        var images = tmp.Sub("src", "images");
        var labels = tmp.Sub("src", "labels");
        var fixture = SharedData.Fixture("medical-mask-voc");
        foreach (var stem in new[] { "crowd_street_01", "group-photo", "maksssksksss576" })
        {
            File.Copy(Path.Combine(fixture, "images", stem + ".jpg"), Path.Combine(images, stem + ".jpg"));
            File.Copy(Path.Combine(fixture, "labels", stem + ".xml"), Path.Combine(labels, stem + ".xml"));
        }

        var good = File.ReadAllBytes(Path.Combine(images, "group-photo.jpg"));
        File.WriteAllBytes(Path.Combine(images, "group-photo.jpg"), good[..(good.Length / 3)]); // truncated JPEG
        File.WriteAllText(Path.Combine(labels, "maksssksksss576.xml"), "<annotation><object><name>mask</name>");
        File.Copy(Path.Combine(fixture, "labels", "-1x-1.xml"), Path.Combine(labels, "no-image.xml"));
        File.WriteAllBytes(Path.Combine(images, "garbage.jpg"), [1, 2, 3, 4, 5]);
        File.Copy(Path.Combine(fixture, "labels", "-1x-1.xml"), Path.Combine(labels, "garbage.xml"));

        var summary = KittiConverter.Run(new ConversionOptions(tmp.Sub("out")) { KagglePath = src, Width = 320, Height = 184 });
        Assert.That(summary.TotalImages, Is.EqualTo(1), "only crowd_street_01 is intact");
        var paths = summary.Problems.Select(p => p.Path).ToList();
        Assert.That(paths, Has.Some.Contains("maksssksksss576.xml"));
        Assert.That(paths, Has.Some.Contains("no-image.xml"));
        Assert.That(paths, Has.Some.EndsWith("garbage.jpg"));
        Assert.That(paths, Has.Some.EndsWith("group-photo.jpg"));
        Assert.That(summary.ToText(), Does.Contain("4 problem(s)"));
        Assert.That(DatasetChecker.Check(tmp.Path + "/out").Ok, Is.True);
    }

    [Test]
    public void Sixteen_bit_png_dev_set_converts_to_opaque_jpeg()
    {
        using var tmp = new TempDir();
        var src = tmp.Sub("dev");
        var ann = tmp.Sub("dev", "annotations");
        var img = tmp.Sub("dev", "images");

        // A 16-bit RGBA PNG and an 8-bit RGB PNG from the dev set.
        var picked = Directory.GetFiles(Path.Combine(SharedData.DevSet, "images"), "*.png").Order(StringComparer.Ordinal)
            .GroupBy(f => File.ReadAllBytes(f)[24]).Select(g => g.First()).ToList();
        Assert.That(picked.Select(f => File.ReadAllBytes(f)[24]), Does.Contain((byte)16));
        foreach (var f in picked)
        {
            File.Copy(f, Path.Combine(img, Path.GetFileName(f)));
            var stem = Path.GetFileNameWithoutExtension(f);
            File.Copy(Path.Combine(SharedData.DevSet, "annotations", stem + ".xml"), Path.Combine(ann, stem + ".xml"));
            using var bmp = ImageIo.LoadOpaque(f);
            Assert.That(bmp.GetPixel(bmp.Width / 2, bmp.Height / 2).Alpha, Is.EqualTo(255));
        }

        var summary = KittiConverter.Run(new ConversionOptions(tmp.Sub("out")) { KagglePath = src, Width = 320, Height = 184 });
        Assert.That(summary.Problems, Is.Empty);
        Assert.That(DatasetChecker.Check(Path.Combine(tmp.Path, "out")).Ok, Is.True);
    }

    [Test]
    public void Colliding_source_stems_get_distinct_output_names()
    {
        var stems = OutputNaming.Assign([("fddb", "2002/08/11/big/img_591"), ("fddb", "2003/01/14/big/img_591"), ("kaggle", "a b.jpg"), ("kaggle", "a_b.png")]);
        Assert.That(stems[0], Is.EqualTo("fddb_2002_08_11_big_img_591"));
        Assert.That(stems[1], Is.EqualTo("fddb_2003_01_14_big_img_591"));
        Assert.That(stems[2], Is.EqualTo("kaggle_a_b"));
        Assert.That(stems[3], Does.StartWith("kaggle_a_b_").And.Not.EqualTo(stems[2]));
        Assert.That(OutputNaming.Assign([("kaggle", "a b.jpg"), ("kaggle", "a_b.png")])[1], Is.EqualTo(stems[3]), "deterministic");
    }

    [Test]
    public void Invalid_options_fail_with_a_clear_message()
    {
        Assert.That(() => KittiConverter.Run(new ConversionOptions("/tmp/x")), Throws.ArgumentException.With.Message.Contains("no input dataset"));
        Assert.That(() => KittiConverter.Run(new ConversionOptions("/tmp/x") { FddbPath = "/nonexistent/fddb" }), Throws.TypeOf<DirectoryNotFoundException>().With.Message.Contains("--fddb"));
        Assert.That(() => KittiConverter.Run(new ConversionOptions("/tmp/x") { FddbPath = "/tmp", Width = 0 }), Throws.ArgumentException.With.Message.Contains("0x544"));
    }
}
