using System.Globalization;
using System.Runtime.InteropServices;
using DeepStreamNet.Config;
using DeepStreamNet.Metadata;
using DeepStreamNet.Pipeline;
using DeepStreamNet.Probes;
using DeepStreamNet.GStreamer;
using DeepStreamNet.Runner;

namespace DeepStreamNet.Benchmarks;

/// <summary>
/// <c>soak</c>: the DESIGN budget "flat resident memory over a long run". Runs a deepstream-app config on the portable
/// backend in this process with <c>[tests] file-loop=1</c> (the sources never end; <c>--no-loop</c> plays them once, for
/// a soak on long non-looping clips) and a managed probe walking every object, samples the process's resident set every
/// <c>--sample-sec</c> seconds, and after the warm-up fits a line through the samples: prints the growth over the
/// measured span and the slope, and whether it stays inside the budget.
/// </summary>
internal static partial class MemorySoakBench
{
    /// <summary>glibc's <c>struct mallinfo2</c> (all arenas).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct MallInfo2
    {
        public nuint Arena, Ordblks, Smblks, Hblks, Hblkhd, Usmblks, Fsmblks, Uordblks, Fordblks, Keepcost;
    }

    [LibraryImport("libc", EntryPoint = "mallinfo2")]
    private static partial MallInfo2 MallInfo();

