using System.Globalization;
using System.Text.RegularExpressions;
using DeepStreamNet.Tests.Runner;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Cli;

/// <summary>
/// <c>dsnet bench</c> as a real process on the face-mask config: a short run (1 and 2 streams, fakesink and OSD,
/// per-element times) prints the table with a row per stream count, positive frames/s, the two target ratios and the
/// element times of the real pipeline's elements. Shapes and sanity only — timings are the command's job, not a test's.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class BenchCommandTests
{
    private static readonly string Config = Path.Combine(TestPaths.RepositoryRoot, "configs", "face-mask", "portable", "deepstream_app_file_masknet.txt");

    [Test]
    public void A_short_bench_prints_the_table_ratios_and_element_times()
    {
        var work = Directory.CreateTempSubdirectory("dsnet-bench-test-").FullName;
        try
        {
            var (code, stdout, stderr) = CliProcessTests.Dsnet(work, TimeSpan.FromMinutes(10), "bench", Config,
                "--streams", "1,2", "--outputs", "fakesink,osd", "--seconds", "3", "--warmup", "1", "--bare-seconds", "1", "--no-int8", "--work-dir", work);
            Assert.That(code, Is.EqualTo(0), stdout + stderr);
            var rows = Regex.Matches(stdout, @"^\| FP32 \| (\d) \| ([0-9.]+) \| ([0-9.]+) \| ([0-9.]+) \| ([0-9.]+) \| ([0-9.]+) \|$", RegexOptions.Multiline);
            Assert.That(rows.Select(r => r.Groups[1].Value), Is.EqualTo(new[] { "1", "2" }), stdout);
            foreach (Match r in rows)
            {
                var v = Enumerable.Range(2, 5).Select(i => double.Parse(r.Groups[i].Value, CultureInfo.InvariantCulture)).ToArray();
                Assert.That(v[0..3], Is.All.Positive.And.All.LessThan(1000), r.Value);   // bare, fakesink, OSD frames/s
                Assert.That(v[3], Is.EqualTo(v[1] / v[0]).Within(0.01), "fakesink/bare");
            }

            Assert.That(rows[0].Groups[6].Value, Is.EqualTo("1.000"), "1 stream / 1 stream");
            Assert.That(stdout, Does.Match(@"FP32 pipeline\(fakesink\)/bare = [0-9.]+ \(target ≥ 0\.95: (met|NOT met)\)"));
            Assert.That(stdout, Does.Match(@"FP32 2 streams / 1 stream = [0-9.]+ \(target ≥ 0\.9: (met|NOT met)\)"));
            Assert.That(stdout, Does.Match(@"load average: [0-9.]+ [0-9.]+ [0-9.]+ at the start"));
            // the tracer run saw the inference element and the muxer, with a time for each stream count
            Assert.That(stdout, Does.Match(@"\| primary_gie \| [0-9.]+ \| [0-9.]+ \|"));
            Assert.That(stdout, Does.Match(@"\| src_bin_muxer \| [0-9.]+ \| [0-9.]+ \|"));
            // per-source elements are averaged under one name
            Assert.That(stdout, Does.Match(@"\| src_bin_\*_queue \| [0-9.]+ \| [0-9.]+ \|"));
            Assert.That(stdout, Does.Not.Contain("src_bin_1_queue"));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Test]
    public void Bad_options_exit_2_with_a_message()
    {
        var (code, _, stderr) = CliProcessTests.Dsnet(Path.GetTempPath(), TimeSpan.FromSeconds(60), "bench", Config, "--outputs", "screen");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("--outputs: 'screen' is not fakesink, osd or encode"));
    }
}
