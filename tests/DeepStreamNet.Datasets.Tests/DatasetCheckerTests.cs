using DeepStreamNet.Datasets.Checking;
using DeepStreamNet.Datasets.Imaging;
using NUnit.Framework;
using SkiaSharp;

namespace DeepStreamNet.Datasets.Tests;

public sealed class DatasetCheckerTests
{
    private static void WriteJpeg(string path, int w, int h)
    {
        using var bmp = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Opaque));
        bmp.Erase(SKColors.Gray);
        File.WriteAllBytes(path, ImageIo.EncodeJpeg(bmp, 80));
    }

    [Test]
    public void Every_kind_of_defect_is_listed_with_file_and_line()
    {
        using var tmp = new TempDir();
        var images = tmp.Sub("images");
        var labels = tmp.Sub("labels");
        WriteJpeg(Path.Combine(images, "ok.jpg"), 64, 48);
        File.WriteAllText(Path.Combine(labels, "ok.txt"), "mask 0 0 0 1 1 20 20 0 0 0 0 0 0 0\n");
        WriteJpeg(Path.Combine(images, "bad.jpg"), 64, 48);
        File.WriteAllLines(Path.Combine(labels, "bad.txt"),
        [
            "mask 0 0 0 1 1 20 20 0 0 0 0 0 0 0",
            "no-mask 0 0 0 1 1 20 20 0 0 0 0 0 0", // 14 fields
            "Mask 0 0 0 1 1 20 20 0 0 0 0 0 0 0", // wrong case: unknown class
            "no-mask 0 0 0 50 10 70 30 0 0 0 0 0 0 0", // right edge past width 64
            "no-mask 0 0 0 30 30 20 40 0 0 0 0 0 0 0", // inverted
            "no-mask 0 0 0 x 1 2 3 0 0 0 0 0 0 0",
        ]);
        WriteJpeg(Path.Combine(images, "bigger.jpg"), 96, 48);
        File.WriteAllText(Path.Combine(labels, "bigger.txt"), string.Empty);
        WriteJpeg(Path.Combine(images, "orphan.jpg"), 64, 48);
        File.WriteAllText(Path.Combine(labels, "lonely.txt"), "mask 0 0 0 1 1 2 2 0 0 0 0 0 0 0\n");
        File.WriteAllBytes(Path.Combine(images, "broken.jpg"), [0xFF, 0xD8, 0x00]);
        File.WriteAllText(Path.Combine(labels, "broken.txt"), string.Empty);

        var report = DatasetChecker.Check(tmp.Path);
        Assert.That(report.Ok, Is.False);
        var issues = string.Join('\n', report.Issues);
        Assert.That(issues, Does.Contain("bad.txt:2: expected 15 fields, found 14"));
        Assert.That(issues, Does.Contain("bad.txt:3: unknown class 'Mask'"));
        Assert.That(issues, Does.Contain("bad.txt:4: box (50 10 70 30) is outside the 64x48 image"));
        Assert.That(issues, Does.Contain("bad.txt:5: box"));
        Assert.That(issues, Does.Contain("bad.txt:6: field 5 'x' is not a number"));
        Assert.That(issues, Does.Contain("orphan.jpg: no label file"));
        Assert.That(issues, Does.Contain("lonely.txt: no image"));
        Assert.That(issues, Does.Contain("broken.jpg: unreadable image"));
        Assert.That(issues, Does.Contain("2 different sizes"));
        Assert.That(report.Issues.Any(i => i.Contains("ok.txt", StringComparison.Ordinal)), Is.False);
        Assert.That(report.ToText(), Does.Contain("issue(s)"));
    }

    [Test]
    public void Custom_class_list_and_missing_folders()
    {
        using var tmp = new TempDir();
        Assert.That(DatasetChecker.Check(tmp.Path).Issues.Single(), Does.Contain("expected images/ and labels/"));
        WriteJpeg(Path.Combine(tmp.Sub("images"), "a.jpg"), 32, 32);
        File.WriteAllText(Path.Combine(tmp.Sub("labels"), "a.txt"), "Mask 0 0 0 1 1 20 20 0 0 0 0 0 0 0\n");
        Assert.That(DatasetChecker.Check(tmp.Path).Ok, Is.False);
        Assert.That(DatasetChecker.Check(tmp.Path, ["Mask", "No-Mask"]).Ok, Is.True);
    }
}