    public static int Run(string[] args)
    {
        var root = Environment.GetEnvironmentVariable("DSNET_ROOT") ?? Directory.GetCurrentDirectory();
        var config = BenchArgs.String(args, "--config", Path.Combine(root, "configs", "face-mask", "portable", "deepstream_app_multistream4_masknet.txt"));
        var seconds = BenchArgs.Int(args, "--seconds", 180);
        var warmup = BenchArgs.Int(args, "--warmup", Math.Max(20, seconds / 4));
        var budgetMb = BenchArgs.Double(args, "--budget-mb", 8);
        var trimSec = BenchArgs.Int(args, "--trim-sec", 30); // the runner's default; 0 shows glibc's retention untrimmed
        var sampleSec = Math.Max(1, BenchArgs.Int(args, "--sample-sec", 1));
        // The floor is the lowest sample of each window: 30 samples wide unless told.
        var floorWindow = BenchArgs.Int(args, "--floor-window-sec", 30 * sampleSec);
        var loop = !args.Contains("--no-loop");

        // Looping sources (unless --no-loop), a fake sink (no file growing on disk), everything else as the config says.
        var overrides = new List<string>();
        if (loop)
        {
            overrides.Add("tests.file-loop=1");
        }

        var loaded0 = AppConfigLoader.Load(config, []);
        if (loaded0.Config is null)
        {
            Console.Error.WriteLine(loaded0.Report.ToString());
            return 1;
        }

        foreach (var sink in loaded0.Config.Sinks)
        {
            overrides.Add($"{sink.Name}.type=1");
            overrides.Add($"{sink.Name}.sync=0");
        }

        overrides.AddRange(args.Where(a => a.StartsWith("--set=", StringComparison.Ordinal)).Select(a => a["--set=".Length..]));
        GstStartup.Initialize();
        var plan = PipelinePlan.Create(config, overrides, PipelineBackend.Portable, TargetPlatform.DGpu);
        if (!plan.IsValid)
        {
            Console.Error.WriteLine(plan.Report.ToString());
            return 1;
        }

        using var runner = new PipelineRunner(plan.Graph!) { PerfOutput = _ => { }, HeapTrimInterval = TimeSpan.FromSeconds(trimSec) };
        runner.Build();
        var walker = new ObjectWalker();
        using var probe = runner.AddProbe(ProbeAttachPoint.BeforeSinks, walker);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var run = runner.RunAsync(cts.Token);

        var samples = new List<(double T, double Mb)>();
        var nativeHeap = new List<(double T, double Mb)>();
        var managedHeap = new List<(double T, double Mb)>();
        var anon = new List<(double T, double Mb)>();
        var fileBacked = new List<(double T, double Mb)>();
        var gcCommitted = new List<(double T, double Mb)>();
        var start = DateTime.UtcNow;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"soak: {Path.GetFileName(config)} on the portable backend, {seconds} s (warm-up {warmup} s), sources {(loop ? "looping" : "played once")}, RSS sampled every {sampleSec} s, heap trim {(trimSec > 0 ? $"every {trimSec} s" : "off")}, MALLOC_ARENA_MAX={Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") ?? "unset"}"));
        // Samples stop when the stop is requested: tear-down frees memory and would bend the fitted line.
        var printed = 0;
        SmapsSnapshot? atWarmup = null;
        while (!run.IsCompleted && !cts.IsCancellationRequested)
        {
            Thread.Sleep(sampleSec * 1000);
            var t = (DateTime.UtcNow - start).TotalSeconds;
            if (cts.IsCancellationRequested)
            {
                break;
            }

            atWarmup ??= t >= warmup ? SmapsSnapshot.Take() : null;
            var (mb, anonMb, fileMb) = Resident();
            samples.Add((t, mb));
            anon.Add((t, anonMb));
            fileBacked.Add((t, fileMb));
            gcCommitted.Add((t, GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576.0));
            var mi = MallInfo();
            nativeHeap.Add((t, (mi.Uordblks + mi.Hblkhd) / 1048576.0));
            managedHeap.Add((t, GC.GetTotalMemory(false) / 1048576.0));
            var printEvery = Math.Max(30, sampleSec);
            if (t >= (printed + 1) * printEvery)
            {
                printed = (int)(t / printEvery);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  t={t,5:F0} s  RSS {mb,7:F1} MB  batches {walker.Batches,7}  objects {walker.Objects,8}  load {LoadAverage()}"));
            }
        }

        var framesAtStop = Interlocked.Read(ref walker.Frames);
        var atEnd = SmapsSnapshot.Take();

        var result = run.GetAwaiter().GetResult();
        if (result.Outcome != RunOutcome.Stopped)
        {
            Console.Error.WriteLine($"the pipeline ended early: {result.Outcome} {string.Join("; ", result.Errors)}" +
                                    (loop ? "" : " (with --no-loop the clips must last longer than --seconds at this frame rate)"));
            return 1;
        }

        var measured = samples.Where(s => s.T >= warmup).ToList();
        if (measured.Count < 10 || measured[^1].T - measured[0].T < 2 * floorWindow)
        {
            Console.Error.WriteLine("too few samples after the warm-up: run longer (--seconds)");
            return 1;
        }

        var slope = Slope(measured); // MB per second
        var span = measured[^1].T - measured[0].T;
        var growth = Math.Round(slope * span, 1) + 0.0; // + 0.0: no "-0.0"
        var fps = framesAtStop / samples[^1].T;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  frames {framesAtStop} ({fps:F1} fps), objects walked {walker.Objects} ({walker.NoMask} no-mask), probe faults {runner.ProbeFaults}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  RSS after warm-up {measured[0].Mb:F1} MB, at the end {measured[^1].Mb:F1} MB, max {measured.Max(s => s.Mb):F1} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  fitted growth over {span:F0} s: {growth:+0.0;-0.0} MB ({slope * 60:+0.00;-0.00} MB/min); end/warm-up ratio {measured[^1].Mb / measured[0].Mb:F3} " +
            $"(budget: growth <= {budgetMb} MB) {(growth <= budgetMb ? "OK" : "OVER")}"));
        // Where growth would come from: malloc'ed bytes in use (native: GStreamer, ONNX Runtime, the dsnet elements) and
        // the managed heap. RSS growth with flat in-use bytes is allocator fragmentation settling, not a leak.
        // Frames in flight (queues refill after every loop's flush, decoders hold a few, big frames are mmap'ed and
        // unmapped) swing RSS by several MB from one second to the next; a leak lifts the floor under that swing.
        var windows = measured.GroupBy(p => (int)((p.T - measured[0].T) / floorWindow)).Where(g => g.Count() * sampleSec >= floorWindow * 2 / 3).ToList();
        var floors = windows.Select(g => (T: g.Average(p => p.T), Mb: g.Min(p => p.Mb))).ToList();
        var floorGrowth = Math.Round(Slope(floors) * span, 1) + 0.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  RSS floor (lowest of each {floorWindow} s): {floors[0].Mb:F1} MB first, {floors[^1].Mb:F1} MB last, fitted growth {floorGrowth:+0.0;-0.0} MB " +
            $"(budget: <= {budgetMb} MB) {(floorGrowth <= budgetMb ? "OK" : "OVER")}; swing within {floorWindow} s: {windows.Average(g => g.Max(p => p.Mb) - g.Min(p => p.Mb)):F1} MB on average"));
        // RSS split: anonymous pages (heaps, arenas, stacks) and file-backed pages (library code touched for the first
        // time late in a run: bounded by the libraries' size).
        foreach (var (name, series) in new[]
                 {
                     ("RSS anonymous", anon), ("RSS file-backed", fileBacked), ("native heap in use (malloc)", nativeHeap),
                     ("managed heap", managedHeap), ("managed heap committed", gcCommitted),
                 })
        {
            var m = series.Where(s => s.T >= warmup).ToList();
            var g = Math.Round(Slope(m) * span, 1) + 0.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name}: {m[0].Mb:F1} MB after warm-up, {m[^1].Mb:F1} MB at the end, fitted growth {g:+0.0;-0.0} MB"));
        }

        if (atWarmup is not null)
        {
            Console.WriteLine("  resident growth by mapping since the warm-up (/proc/self/smaps):");
            foreach (var line in atEnd.GrowthSince(atWarmup, 8))
            {
                Console.WriteLine("    " + line);
            }
        }

        return 0;
    }

    /// <summary>The 1-minute load average (other work on the machine slows the run, not its memory).</summary>
    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>Least-squares slope of MB over seconds.</summary>
    private static double Slope(List<(double T, double Mb)> s)
    {
        var mt = s.Average(p => p.T);
        var mm = s.Average(p => p.Mb);
        var num = s.Sum(p => (p.T - mt) * (p.Mb - mm));
        var den = s.Sum(p => (p.T - mt) * (p.T - mt));
        return den == 0 ? 0 : num / den;
    }

    /// <summary>VmRSS of this process from /proc (what the kernel counts as resident, native and managed together),
    /// and its anonymous and file-backed parts.</summary>
    private static (double Total, double Anonymous, double FileBacked) Resident()
    {
        double total = 0, anonymous = 0, file = 0;
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            static double Mb(string l) => double.Parse(l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                total = Mb(line);
            }
            else if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
            {
                anonymous = Mb(line);
            }
            else if (line.StartsWith("RssFile:", StringComparison.Ordinal))
            {
                file = Mb(line);
            }
        }

        return total > 0 ? (total, anonymous, file) : throw new InvalidOperationException("no VmRSS in /proc/self/status");
    }

    /// <summary>What a business-logic probe does: reads every object of every frame.</summary>
    private sealed class ObjectWalker : IBatchProbe
    {
        public long Batches;
        public long Frames;
        public long Objects;
        public long NoMask;

        public void OnBatch(ref BatchMeta batch, in ProbeContext context)
        {
            Batches++;
            foreach (var frame in batch.Frames)
            {
                Frames++;
                foreach (var obj in frame.Objects)
                {
                    Objects++;
                    NoMask += obj.LabelEquals("no-mask"u8) ? 1 : 0;
                }
            }
        }
    }
}
