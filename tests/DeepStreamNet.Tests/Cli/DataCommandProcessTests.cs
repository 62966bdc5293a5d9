using System.Diagnostics;
using System.Text.RegularExpressions;
using DeepStreamNet.Datasets.Tests;
using DeepStreamNet.Tests.Probes;
using DeepStreamNet.Tests.Runner;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Cli;

/// <summary>
/// <c>dsnet dataset convert</c>, <c>visualize</c>, <c>evaluate</c> and <c>infer-images</c> as real processes: absolute paths
/// of what they write, one progress summary line when not on a terminal (a live display when they are), and exit 1
/// when an input was skipped while everything else was written.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DataCommandProcessTests
{
    private string _tmp = null!;

    [SetUp]
    public void MakeTemp() => _tmp = Directory.CreateTempSubdirectory("dsnet-cli-data-").FullName;

    [TearDown]
    public void RemoveTemp() => Directory.Delete(_tmp, recursive: true);

    private static string Fixture(params string[] parts) => Path.Combine([TestPaths.Shared, "fixtures", .. parts]);

    private string HugePng()
    {
        var path = Path.Combine(_tmp, "huge.png");
        TestImages.WriteBlackPng(path, 25000, 25000);
        return path;
    }

    /// <summary>The medical JSON fixture plus one annotated 25000×25000 PNG.</summary>
    private string JsonDatasetWithHugeImage()
    {
        var root = Path.Combine(_tmp, "json");
        foreach (var sub in new[] { "images", "annotations" })
        {
            Directory.CreateDirectory(Path.Combine(root, sub));
            foreach (var f in Directory.GetFiles(Fixture("medical-mask-json", sub)))
            {
                File.Copy(f, Path.Combine(root, sub, Path.GetFileName(f)));
            }
        }

        File.Move(HugePng(), Path.Combine(root, "images", "huge.png"));
        File.WriteAllText(Path.Combine(root, "annotations", "huge.png.json"),
            """{"FileName": "huge.png", "Annotations": [{"classname": "face_no_mask", "BoundingBox": [10, 10, 60, 60]}]}""");
        return root;
    }

    [Test]
    public void Convert_prints_absolute_paths_and_a_summary_line_and_exits_1_for_the_skipped_image()
    {
        var dataset = JsonDatasetWithHugeImage();
        var (code, stdout, stderr) = CliProcessTests.Dsnet(_tmp, TimeSpan.FromSeconds(120),
            "dataset", "convert", "--medical-json", dataset, "--out", "converted", "--width", "160", "--height", "92");

        var output = Path.Combine(_tmp, "converted");
        Assert.That(code, Is.EqualTo(1), stdout + stderr);
        var written = int.Parse(Regex.Match(stdout, @"wrote (\d+) images to ").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(written, Is.Positive);
        Assert.That(stdout, Does.Contain($"wrote {written} images to {output}/images")
            .And.Contain($"wrote {written} KITTI label files to {output}/labels")
            .And.Contain($"{output}/dsnet-convert-manifest.txt"));
        Assert.That(stdout, Does.Contain("huge.png").And.Contain("megapixels"));
        Assert.That(Directory.GetFiles(Path.Combine(output, "images")), Has.Length.EqualTo(written));
        Assert.That(stderr, Does.Match($@"dataset convert: reading 11/11, writing {written}/{written} images in \d+\.\d s \(\d+\.\d images/s\)"));
        Assert.That(stderr, Does.Contain("1 input problem(s)").And.Contain("(exit 1)"));
        Assert.That(stderr, Does.Not.Contain("\u001b["), "no terminal escapes in a redirected stream");
    }

    [Test]
    public void Visualize_skips_the_huge_image_writes_the_rest_and_exits_1()
    {
        var images = Directory.CreateDirectory(Path.Combine(_tmp, "images")).FullName;
        File.Copy(Fixture("mafa", "images", "test_00000001.jpg"), Path.Combine(images, "a.jpg"));
        File.Move(HugePng(), Path.Combine(images, "huge.png"));
        Directory.CreateDirectory(Path.Combine(_tmp, "labels"));

        var (code, stdout, stderr) = CliProcessTests.Dsnet(_tmp, TimeSpan.FromSeconds(60), "visualize", "--images", "images", "--labels", "labels", "--out", "drawn");

        Assert.That(code, Is.EqualTo(1), stdout + stderr);
        Assert.That(stdout, Does.Contain($"wrote 1 images to {Path.Combine(_tmp, "drawn")} "));
        Assert.That(stdout, Does.Contain("huge.png").And.Contain("25000x25000"));
        Assert.That(File.Exists(Path.Combine(_tmp, "drawn", "a.png")), Is.True);
        Assert.That(stderr, Does.Match(@"visualize: drawing 2/2 images in \d+\.\d s"));
    }

    [Test]
    public void Visualize_on_a_terminal_draws_live_progress_and_no_summary_line()
    {
        var images = Directory.CreateDirectory(Path.Combine(_tmp, "images")).FullName;
        File.Copy(Fixture("mafa", "images", "test_00000001.jpg"), Path.Combine(images, "a.jpg"));
        File.Copy(Fixture("mafa", "images", "test_00000002.jpg"), Path.Combine(images, "b.jpg"));
        Directory.CreateDirectory(Path.Combine(_tmp, "labels"));
        var dll = Path.Combine(AppContext.BaseDirectory, "dsnet.dll");

        // util-linux script(1) runs the command on a pseudo-terminal: stdout and stderr are a terminal, as for a user.
        var psi = new ProcessStartInfo("script") { WorkingDirectory = _tmp, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-q", "-e", "-c", $"dotnet '{dll}' visualize --images images --labels labels --out drawn", "/dev/null" })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["TERM"] = "xterm-256color";
        psi.Environment["COLUMNS"] = "120";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        Assert.That(p.WaitForExit(60_000), Is.True, "dsnet visualize under script did not finish");
        var text = stdout.Result;

        Assert.That(p.ExitCode, Is.Zero, text);
        Assert.That(text, Does.Contain("drawing").And.Contain("2/2").And.Contain("images/s"), "the live display: stage, done/total, rate");
        Assert.That(text, Does.Contain("\u001b["), "drawn with terminal control sequences");
        Assert.That(text, Does.Not.Contain("visualize: drawing 2/2"), "no plain summary line on a terminal");
        Assert.That(text, Does.Contain($"wrote 2 images to {Path.Combine(_tmp, "drawn")}"));
    }

    [Test]
    public void Evaluate_refuses_nonsense_iou_and_a_file_for_a_folder_and_exits_1_for_a_skipped_label_file()
    {
        var gt = Directory.CreateDirectory(Path.Combine(_tmp, "gt")).FullName;
        var pred = Directory.CreateDirectory(Path.Combine(_tmp, "pred")).FullName;
        File.WriteAllText(Path.Combine(gt, "a.txt"), "mask 0 0 0 10 10 50 50 0 0 0 0 0 0 0\n");
        File.WriteAllText(Path.Combine(pred, "a.txt"), "mask 0 0 0 10 10 50 50 0 0 0 0 0 0 0 0.9\n");

        var nan = CliProcessTests.Dsnet(_tmp, TimeSpan.FromSeconds(60), "evaluate", "--pred", pred, "--gt", gt, "--iou", "NaN");
        Assert.That(nan.Code, Is.EqualTo(2), nan.Err);
        Assert.That(nan.Err, Does.Contain("IoU threshold NaN must be a number in (0, 1]"));
        var two = CliProcessTests.Dsnet(_tmp, TimeSpan.FromSeconds(60), "evaluate", "--pred", pred, "--gt", gt, "--iou", "2");
        Assert.That(two.Code, Is.EqualTo(2), two.Err);
        var file = CliProcessTests.Dsnet(_tmp, TimeSpan.FromSeconds(60), "evaluate", "--pred", Path.Combine(pred, "a.txt"), "--gt", gt);
        Assert.That(file.Code, Is.EqualTo(2), file.Err);
        Assert.That(file.Err, Does.Contain("is a file"));

        var clean = CliProcessTests.Dsnet(_tmp, TimeSpan.FromSeconds(60), "evaluate", "--pred", pred, "--gt", gt);
        Assert.That(clean.Code, Is.Zero, clean.Out + clean.Err);
        File.WriteAllText(Path.Combine(gt, "b.txt"), "mask 1 2\n");
        var skipped = CliProcessTests.Dsnet(_tmp, TimeSpan.FromSeconds(60), "evaluate", "--pred", pred, "--gt", gt);
        Assert.That(skipped.Code, Is.EqualTo(1), skipped.Out + skipped.Err);
        Assert.That(skipped.Out, Does.Contain("b.txt:1"));
        Assert.That(skipped.Err, Does.Contain("1 file(s) or line(s) skipped"));
    }

    [Test]
    public void Infer_images_skips_a_25000_pixel_png_before_decoding_writes_the_rest_and_exits_1()
    {
        var images = Directory.CreateDirectory(Path.Combine(_tmp, "images")).FullName;
        File.Copy(ProbeTestEnv.FaceImage, Path.Combine(images, "face.png"));
        File.Move(HugePng(), Path.Combine(images, "huge.png"));
        var config = Path.Combine(ProbeTestEnv.PortableConfigDir, "deepstream_app_file_masknet.txt");

        var (code, stdout, stderr) = CliProcessTests.Dsnet(_tmp, TimeSpan.FromSeconds(180), "infer-images", "--config", config, "--images", "images", "--out", "kitti");

        Assert.That(code, Is.EqualTo(1), stdout + stderr);
        Assert.That(stderr, Does.Contain("huge.png").And.Contain("25000x25000").And.Contain("not decoded"));
        Assert.That(stdout, Does.Contain($"wrote 1 KITTI files to {Path.Combine(_tmp, "kitti")}"));
        Assert.That(File.ReadAllLines(Path.Combine(_tmp, "kitti", "face.txt")), Is.Not.Empty);
        Assert.That(stderr, Does.Match(@"infer-images: images 2/2 images in \d+\.\d s"));
        Assert.That(stderr, Does.Contain("1 image(s) skipped"));
    }
}
