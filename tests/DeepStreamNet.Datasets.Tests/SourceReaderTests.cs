using System.Globalization;
using DeepStreamNet.Datasets.Kitti;
using DeepStreamNet.Datasets.Sources;
using NUnit.Framework;

namespace DeepStreamNet.Datasets.Tests;

public sealed class SourceReaderTests
{
    private static double D(Dictionary<string, string> r, string k) => double.Parse(r[k], CultureInfo.InvariantCulture);

    [Test]
    public void Voc_fixture_matches_expected_objects_and_recipe_classes()
    {
        var result = VocReader.Read(SharedData.Fixture("medical-mask-voc"), ClassMapping.Default);
        Assert.That(result.Problems, Is.Empty);
        var expected = SharedData.ReadTsv(SharedData.Fixture("medical-mask-voc", "EXPECTED.tsv"));
        var byImage = result.Images.ToDictionary(i => "images/" + Path.GetFileName(i.ImagePath));
        Assert.That(byImage, Has.Count.EqualTo(10));
        foreach (var r in expected)
        {
            var face = byImage[r["image"]].Faces[int.Parse(r["object"], CultureInfo.InvariantCulture) - 1];
            Assert.That(face.Box, Is.EqualTo(new Box(D(r, "xmin"), D(r, "ymin"), D(r, "xmax"), D(r, "ymax"))));
            var cls = r["recipe_class"] switch { "Mask" => FaceClass.Mask, "No-Mask" => FaceClass.NoMask, _ => FaceClass.Ignore };
            Assert.That(face.Class, Is.EqualTo(cls), $"{r["image"]} object {r["object"]}");
        }

        Assert.That(result.Images.Sum(i => i.Faces.Count(f => f.Class == FaceClass.Mask)), Is.EqualTo(67));
        Assert.That(result.Images.Sum(i => i.Faces.Count(f => f.Class == FaceClass.NoMask)), Is.EqualTo(26));
        Assert.That(byImage.ContainsKey("images/0cf3a4e2.jpeg"), Is.True, ".jpeg extension found");
    }

    [Test]
    public void Voc_class_mapping_is_configurable()
    {
        var result = VocReader.Read(SharedData.Fixture("medical-mask-voc"), ClassMapping.Parse("poor=no-mask"));
        Assert.That(result.Images.Sum(i => i.Faces.Count(f => f.Class == FaceClass.NoMask)), Is.EqualTo(28));
        Assert.That(() => ClassMapping.Parse("poor=maybe"), Throws.TypeOf<FormatException>().With.Message.Contains("poor=maybe"));
    }

