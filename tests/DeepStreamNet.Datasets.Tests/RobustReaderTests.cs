using DeepStreamNet.Datasets.Kitti;
using DeepStreamNet.Datasets.Sources;
using NUnit.Framework;

namespace DeepStreamNet.Datasets.Tests;

public sealed class RobustReaderTests
{
    [Test]
    public void Medical_json_bad_files_and_annotations_are_reported_by_path()
    {
        using var tmp = new TempDir();
        var images = tmp.Sub("images");
        var ann = tmp.Sub("annotations");
        File.Copy(SharedData.Fixture("medical-mask-json", "images", "1801.jpg"), Path.Combine(images, "1801.jpg"));
        File.WriteAllText(Path.Combine(ann, "1801.jpg.json"),
            """{"FileName": "1801.jpg", "Annotations": [{"classname": "face_no_mask", "BoundingBox": [1, 2, 30, 40]}, {"classname": "face_with_mask", "BoundingBox": [1, 2]}]}""");
        File.WriteAllText(Path.Combine(ann, "1802.jpg.json"), "{\n \"FileName\": \"1802.jpg\",\n \"Annotations\": [ {,\n}");
        File.WriteAllText(Path.Combine(ann, "1803.jpg.json"), """{"FileName": "1803.jpg", "Annotations": []}""");
        var result = MedicalJsonReader.Read(tmp.Path, ClassMapping.Default);
        Assert.That(result.Images.Single().Faces.Single().Box, Is.EqualTo(new Box(1, 2, 30, 40)));
        Assert.That(result.Problems, Has.Count.EqualTo(3));
        Assert.That(result.Problems[0].Message, Does.Contain("annotation 2"));
        Assert.That(result.Problems[1].Path, Does.Contain("1802.jpg.json:"));
        Assert.That(result.Problems[2].Message, Does.Contain("1803.jpg").And.Contain("not found"));
    }

    [Test]
    public void Mafa_missing_label_file_and_missing_images_are_reported()
    {
        using var tmp = new TempDir();
        Assert.That(MafaReader.Read(tmp.Path, testSplit: false).Problems.Single().Message, Does.Contain("not found"));
        File.Copy(SharedData.Fixture("mafa", "MAFA-Label-Test", "LabelTestAll.mat"), Path.Combine(tmp.Sub("MAFA-Label-Test"), "LabelTestAll.mat"));
        var result = MafaReader.Read(tmp.Path, testSplit: true);
        Assert.That(result.Images, Is.Empty);
        Assert.That(result.Problems, Has.Count.EqualTo(4));
        Assert.That(result.Problems[0].Path, Does.EndWith("LabelTestAll.mat:LabelTest(1)"));
    }

    [Test]
    public void Mafa_corrupt_mat_file_is_a_problem_not_a_crash()
    {
        using var tmp = new TempDir();
        var bytes = File.ReadAllBytes(SharedData.Fixture("mafa", "MAFA-Label-Train", "LabelTrainAll.mat"));
        File.WriteAllBytes(Path.Combine(tmp.Sub("MAFA-Label-Train"), "LabelTrainAll.mat"), bytes[..300]);
        var result = MafaReader.Read(tmp.Path, testSplit: false);
        Assert.That(result.Problems.Single().Message, Does.Contain("LabelTrainAll.mat"));
    }

    [Test]
    public void Kitti_lines_round_trip_and_errors_name_the_line()
    {
        var o = new KittiObject("no-mask", new Box(1.5, 2.25, 30, 40.125)) { Score = 0.875 };
        var line = KittiLabelFile.Format(o);
        Assert.That(line, Is.EqualTo("no-mask 0 0 0 1.5 2.25 30 40.13 0 0 0 0 0 0 0 0.875"));
        var back = KittiLabelFile.Parse([line], "x.txt", allowScore: true).Single();
        Assert.That((back.Type, back.Score, back.Box.Left), Is.EqualTo(("no-mask", (double?)0.875, 1.5)));
        Assert.That(() => KittiLabelFile.Parse(["", line], "x.txt"), Throws.TypeOf<LabelFormatException>().With.Message.EqualTo("x.txt:2: expected 15 fields, found 16"));
    }
}
