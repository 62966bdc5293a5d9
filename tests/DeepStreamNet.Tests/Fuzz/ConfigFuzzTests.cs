using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using DeepStreamNet.Config;
using DeepStreamNet.Pipeline;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Fuzz;

/// <summary>
/// Issue 18 item 5, the config mutation fuzzer: mutants of every real deepstream-app config and the files it names go
/// through <c>validate</c> and <c>describe</c> on both backends, in-process (the commands' own entry points), and a
/// sample through the real <c>dsnet</c> process. A located error is a good result; an exception, a hang (per-run
/// limit) or an obviously broken value judged valid fails. Seeds are fixed: the same checkout runs the same mutants.
/// <c>DSNET_FUZZ_MUTANTS</c> sets the mutants per target (default <see cref="DefaultMutantsPerTarget"/>) and
/// <c>DSNET_FUZZ_SEED</c> the seed, for longer runs by hand.
/// </summary>
[TestFixture]
[Category("Fuzz")]
[NonParallelizable]
public sealed class ConfigFuzzTests
{
    private const int DefaultMutantsPerTarget = 12;
    private const int DefaultSeed = 18;
    private static readonly PipelineBackend[] Backends = [PipelineBackend.Portable, PipelineBackend.DeepStream];
    private static readonly TimeSpan PerRun = TimeSpan.FromSeconds(20);
    private static readonly long MaxWorkingSet = 3L << 30;

    private ConfigCorpus _corpus = null!;

