using System.Globalization;
using System.Text.RegularExpressions;
using DeepStreamNet.Tests.Runner;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Cli;

/// <summary>
/// <c>dsnet bench</c> as a real process on the face-mask config: a short run (1 and 2 streams, fakesink and OSD,
/// per-element times) prints the table with a row per stream count, positive frames/s, the two target ratios and the
/// element times of the real pipeline's elements, and the bound from the inference-off run (inference costs CPU, so that
/// run is faster and cheaper per frame; the bound follows from the printed figures). Shapes and sanity only — timings
/// are the command's job, not a test's.
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
            AssertBound(stdout, bare: double.Parse(rows[0].Groups[2].Value, CultureInfo.InvariantCulture));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The inference-off run disabled the config's inference groups; its figures and the bound add up.</summary>
    private static void AssertBound(string stdout, double bare)
    {
        var inv = CultureInfo.InvariantCulture;
        var off = Regex.Match(stdout, @"^\| inference off \(primary-gie, tracker disabled\) \| ([0-9.]+) \| ([0-9.]+) \|$", RegexOptions.Multiline);
        var on = Regex.Match(stdout, @"^\| FP32 \| ([0-9.]+) \| ([0-9.]+) \|$", RegexOptions.Multiline);
        Assert.That(off.Success && on.Success, stdout);
        var (offFps, offCpu) = (double.Parse(off.Groups[1].Value, inv), double.Parse(off.Groups[2].Value, inv));
        var (onFps, onCpu) = (double.Parse(on.Groups[1].Value, inv), double.Parse(on.Groups[2].Value, inv));
        Assert.That(offCpu, Is.Positive.And.LessThan(onCpu), "inference costs CPU");
        Assert.That(offFps, Is.GreaterThan(onFps), "without inference the pipeline runs faster");
        var bound = Regex.Match(stdout, @"^FP32 bound: .* = ([0-9.]+) frames/s = ([0-9.]+) × bare; this pipeline\(fakesink\)/bound = ([0-9.]+);", RegexOptions.Multiline);
        Assert.That(bound.Success, stdout);
        var fps = double.Parse(bound.Groups[1].Value, inv);
        Assert.That(fps, Is.EqualTo(1 / ((1 / bare) + (offCpu / 1000 / Environment.ProcessorCount))).Within(1).Percent);
        Assert.That(double.Parse(bound.Groups[2].Value, inv), Is.GreaterThan(0).And.LessThan(1));
        Assert.That(double.Parse(bound.Groups[3].Value, inv), Is.EqualTo(onFps / fps).Within(0.01));
    }

    [Test]
    public void Bad_options_exit_2_with_a_message()
    {
        var (code, _, stderr) = CliProcessTests.Dsnet(Path.GetTempPath(), TimeSpan.FromSeconds(60), "bench", Config, "--outputs", "screen");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("--outputs: 'screen' is not fakesink, osd or encode"));
    }
}
