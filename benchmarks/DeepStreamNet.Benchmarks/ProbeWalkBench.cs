using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using DeepStreamNet.Interop;
using DeepStreamNet.Metadata;

namespace DeepStreamNet.Benchmarks;

/// <summary>
/// <c>probe-walk</c>: a managed probe walking every object of a batch (the <see cref="BatchMeta"/> views) against the
/// same walk in C (build/native/lib/libdsnet_bench_walk.so, native/bench/bench_walk.c), on one real NvDsBatchMeta made
/// by libdsnet_meta.so. Prints ns per batch for both, the ratio (budget ≤ 1.5) and managed bytes allocated per batch (budget 0).
/// </summary>
internal static unsafe partial class ProbeWalkBench
{
    private const string BenchLib = "dsnet_bench_walk";

    [LibraryImport(BenchLib)]
    private static partial double dsnet_bench_walk_repeat(NvDsBatchMeta* batch, int iterations);

    public static int Run(string[] args)
    {
        var frames = BenchArgs.Int(args, "--frames", 4);
        var objects = BenchArgs.Int(args, "--objects", 50);
        var iterations = BenchArgs.Int(args, "--iterations", 20000);
        NativeLibrary.SetDllImportResolver(typeof(ProbeWalkBench).Assembly, Resolve);

        var batch = MakeBatch(frames, objects);
        try
        {
            // Warm-up: tier the managed walk up (tiered PGO) and fault the C code in.
            for (var i = 0; i < 5; i++)
            {
                ManagedRepeat(batch, iterations / 4);
                dsnet_bench_walk_repeat(batch, iterations / 4);
                Thread.Sleep(50);
            }

            double bestManaged = double.MaxValue, bestNative = double.MaxValue;
            long allocated = 0;
            double check1 = 0, check2 = 0;
            for (var round = 0; round < 7; round++)
            {
                var a0 = GC.GetAllocatedBytesForCurrentThread();
                var t0 = Stopwatch.GetTimestamp();
                check1 = ManagedRepeat(batch, iterations);
                var managed = Stopwatch.GetElapsedTime(t0).TotalNanoseconds / iterations;
                allocated = GC.GetAllocatedBytesForCurrentThread() - a0;
                t0 = Stopwatch.GetTimestamp();
                check2 = dsnet_bench_walk_repeat(batch, iterations);
                var native = Stopwatch.GetElapsedTime(t0).TotalNanoseconds / iterations;
                bestManaged = Math.Min(bestManaged, managed);
                bestNative = Math.Min(bestNative, native);
            }

            if (Math.Abs(check1 - check2) > 1e-6 * Math.Abs(check2))
            {
                Console.Error.WriteLine($"walks disagree: managed {check1} vs C {check2}");
                return 1;
            }

            var ratio = bestManaged / bestNative;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"probe-walk: {frames} frames x {objects} objects, best of 7 rounds x {iterations} batches"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  managed walk: {bestManaged:F1} ns/batch"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  C walk:       {bestNative:F1} ns/batch"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ratio managed/C: {ratio:F2} (budget <= 1.5) {(ratio <= 1.5 ? "OK" : "OVER")}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  managed bytes allocated per batch: {(double)allocated / iterations:F3} (budget 0) {(allocated == 0 ? "OK" : "OVER")}"));
            return 0;
        }
        finally
        {
            NvDs.nvds_destroy_batch_meta(batch);
        }
    }

    /// <summary>The walk a probe does: what bench_walk.c does, through the views.</summary>
    private static double Walk(ref BatchMeta batch)
    {
        double sum = 0;
        var noMask = 0;
        foreach (var frame in batch.Frames)
        {
            sum += frame.SourceId + frame.FrameNumber;
            foreach (var obj in frame.Objects)
            {
                var r = obj.Rect;
                sum += obj.ClassId + obj.Confidence + r.Left + r.Top + r.Width + r.Height;
                if (obj.TrackerId is { } id)
                {
                    sum += id;
                }

                noMask += obj.LabelEquals("no-mask"u8) ? 1 : 0;
            }
        }

        return sum + noMask;
    }

    private static double ManagedRepeat(NvDsBatchMeta* p, int iterations)
    {
        double sum = 0;
        for (var i = 0; i < iterations; i++)
        {
            var batch = new BatchMeta(p);
            sum += Walk(ref batch);
        }

        return sum;
    }

    private static NvDsBatchMeta* MakeBatch(int frames, int objects)
    {
        var batch = NvDs.nvds_create_batch_meta((uint)frames);
        var rng = new Random(7);
        for (var f = 0; f < frames; f++)
        {
            var frame = NvDs.nvds_acquire_frame_meta_from_pool(batch);
            frame->source_id = (uint)f;
            frame->pad_index = (uint)f;
            frame->batch_id = (uint)f;
            frame->frame_num = 100 + f;
            NvDs.nvds_add_frame_meta_to_batch(batch, frame);
            for (var o = 0; o < objects; o++)
            {
                var obj = NvDs.nvds_acquire_obj_meta_from_pool(batch);
                obj->class_id = o % 2;
                obj->confidence = (float)rng.NextDouble();
                obj->rect_params.left = rng.Next(0, 1000);
                obj->rect_params.top = rng.Next(0, 600);
                obj->rect_params.width = rng.Next(10, 200);
                obj->rect_params.height = rng.Next(10, 200);
                obj->object_id = o % 3 == 0 ? NvDs.UNTRACKED_OBJECT_ID : (ulong)o;
                var label = o % 2 == 0 ? "mask\0"u8 : "no-mask\0"u8;
                label.CopyTo(new Span<byte>(obj->obj_label, NvDs.MAX_LABEL_SIZE));
                NvDs.nvds_add_obj_meta_to_frame(frame, obj, null);
            }
        }

        return batch;
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != BenchLib)
        {
            return 0;
        }

        var dirs = new List<string>();
        if (Environment.GetEnvironmentVariable("DSNET_NATIVE_DIR") is { Length: > 0 } env)
        {
            dirs.Add(env);
        }

        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            dirs.Add(Path.Combine(d.FullName, "build", "native", "lib"));
        }

        foreach (var dir in dirs)
        {
            var file = Path.Combine(dir, "libdsnet_bench_walk.so");
            if (File.Exists(file))
            {
                return NativeLibrary.Load(file);
            }
        }

        throw new DllNotFoundException("libdsnet_bench_walk.so not found (build it: cmake --build build/native --target dsnet_bench_walk); tried " + string.Join(", ", dirs));
    }
}
