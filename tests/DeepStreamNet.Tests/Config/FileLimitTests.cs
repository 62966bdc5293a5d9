using System.Diagnostics;
using DeepStreamNet.Config;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Config;

/// <summary>Every file the config layer reads or hands on must be a regular file (and text files at most
/// <see cref="FileLimits.MaxTextBytes"/>): devices, FIFOs and directories are located errors, never a hang.</summary>
[CancelAfter(60_000)]
public sealed class FileLimitTests
{
    internal static string MakeFifo(TempConfigDir dir, string name = "fifo")
    {
        var path = Path.Combine(dir.Path, name);
        using var p = Process.Start(new ProcessStartInfo("mkfifo", path) { UseShellExecute = false })!;
        p.WaitForExit();
        Assert.That(p.ExitCode, Is.Zero, "mkfifo");
        return path;
    }

    [Test]
    public void A_device_fifo_or_directory_as_the_config_file_is_refused_without_reading_it()
    {
        using var dir = new TempConfigDir();
        var fifo = MakeFifo(dir);
        Assert.Multiple(() =>
        {
            Assert.That(AppConfigLoader.Load("/dev/zero").Report.Errors.Single().Message, Does.StartWith("config file: not a regular file"));
            Assert.That(AppConfigLoader.Load(fifo).Report.Errors.Single().Message, Does.StartWith("config file: not a regular file"));
            Assert.That(AppConfigLoader.Load(dir.Path).Report.Errors.Single().Message, Is.EqualTo("config file: a directory, not a file"));
        });
    }

    [Test]
    public void An_oversized_config_file_is_refused()
    {
        using var dir = new TempConfigDir();
        var big = dir.Write("big.txt", "[application]\n" + new string('#', (int)FileLimits.MaxTextBytes) + "\n");
        var e = AppConfigLoader.Load(big).Report.Errors.Single();
        Assert.That(e.Message, Does.Contain($"more than the {FileLimits.MaxTextBytes} bytes allowed"));
        Assert.That(() => KeyFile.Load(big), Throws.TypeOf<KeyFileException>().With.Message.Contains("cannot read file"));
    }

    [Test]
    public void Labels_nvinfer_and_tracker_files_must_be_regular_files()
    {
        using var dir = new TempConfigDir();
        var fifo = MakeFifo(dir);
        dir.WriteInfer("infer.txt", "labelfile-path=/dev/zero\n");
        var app = dir.WriteApp(extra: $"[primary-gie]\nlabelfile-path={fifo}\n[tracker]\nenable=1\ntracker-width=640\ntracker-height=384\nll-config-file=/dev/zero\n[secondary-gie0]\nenable=1\ngie-unique-id=2\nconfig-file=/dev/zero\n");
        dir.WriteInfer("infer.txt", "labelfile-path=/dev/zero\n");
        var r = AppConfigLoader.Load(app, null, ValidationTarget.Portable).Report;
        Assert.Multiple(() =>
        {
            Assert.That(r.Errors.Select(e => (e.Group, e.Key)), Is.EquivalentTo(new[]
            {
                ("primary-gie", (string?)"labelfile-path"), ("property", "labelfile-path"), ("tracker", "ll-config-file"), ("secondary-gie0", "config-file"),
            }), r.ToString());
            Assert.That(r.Errors.All(e => e.Message.StartsWith("not a regular file", StringComparison.Ordinal) && e.Line > 0), Is.True, r.ToString());
        });
    }

    [Test]
    public void An_oversized_label_file_is_an_error_and_a_missing_one_still_says_not_found()
    {
        using var dir = new TempConfigDir();
        dir.Write("labels.txt", new string('x', (int)FileLimits.MaxTextBytes + 1));
        var r = AppConfigLoader.Load(dir.WriteApp(extra: "[primary-gie]\nlabelfile-path=labels.txt\n")).Report;
        var missing = AppConfigLoader.Load(dir.WriteApp(extra: "[primary-gie]\nlabelfile-path=none.txt\n")).Report;
        Assert.Multiple(() =>
        {
            Assert.That(r.Errors.Single().Message, Does.StartWith($"file is {FileLimits.MaxTextBytes + 1} bytes"));
            Assert.That(missing.Errors.Single().Message, Is.EqualTo($"file not found: {dir.Path}/none.txt"));
            Assert.That(() => LabelFile.Read("/dev/zero"), Throws.TypeOf<IOException>());
        });
    }
}
