using System.Diagnostics;
using DeepStreamNet.InferImages;
using DeepStreamNet.Interop;
using DeepStreamNet.Metadata;
using DeepStreamNet.Probes;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Probes;

/// <summary>The native → managed boundary: faults, GC pressure, add/remove while playing, user meta copy/release, allocations.</summary>
[TestFixture]
public sealed unsafe class ProbeBoundaryTests
{
    [OneTimeSetUp]
    public void Init() => ProbeTestEnv.Init();

    [Test]
    public void ThrowingProbeIsCountedLoggedAndTheRunContinues()
    {
        var logger = new ListLogger();
        var later = 0;
        using var pipeline = new LaunchedPipeline(ProbeTestEnv.TestSrcPipeline(20));
        using var bad = pipeline.AddProbe("m", "src", (ref BatchMeta batch, in ProbeContext ctx) =>
        {
            foreach (var f in batch.Frames)
            {
                if (f.FrameNumber % 2 == 1)
                {
                    throw new InvalidOperationException("odd frame " + f.FrameNumber);
                }
            }
        }, logger);
        using var good = pipeline.AddProbe("sink", "sink", (ref BatchMeta batch, in ProbeContext ctx) => later++);
        pipeline.RunToEnd(TimeSpan.FromSeconds(30));

        Assert.That(bad.Stats.Buffers, Is.EqualTo(20));
        Assert.That(bad.Stats.Faults, Is.EqualTo(10));
        Assert.That(later, Is.EqualTo(20), "every buffer passed on");
        Assert.That(bad.Stats.LastFault, Does.Contain("source 0 frame 19"));
        Assert.That(logger.Errors, Has.Count.EqualTo(10));
        Assert.That(logger.Errors[0], Does.Contain("source 0 frame 1").And.Contain("m.src"));
    }