    [Test]
    public void Andrewmvd_dev_set_reads_three_classes_from_annotations_folder()
    {
        var result = VocReader.Read(SharedData.DevSet, ClassMapping.Default);
        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Images, Has.Count.EqualTo(107));
        var names = result.Images.SelectMany(i => i.Faces).Select(f => f.Rule).Distinct().Order().ToList();
        Assert.That(names, Is.EqualTo(new[] { "class 'mask_weared_incorrect'", "class 'with_mask'", "class 'without_mask'" }));
    }

    [Test]
    public void Medical_json_fixture_matches_expected_annotations()
    {
        var result = MedicalJsonReader.Read(SharedData.Fixture("medical-mask-json"), ClassMapping.Default);
        Assert.That(result.Problems, Is.Empty);
        var expected = SharedData.ReadTsv(SharedData.Fixture("medical-mask-json", "EXPECTED.tsv"));
        var byImage = result.Images.ToDictionary(i => Path.GetFileName(i.ImagePath));
        foreach (var group in expected.GroupBy(r => r["image"]))
        {
            var faces = group.Where(r => r["face_class"] != "not-a-face").ToList();
            var got = byImage[group.Key].Faces;
            Assert.That(got, Has.Count.EqualTo(faces.Count), group.Key);
            for (var k = 0; k < faces.Count; k++)
            {
                var r = faces[k];
                Assert.That(got[k].Box, Is.EqualTo(new Box(D(r, "xmin"), D(r, "ymin"), D(r, "xmax"), D(r, "ymax"))));
                var cls = r["face_class"] switch { "mask" => FaceClass.Mask, "no-mask" => FaceClass.NoMask, _ => FaceClass.Ignore };
                Assert.That(got[k].Class, Is.EqualTo(cls));
            }
        }

        Assert.That(result.DroppedAnnotations.Values.Sum(), Is.EqualTo(7), "7 not-a-face annotations dropped");
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Mafa_fixture_matches_expected_recipe_classes(bool test)
    {
        var result = MafaReader.Read(SharedData.Fixture("mafa"), testSplit: test);
        Assert.That(result.Problems, Is.Empty);
        var split = test ? "test" : "train";
        var expected = SharedData.ReadTsv(SharedData.Fixture("mafa", "EXPECTED.tsv")).Where(r => r["split"] == split).ToList();
        var byImage = result.Images.ToDictionary(i => "images/" + Path.GetFileName(i.ImagePath));
        foreach (var r in expected)
        {
            var img = byImage[r["image"]];
            Assert.That(img.RequireLandscape, Is.True);
            var face = img.Faces[int.Parse(r["row"], CultureInfo.InvariantCulture) - 1];
            Assert.That(face.Box, Is.EqualTo(Box.FromXywh(D(r, "x"), D(r, "y"), D(r, "w"), D(r, "h"))));
            var cls = r["recipe_class"] switch { "mask" => FaceClass.Mask, "no-mask" => FaceClass.NoMask, _ => FaceClass.Ignore };
            Assert.That(face.Class, Is.EqualTo(cls), $"{r["image"]} row {r["row"]}: {face.Rule}");
        }

        var faces = result.Images.SelectMany(i => i.Faces).ToList();
        Assert.That(faces, Has.Count.EqualTo(test ? 22 : 18));
        Assert.That(faces.Count(f => f.Class == FaceClass.Mask), Is.EqualTo(test ? 9 : 10));
        Assert.That(faces.Count(f => f.Class == FaceClass.NoMask), Is.EqualTo(test ? 10 : 6));
    }

    [Test]
    public void Mafa_compressed_and_matlab_style_files_give_the_same_faces()
    {
        using var tmp = new TempDir();
        foreach (var variant in new[] { "_compressed", "_matlabstyle" })
        {
            var root = tmp.Sub(variant);
            foreach (var (folder, file) in new[] { ("MAFA-Label-Train", "LabelTrainAll"), ("MAFA-Label-Test", "LabelTestAll") })
            {
                var dst = Path.Combine(tmp.Sub(variant, folder), file + ".mat");
                var src = SharedData.Fixture("mafa", folder, file + variant + ".mat");
                if (File.Exists(src))
                {
                    File.Copy(src, dst);
                }
                else
                {
                    File.Copy(SharedData.Fixture("mafa", folder, file + "_compressed.mat"), dst);
                }
            }

            File.CreateSymbolicLink(Path.Combine(root, "images"), SharedData.Fixture("mafa", "images"));
            foreach (var test in new[] { false, true })
            {
                var a = MafaReader.Read(SharedData.Fixture("mafa"), test).Images.SelectMany(i => i.Faces).ToList();
                var b = MafaReader.Read(root, test).Images.SelectMany(i => i.Faces).ToList();
                Assert.That(b, Is.EqualTo(a), $"{variant} test={test}");
            }
        }
    }

    [Test]
    public void Fddb_fixture_reads_every_fold_with_exact_ellipse_boxes()
    {
        var result = FddbReader.Read(SharedData.Fixture("fddb"));
        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Images, Has.Count.EqualTo(7));
        Assert.That(result.Images.Sum(i => i.Faces.Count), Is.EqualTo(11));
        var first = result.Images.Single(i => i.RelativeId == "2002/08/11/big/img_591");
        Assert.That(first.ImagePath, Does.EndWith(Path.Combine("originalPics", "2002", "08", "11", "big", "img_591.jpg")));
        Assert.That(first.Faces[0].Class, Is.EqualTo(FaceClass.NoMask));
        var expected = EllipseBox.Compute(123.583300, 85.549500, 1.265839, 269.693400, 161.781200);
        Assert.That(first.Faces[0].Box, Is.EqualTo(expected));
        Assert.That(result.Images.Single(i => i.RelativeId.EndsWith("img_1468", StringComparison.Ordinal)).Faces, Has.Count.EqualTo(5));
    }

    [Test]
    public void Fddb_malformed_lines_are_skipped_and_reported()
    {
        using var tmp = new TempDir();
        var folds = tmp.Sub("FDDB-folds");
        File.CreateSymbolicLink(Path.Combine(tmp.Path, "originalPics"), SharedData.Fixture("fddb", "originalPics"));
        File.WriteAllLines(Path.Combine(folds, "FDDB-fold-01-ellipseList.txt"),
        [
            "2002/08/11/big/img_591", "1", "123.5 85.5 1.26 269.6 161.7  1",
            "2002/07/23/big/img_260", "x", // bad count
            "2002/08/09/big/img_555", "1", "52.1 abc -1.48 174.5 140.0  1", // bad ellipse
            "2002/07/19/big/img_160", "1", "48.4 32.8 -1.57 268.0 113.4  1",
            "2002/01/01/big/img_missing", "1", "10 5 0 50 50 1",
        ]);
        var result = FddbReader.Read(tmp.Path);
        Assert.That(result.Images.Select(i => i.RelativeId), Is.EqualTo(new[] { "2002/08/11/big/img_591", "2002/07/19/big/img_160" }));
        Assert.That(result.Problems, Has.Count.EqualTo(3));
        Assert.That(result.Problems.Select(p => p.Path), Has.Some.EndsWith("FDDB-fold-01-ellipseList.txt:5"));
        Assert.That(result.Problems.Select(p => p.Message), Has.Some.Contains("img_missing"));
    }

    [Test]
    public void Wider_text_ground_truth_counts_every_face()
    {
        foreach (var (val, images, faces) in new[] { (false, 6, 114), (true, 4, 135) })
        {
            var result = new SourceReadResult();
            var split = val ? "val" : "train";
            var entries = WiderFaceReader.ReadTextForTest(SharedData.Fixture("widerface", "wider_face_split", $"wider_face_{split}_bbx_gt.txt"), result);
            Assert.That(result.Problems, Is.Empty);
            Assert.That(entries, Has.Count.EqualTo(images));
            Assert.That(entries.Sum(e => e.Faces), Is.EqualTo(faces));
            if (val)
            {
                Assert.That(entries.Sum(e => e.Invalid), Is.EqualTo(75));
            }
        }
    }

    [Test]
    public void Wider_recipe_selection_keeps_listed_events_with_one_to_three_clear_faces()
    {
        var result = WiderFaceReader.Read(SharedData.Fixture("widerface"), valSplit: false);
        Assert.That(result.Problems, Is.Empty);

        // Of the 6 train images only 43--Row_Boat (1 face) and 9--Press_Conference (>3 clear faces) are in the event list.
        var img = result.Images.Single();
        Assert.That(img.RelativeId, Is.EqualTo("train/43--Row_Boat/43_Row_Boat_Canoe_43_525.jpg"));
        Assert.That(img.Faces.Single().Box, Is.EqualTo(new Box(576, 232, 644, 286)));

        var all = WiderFaceReader.Read(SharedData.Fixture("widerface"), valSplit: false, allEvents: true);
        Assert.That(all.Images.Select(i => i.RelativeId.Split('/')[1]), Does.Contain("0--Parade").And.Contain("26--Soldier_Drilling"));
        var soldiers = all.Images.Single(i => i.RelativeId.Contains("Soldier", StringComparison.Ordinal));
        Assert.That(soldiers.Faces.Count(f => f.Class == FaceClass.NoMask), Is.EqualTo(3));
        Assert.That(soldiers.Faces.Count(f => f.Class == FaceClass.Ignore), Is.EqualTo(1), "occluded face kept as an ignored face");
    }

    [Test]
    public void Wider_zero_face_entries_and_malformed_lines_are_handled()
    {
        using var tmp = new TempDir();
        var split = tmp.Sub("wider_face_split");
        var ev = tmp.Sub("WIDER_train", "images", "43--Row_Boat");
        File.Copy(SharedData.Fixture("widerface", "WIDER_train", "images", "43--Row_Boat", "43_Row_Boat_Canoe_43_525.jpg"), Path.Combine(ev, "a.jpg"));
        File.Copy(Path.Combine(ev, "a.jpg"), Path.Combine(ev, "b.jpg"));
        File.WriteAllLines(Path.Combine(split, "wider_face_train_bbx_gt.txt"),
        [
            "43--Row_Boat/empty.jpg", "0", "0 0 0 0 0 0 0 0 0 0",
            "43--Row_Boat/a.jpg", "1", "10 20 30 40 0 0 0 0 0 0 ",
            "43--Row_Boat/bad.jpg", "2", "1 2 3", "43--Row_Boat/b.jpg", "1", "5 5 50 60 0 0 0 1 0 0",
        ]);
        var result = WiderFaceReader.Read(tmp.Path, valSplit: false);
        Assert.That(result.Problems.Single().Path, Does.EndWith("wider_face_train_bbx_gt.txt:9"));
        Assert.That(result.Images.Single().RelativeId, Is.EqualTo("train/43--Row_Boat/a.jpg"), "b.jpg has only an invalid face");
        Assert.That(result.Images.Single().Faces.Single().Box, Is.EqualTo(new Box(10, 20, 40, 60)));
    }

    [Test]
    public void Wider_mat_ground_truth_is_read_like_the_text_file()
    {
        using var tmp = new TempDir();
        var split = tmp.Sub("wider_face_split");
        var ev = tmp.Sub("WIDER_train", "images", "43--Row_Boat");
        File.Copy(SharedData.Fixture("widerface", "WIDER_train", "images", "43--Row_Boat", "43_Row_Boat_Canoe_43_525.jpg"), Path.Combine(ev, "x.jpg"));
        var b = new MatBuilder();
        byte[] Cell(string name, params byte[][] cells) => b.Matrix(name, 1, [cells.Length, 1], cells);
        byte[] Chars(string s) => b.Matrix(string.Empty, 4, [1, s.Length], b.Utf16(s));
        byte[] Col(params double[] v) => b.Matrix(string.Empty, 6, [v.Length, 1], b.Doubles(v));

        // One event, one image, two faces: a clear one and an occluded one. face_bbx_list is N×4 column-major.
        var boxes = b.Matrix(string.Empty, 6, [2, 4], b.Doubles(10, 100, 20, 100, 30, 40, 40, 50));
        var bytes = MatBuilder.File(
            b.Header(),
            Cell("event_list", Chars("43--Row_Boat")),
            Cell("file_list", Cell(string.Empty, Chars("x"))),
            b.Compressed(Cell("face_bbx_list", Cell(string.Empty, boxes))),
            Cell("occlusion_label_list", Cell(string.Empty, Col(0, 2))),
            Cell("invalid_label_list", Cell(string.Empty, Col(0, 0))),
            Cell("blur_label_list", Cell(string.Empty, Col(0, 1))));
        File.WriteAllBytes(Path.Combine(split, "wider_face_train.mat"), bytes);
        var result = WiderFaceReader.Read(tmp.Path, valSplit: false);
        Assert.That(result.Problems, Is.Empty);
        var img = result.Images.Single();
        Assert.That(img.RelativeId, Is.EqualTo("train/43--Row_Boat/x.jpg"));
        Assert.That(img.Faces.Select(f => (f.Box, f.Class)), Is.EqualTo(new[] { (new Box(10, 20, 40, 60), FaceClass.NoMask), (new Box(100, 100, 140, 150), FaceClass.Ignore) }));
    }
}
