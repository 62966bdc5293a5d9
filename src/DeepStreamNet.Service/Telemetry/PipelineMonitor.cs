using System.Collections.Concurrent;
using System.Diagnostics;
using DeepStreamNet.Hosting;
using DeepStreamNet.Metadata;
using DeepStreamNet.Probes;
using DeepStreamNet.Runner;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Service.Telemetry;

/// <summary>
/// Watches the running pipeline through probes (an <see cref="IPipelineAttachment"/>): after the muxer it notes when
/// each frame entered the batch; before the sinks it counts frames per source (frames/s over a one-second window),
/// labels (<c>mask</c>/<c>no-mask</c> of the last frame), gaps in <c>frame_num</c> (dropped frames) and the end-to-end
/// latency; around the inference, tracker, tiler and OSD elements it times each batch. Feeds
/// <see cref="PipelineMetrics"/>, the health checks and the dashboard.
/// </summary>
public sealed unsafe class PipelineMonitor(ILogger<PipelineMonitor> logger) : IPipelineAttachment
{
    private static readonly string[] TimedFactories =
        ["dsnetinfer", "nvinfer", "dsnettracker", "nvtracker", "dsnetmultistreamtiler", "nvmultistreamtiler", "dsnetosd", "nvdsosd"];

    private readonly ConcurrentDictionary<uint, SourceState> _sources = new();
    private readonly ConcurrentDictionary<(uint, int), long> _entered = new();
    private readonly List<ProbeRegistration> _registrations = [];
    private readonly Lock _gate = new();
    private PipelineRunner? _runner;
    private IReadOnlyList<uint> _configured = [];
    private long _lastBatchTicks;
    private long _faultsOfEarlierPipelines;

    /// <summary>Set by the host once the metrics exist (the monitor works without them).</summary>
    public PipelineMetrics? Metrics { get; set; }

    /// <summary>Enabled sources of the running config (less those removed while it plays).</summary>
    public IReadOnlyList<uint> ConfiguredSources =>
        Volatile.Read(ref _runner) is { Sources.Count: > 0 } r ? [.. _configured.Where(id => r.Sources.Any(s => s.SourceId == id))] : _configured;

    /// <summary>Time since the last batch reached the sinks (null: none yet).</summary>
    public TimeSpan? SinceLastBatch
    {
        get
        {
            var t = Interlocked.Read(ref _lastBatchTicks);
            return t == 0 ? null : Stopwatch.GetElapsedTime(t);
        }
    }

    /// <summary>Probe faults of the runner's own probes and the monitor's, this pipeline and earlier ones.</summary>
    public long ProbeFaults
    {
        get
        {
            lock (_gate)
            {
                return _faultsOfEarlierPipelines + (_runner?.ProbeFaults ?? 0) + _registrations.Sum(r => r.Stats.Faults);
            }
        }
    }

    /// <summary>A snapshot of every source seen so far.</summary>
    public IReadOnlyList<SourceStatus> Sources() => _sources.Values.OrderBy(s => s.Id).Select(s => s.Snapshot()).ToList();

    public void Attach(PipelineRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        lock (_gate)
        {
            _faultsOfEarlierPipelines += (_runner?.ProbeFaults ?? 0) + _registrations.Sum(r => r.Stats.Faults);
            foreach (var r in _registrations)
            {
                r.Dispose();
            }

            _registrations.Clear();
            _runner = runner;
            _configured = runner.Graph.Sources.Select(s => (uint)s.Index).ToList();
            Add(runner, ProbeAttachPoint.AfterMuxer, new Entered(this));
            Add(runner, ProbeAttachPoint.BeforeSinks, new AtSinks(this));
            if (Metrics is { } metrics)
            {
                foreach (var e in runner.Graph.Elements.Where(e => TimedFactories.Contains(e.Factory)))
                {
                    var timer = new ElementTimer(e.Name, metrics);
                    if (runner.FindPad(e.Name, "sink") is not null && runner.FindPad(e.Name, "src") is not null)
                    {
                        _registrations.Add(runner.AddProbe(e.Name, "sink", timer.In, logger));
                        _registrations.Add(runner.AddProbe(e.Name, "src", timer.Out, logger));
                    }
                }
            }
        }
    }