    [Test]
    public void GarbageCollectionWhileProbesRunDoesNotCrash()
    {
        using var stop = new CancellationTokenSource();
        var collector = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        });
        collector.Start();
        long seen = 0;
        try
        {
            for (var round = 0; round < 3; round++)
            {
                using var pipeline = new LaunchedPipeline(ProbeTestEnv.TestSrcPipeline(150));
                // Lambdas with no other reference: only the GCHandle keeps them alive.
                var a = pipeline.AddProbe("m", "src", MakeAllocatingProbe());
                var b = pipeline.AddProbe("after", "src", (ref BatchMeta batch, in ProbeContext ctx) =>
                {
                    foreach (var f in batch.Frames)
                    {
                        f.AddUserMeta(new byte[64]);
                    }
                });
                pipeline.RunToEnd(TimeSpan.FromSeconds(60));
                seen += a.Stats.Buffers + b.Stats.Buffers;
                Assert.That(a.Stats.Faults + b.Stats.Faults, Is.Zero, a.Stats.LastFault ?? b.Stats.LastFault);
                a.Dispose();
                b.Dispose();
            }
        }
        finally
        {
            stop.Cancel();
            collector.Join();
        }

        Assert.That(seen, Is.EqualTo(3 * 2 * 150));
    }

    private static BatchProbe MakeAllocatingProbe() => (ref BatchMeta batch, in ProbeContext ctx) =>
    {
        var junk = new List<string>();
        foreach (var f in batch.Frames)
        {
            junk.Add(f.FrameNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        GC.KeepAlive(junk);
    };

    [Test]
    public void ProbesCanBeAddedAndRemovedWhilePlaying()
    {
        using var pipeline = new LaunchedPipeline(ProbeTestEnv.TestSrcPipeline(400, extra: "sync=true"));
        var total = 0;
        using var all = pipeline.AddProbe("sink", "sink", (ref BatchMeta batch, in ProbeContext ctx) => Interlocked.Increment(ref total));
        pipeline.SetState(GstState.GST_STATE_PLAYING);
        try
        {
            WaitUntil(() => Volatile.Read(ref total) >= 20);
            var count = 0;
            var late = pipeline.AddProbe("m", "src", (ref BatchMeta batch, in ProbeContext ctx) => Interlocked.Increment(ref count));
            Assert.That(late.IsAttached, Is.True);
            WaitUntil(() => Volatile.Read(ref count) >= 10);
            late.Dispose();
            Assert.That(late.IsAttached, Is.False);
            var atRemoval = Volatile.Read(ref count);
            var totalAtRemoval = Volatile.Read(ref total);
            WaitUntil(() => Volatile.Read(ref total) >= totalAtRemoval + 30);
            Assert.That(Volatile.Read(ref count), Is.InRange(atRemoval, atRemoval + 1), "no calls after removal (one may be in flight)");
            late.Dispose(); // idempotent
            pipeline.WaitForEnd(TimeSpan.FromSeconds(30));
        }
        finally
        {
            pipeline.SetState(GstState.GST_STATE_NULL);
        }

        Assert.That(total, Is.EqualTo(400));
    }

    [Test]
    public void ManagedUserMetaSurvivesBufferCopiesAndIsReleasedOncePerCopy()
    {
        var baseLive = ManagedUserMeta.LiveHandles;
        var baseReleased = ManagedUserMeta.ReleasedHandles;
        Payload.Clones = 0;
        var copiesSeen = new List<(int Frame, int Generation, bool Different)>();
        using (var pipeline = new LaunchedPipeline(ProbeTestEnv.TestSrcPipeline(5)))
        {
            using var add = pipeline.AddProbe("m", "src", (ref BatchMeta batch, in ProbeContext ctx) =>
            {
                foreach (var f in batch.Frames)
                {
                    f.AddUserMeta(new Payload(f.FrameNumber, 0), "DSNET.TEST_PAYLOAD");
                }

                batch.AddUserMeta("batch-level string payload");
            });
            using var copy = pipeline.AddProbe("after", "src", (ref BatchMeta batch, in ProbeContext ctx) =>
            {
                Payload? original = null;
                foreach (var f in batch.Frames)
                {
                    foreach (var um in f.UserMeta)
                    {
                        Assert.That(um.MetaType, Is.EqualTo(ManagedUserMeta.TypeFor("DSNET.TEST_PAYLOAD")));
                        original = um.GetPayload<Payload>();
                    }
                }

                // A deep copy of the buffer copies the batch meta: the user meta copy func runs.
                var dup = Gst.gst_buffer_copy_deep(ctx.Buffer);
                var copied = BatchMeta.FromBuffer(dup);
                foreach (var f in copied.Frames)
                {
                    foreach (var um in f.UserMeta)
                    {
                        var p = um.GetPayload<Payload>()!;
                        copiesSeen.Add((p.Frame, p.Generation, !ReferenceEquals(p, original)));
                    }
                }

                var batchPayloads = 0;
                foreach (var um in copied.UserMeta)
                {
                    batchPayloads += um.GetPayload<string>() == "batch-level string payload" ? 1 : 0;
                }

                Assert.That(batchPayloads, Is.EqualTo(1));
                Gst.gst_mini_object_unref((GstMiniObject*)dup);
            });
            pipeline.RunToEnd(TimeSpan.FromSeconds(30));
            Assert.That(add.Stats.Faults + copy.Stats.Faults, Is.Zero, add.Stats.LastFault ?? copy.Stats.LastFault);
        }

        Assert.That(copiesSeen, Is.EqualTo(Enumerable.Range(0, 5).Select(i => (i, 1, true))));
        Assert.That(Payload.Clones, Is.EqualTo(5));
        Assert.That(ManagedUserMeta.LiveHandles, Is.EqualTo(baseLive), "every handle released");
        // 5 frames x (frame payload + batch payload) x (original + copy).
        Assert.That(ManagedUserMeta.ReleasedHandles - baseReleased, Is.EqualTo(20));
    }

    [Test]
    public void WalkingEveryObjectAllocatesNothingInSteadyState()
    {
        var allocated = new List<long>();
        float sum = 0;
        int noMask = 0;
        using var pipeline = new LaunchedPipeline(ProbeTestEnv.FaceImagePipeline(8));
        using var reg = pipeline.AddProbe("after", "src", (ref BatchMeta batch, in ProbeContext ctx) =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            foreach (var f in batch.Frames)
            {
                sum += f.SourceId + f.FrameNumber;
                foreach (var o in f.Objects)
                {
                    var r = o.Rect;
                    sum += o.ClassId + o.Confidence + r.Left + r.Top + r.Width + r.Height + (o.TrackerId ?? 0);
                    noMask += o.LabelEquals("no-mask"u8) ? 1 : 0;
                    foreach (var c in o.Classifiers)
                    {
                        foreach (var l in c.Labels)
                        {
                            sum += l.Probability;
                        }
                    }

                    foreach (var um in o.UserMeta)
                    {
                        sum += (int)um.MetaType;
                    }
                }
            }

            allocated.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        });
        pipeline.RunToEnd(TimeSpan.FromSeconds(60));

        Assert.That(allocated, Has.Count.EqualTo(8));
        Assert.That(noMask, Is.GreaterThanOrEqualTo(8), "objects were walked");
        Assert.That(allocated.Skip(3), Is.All.Zero, string.Join(",", allocated));
    }

    private static void WaitUntil(Func<bool> condition)
    {
        var sw = Stopwatch.StartNew();
        while (!condition())
        {
            if (sw.Elapsed > TimeSpan.FromSeconds(20))
            {
                Assert.Fail("timed out waiting for the pipeline");
            }

            Thread.Sleep(5);
        }
    }

    private sealed class Payload(int frame, int generation) : IUserMetaPayload
    {
        public static int Clones;

        public int Frame { get; } = frame;

        public int Generation { get; } = generation;

        public object CloneForCopy()
        {
            Interlocked.Increment(ref Clones);
            return new Payload(Frame, Generation + 1);
        }
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Errors { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
            {
                lock (Errors)
                {
                    Errors.Add(formatter(state, exception));
                }
            }
        }
    }
}