    private static int MutantsPerTarget => int.TryParse(Environment.GetEnvironmentVariable("DSNET_FUZZ_MUTANTS"), out var n) && n > 0 ? n : DefaultMutantsPerTarget;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("DSNET_FUZZ_SEED"), out var n) ? n : DefaultSeed;

    [OneTimeSetUp]
    public void CreateCorpus() => _corpus = ConfigCorpus.Create(TestPaths.RepositoryRoot);

    [OneTimeTearDown]
    public void RemoveCorpus() => _corpus.Dispose();

    [Test]
    public void Corpus_HoldsEveryShippedConfigAndTheFilesItNames()
    {
        var apps = _corpus.Targets.Select(t => t.AppName).Distinct().ToList();
        Assert.That(apps, Has.Some.EqualTo("configs/face-mask/portable/deepstream_app_file_masknet.txt"));
        Assert.That(apps, Has.Some.EqualTo("samples/FaceMaskAlerts/facemask_alerts_app.txt"));
        Assert.That(apps, Has.Some.EqualTo("configs/face-mask/deepstream/deepstream_app_file_masknet.txt"));
        var files = _corpus.Targets.Select(t => t.FileName).ToList();
        Assert.That(files, Has.Some.EqualTo("configs/face-mask/portable/config_infer_primary_ultraface.txt"), "nvinfer file");
        Assert.That(files, Has.Some.EqualTo("configs/face-mask/portable/config_tracker_IOU.yml"), "tracker file");
        Assert.That(files, Has.Some.EqualTo("configs/face-mask/portable/labels_masknet.txt"), "label file");
        Assert.That(files, Has.Some.EqualTo("configs/face-mask/portable/msgconv_facemask.txt"), "msgconv file");
        Assert.That(files, Has.Some.EqualTo("configs/face-mask/portable/config_preprocess_tiles.txt"), "preprocess file");
    }

    /// <summary>Every target's mutants, both backends, validate + describe in-process.</summary>
    [Test]
    public void Mutants_AreJudgedCleanly_InProcess()
    {
        var perTarget = MutantsPerTarget;
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        int total = 0, runs = 0;
        for (var t = 0; t < _corpus.Targets.Count; t++)
        {
            var target = _corpus.Targets[t];
            var original = File.ReadAllBytes(target.File);
            var read = IsRead(target, original);
            var random = new Random(Seed * 7919 + t);
            int valid = 0, invalid = 0;
            try
            {
                for (var i = 0; i < perTarget; i++)
                {
                    var mutant = ConfigMutator.Mutate(original, random, _corpus.Hostile);
                    File.WriteAllBytes(target.File, mutant.Bytes);
                    foreach (var backend in Backends)
                    {
                        var verdict = ConfigVerdict.Of(target.App, backend, PerRun, Unblock);
                        runs += 2;
                        if (Problem(target, mutant, verdict, read) is { } problem)
                        {
                            failures.Add($"{target.Name} #{i} [{backend}] {mutant.Description}: {problem}");
                        }

                        // An unbounded read shows as memory: stop before the machine runs out.
                        if (Environment.WorkingSet > MaxWorkingSet)
                        {
                            Assert.Fail($"{target.Name} #{i} [{backend}] {mutant.Description}: the process grew to {Environment.WorkingSet >> 20} MiB\n{string.Join("\n", failures)}");
                        }

                        if (verdict.Valid)
                        {
                            valid++;
                        }
                        else
                        {
                            invalid++;
                        }
                    }
                }
            }
            finally
            {
                File.WriteAllBytes(target.File, original);
            }

            total += perTarget;
            var line = $"{target.Name}: {perTarget} mutants x {Backends.Length} backends ({valid} valid, {invalid} invalid)";
            TestContext.Out.WriteLine(line);
            TestContext.Progress.WriteLine(line);
        }

        TestContext.Out.WriteLine($"config fuzz: seed {Seed}, {_corpus.Targets.Count} targets, {total} mutants, {runs} validate/describe runs, {failures.Count} failure(s) in {clock.Elapsed.TotalSeconds:F0} s");
        Assert.That(failures, Is.Empty, string.Join("\n", failures.Take(40)));
    }

    /// <summary>A sample of mutants through the real <c>dsnet</c> process: exit codes 0/1/2 only, no unhandled exception,
    /// a bounded time, and the in-process verdict.</summary>
    [Test]
    public void Mutants_ThroughTheRealProcess_ExitWithAVerdict()
    {
        var random = new Random(Seed);
        var failures = new List<string>();
        const int Samples = 6;
        for (var i = 0; i < Samples; i++)
        {
            var target = _corpus.Targets[random.Next(_corpus.Targets.Count)];
            var original = File.ReadAllBytes(target.File);
            var mutant = ConfigMutator.Mutate(original, random, _corpus.Hostile);
            try
            {
                File.WriteAllBytes(target.File, mutant.Bytes);
                var inProcess = ConfigVerdict.Of(target.App, PipelineBackend.Portable, PerRun, Unblock);
                foreach (var command in new[] { "validate", "describe" })
                {
                    var clock = Stopwatch.StartNew();
                    var (code, stdout, stderr) = Runner.CliProcessTests.Dsnet(_corpus.Root, TimeSpan.FromSeconds(60), command, target.App, "--backend", "portable");
                    var what = $"dsnet {command} {target.Name} ({mutant.Description})";
                    if (code is not (0 or 1 or 2) || stderr.Contains("Unhandled exception", StringComparison.Ordinal))
                    {
                        failures.Add($"{what}: exit code {code}\n{stderr}");
                    }
                    else if (inProcess.Clean && (code == 0) != inProcess.Valid)
                    {
                        failures.Add($"{what}: exit code {code} but in-process verdict {inProcess.Summary}\n{stdout}");
                    }

                    TestContext.Out.WriteLine($"{what}: exit {code} in {clock.Elapsed.TotalSeconds:F1} s");
                }
            }
            finally
            {
                File.WriteAllBytes(target.File, original);
            }
        }

        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }

    /// <summary>Whether the target file is read at all when its app config is checked: an unmutated valid config that
    /// turns invalid once the file is garbage reads it (a file named only by a disabled group is not).</summary>
    private static bool IsRead(FuzzTarget target, byte[] original)
    {
        if (target.File == target.App)
        {
            return true;
        }

        if (!ConfigVerdict.Of(target.App, PipelineBackend.Portable, PerRun).Valid)
        {
            return false;
        }

        try
        {
            File.WriteAllBytes(target.File, [0xFF, 0x00, (byte)'[', 0xFE]);
            return !ConfigVerdict.Of(target.App, PipelineBackend.Portable, PerRun).Valid;
        }
        finally
        {
            File.WriteAllBytes(target.File, original);
        }
    }

    private static string? Problem(FuzzTarget target, Mutant mutant, ConfigVerdict verdict, bool read)
    {
        if (!verdict.Clean)
        {
            return verdict.Crash is { } ex ? $"{verdict.Summary}\n{ex.StackTrace}" : verdict.Summary;
        }

        if (verdict.Issues.FirstOrDefault(i => string.IsNullOrEmpty(i.File) || i.Line < 0) is { } unlocated)
        {
            return $"issue without a file or with a negative line: {unlocated}";
        }

        if (verdict.Valid && read && MustBeInvalid(target, mutant))
        {
            return $"judged valid although {mutant.Key} in [{mutant.Group}] is broken";
        }

        return null;
    }

    /// <summary>Whether the mutant is obviously broken in a place the reader looks: a file key of an enabled group that
    /// names an unreadable file, or a non-integer in a key read as a 32-bit integer or boolean.</summary>
    private static bool MustBeInvalid(FuzzTarget target, Mutant mutant)
    {
        if (mutant.Key is null || mutant.Group is null)
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(mutant.Bytes);
        var app = target.File == target.App;
        return mutant.Expect switch
        {
            Expectation.BrokenFile => !app || GroupEnabled(text, mutant.Group),
            Expectation.BrokenInteger => IntegerKey(app, mutant.Group, mutant.Key) && SingleAssignment(text, mutant.Group, mutant.Key)
                && (!app || !SkippedWhenDisabled(mutant.Group) || GroupEnabled(text, mutant.Group)),
            _ => false,
        };
    }

    /// <summary>deepstream-app reads <c>enable</c> of a source, sink, secondary GIE/pre-process or message consumer first
    /// and skips a disabled group without reading its other keys (AppConfigLoader does the same), so a broken value
    /// there is no error.</summary>
    private static bool SkippedWhenDisabled(string group) =>
        ConfigSchema.Classify(group) is GroupKind.Source or GroupKind.Sink or GroupKind.SecondaryGie or GroupKind.SecondaryPreProcess or GroupKind.MessageConsumer;

    private static bool IntegerKey(bool app, string group, string key)
    {
        var spec = app ? ConfigSchema.KeysOf(ConfigSchema.Classify(group)).FirstOrDefault(k => k.Name == key)
            : group == "property" ? NvInferSchema.FindProperty(key)
            : group.StartsWith("class-attrs-", StringComparison.Ordinal) ? NvInferSchema.FindClassAttr(key)
            : null;
        return spec is { NotIn63: null, Type: KeyType.Int or KeyType.IntBool or KeyType.Bool };
    }

    /// <summary>The group exists once, is not switched off, and the key is set once in it (a duplicate group or key
    /// could hide the mutated line behind another).</summary>
    private static bool GroupEnabled(string text, string group)
    {
        var body = GroupBody(text, group);
        return body is not null && !Regex.IsMatch(body, @"^\s*enable\s*=\s*0\s*$", RegexOptions.Multiline);
    }

    private static bool SingleAssignment(string text, string group, string key) =>
        GroupBody(text, group) is { } body && Regex.Count(body, $@"^\s*{Regex.Escape(key)}\s*=", RegexOptions.Multiline) == 1;

    private static string? GroupBody(string text, string group)
    {
        var headers = Regex.Matches(text, $@"^\[{Regex.Escape(group)}\][ \t]*\r?$", RegexOptions.Multiline);
        if (headers.Count != 1)
        {
            return null;
        }

        var start = headers[0].Index + headers[0].Length;
        var next = Regex.Match(text[start..], @"^\[", RegexOptions.Multiline);
        return next.Success ? text[start..(start + next.Index)] : text[start..];
    }

    /// <summary>Opens the FIFO for writing and closes it, so a reader blocked on it sees its end (on a thread of its
    /// own: with no reader the open itself would block).</summary>
    private void Unblock()
    {
        var fifo = _corpus.Hostile.Fifo;
        var thread = new Thread(() =>
        {
            try
            {
                using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            }
            catch (IOException)
            {
                // Removed meanwhile.
            }
        })
        {
            IsBackground = true,
        };
        thread.Start();
    }
}