    private void Add(PipelineRunner runner, ProbeAttachPoint point, IBatchProbe probe)
    {
        if (runner.FindPad(point) is not null)
        {
            _registrations.Add(runner.AddProbe(point, probe, logger));
        }
    }

    private sealed class Entered(PipelineMonitor owner) : IBatchProbe
    {
        public void OnBatch(ref BatchMeta batch, in ProbeContext context)
        {
            var now = Stopwatch.GetTimestamp();
            if (owner._entered.Count > 4096)
            {
                owner._entered.Clear(); // frames that never reached a sink
            }

            foreach (var f in batch.Frames)
            {
                owner._entered[(f.SourceId, f.FrameNumber)] = now;
            }
        }
    }

    private sealed class AtSinks(PipelineMonitor owner) : IBatchProbe
    {
        public void OnBatch(ref BatchMeta batch, in ProbeContext context)
        {
            var now = Stopwatch.GetTimestamp();
            Interlocked.Exchange(ref owner._lastBatchTicks, now);
            var m = owner.Metrics;
            foreach (var f in batch.Frames)
            {
                var s = owner._sources.GetOrAdd(f.SourceId, id => new SourceState(id));
                int mask = 0, noMask = 0;
                foreach (var o in f.Objects)
                {
                    if (o.LabelEquals("no-mask"u8))
                    {
                        noMask++;
                    }
                    else if (o.LabelEquals("mask"u8))
                    {
                        mask++;
                    }
                }

                var dropped = s.Frame(f.FrameNumber, now, mask, noMask);
                var tag = PipelineMetrics.Tag(f.SourceId);
                m?.Frames.Add(1, tag);
                if (dropped > 0)
                {
                    m?.Dropped.Add(dropped, tag);
                }

                if (mask > 0)
                {
                    m?.Objects.Add(mask, tag, new("label", "mask"));
                }

                if (noMask > 0)
                {
                    m?.Objects.Add(noMask, tag, new("label", "no-mask"));
                }

                if (owner._entered.TryRemove((f.SourceId, f.FrameNumber), out var start))
                {
                    m?.Latency.Record(Stopwatch.GetElapsedTime(start, now).TotalSeconds, tag);
                }
            }
        }
    }

    private sealed class SourceState(uint id)
    {
        private readonly Queue<long> _window = new();
        private long _frames;
        private long _dropped;
        private int _lastFrame = -1;
        private long _lastTicks;
        private int _mask;
        private int _noMask;

        public uint Id => id;

        public long Frame(int frameNumber, long now, int mask, int noMask)
        {
            lock (_window)
            {
                var gap = _lastFrame >= 0 && frameNumber > _lastFrame + 1 ? frameNumber - _lastFrame - 1 : 0;
                _lastFrame = frameNumber;
                _frames++;
                _dropped += gap;
                _lastTicks = now;
                (_mask, _noMask) = (mask, noMask);
                _window.Enqueue(now);
                Trim(now);
                return gap;
            }
        }

        public SourceStatus Snapshot()
        {
            lock (_window)
            {
                var now = Stopwatch.GetTimestamp();
                Trim(now);
                var at = DateTimeOffset.UtcNow - Stopwatch.GetElapsedTime(_lastTicks, now);
                return new SourceStatus(id, _frames, _window.Count, at, _mask, _noMask, _dropped);
            }
        }

        private void Trim(long now)
        {
            while (_window.Count > 0 && Stopwatch.GetElapsedTime(_window.Peek(), now) > TimeSpan.FromSeconds(1))
            {
                _window.Dequeue();
            }
        }
    }
}
