using System.Diagnostics;
using DeepStreamNet.Metadata;
using DeepStreamNet.Probes;
using DeepStreamNet.Runner;

namespace DeepStreamNet.Cli.Demo;

/// <summary>One second of stream time: objects per class label (distinct tracking ids when tracked) and frames.</summary>
internal sealed record ClassCountSecond(int Second, IReadOnlyDictionary<string, int> Counts, int Frames, double Fps);

/// <summary>
/// The demo's probe (after the tracker, else after primary inference): per second of stream time (frame PTS) counts
/// objects per class label — distinct tracking ids when the tracker runs, detections otherwise — and the processing
/// FPS over that second; can stop the run once a stream-time limit is reached. <see cref="Finish"/> reports the last
/// (partial) second once the run ended.
/// </summary>
internal sealed class ClassCounter : IBatchProbe
{
    private readonly Action<ClassCountSecond> _report;
    private readonly ulong _limit;
    private readonly Action? _onLimit;
    private readonly Lock _gate = new();
    private int _limitHit;
    private readonly Dictionary<string, HashSet<ulong>> _tracked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _detections = new(StringComparer.Ordinal);
    private readonly List<ClassCountSecond> _seconds = [];
    private int _second = -1;
    private int _frames;
    private long _secondStart;

    /// <param name="report">Called with every finished second (on the streaming thread).</param>
    /// <param name="stopAfter">Stream time after which <paramref name="onLimit"/> runs once (null: never).</param>
    /// <param name="onLimit">What to do at the limit (e.g. <see cref="PipelineRunner.RequestStop"/>).</param>
    public ClassCounter(Action<ClassCountSecond> report, TimeSpan? stopAfter = null, Action? onLimit = null)
    {
        _report = report;
        _limit = stopAfter is { } t ? (ulong)(t.TotalMilliseconds * 1_000_000) : ulong.MaxValue;
        _onLimit = onLimit;
    }

    /// <summary>Seconds reported so far.</summary>
    public IReadOnlyList<ClassCountSecond> Seconds
    {
        get
        {
            lock (_seconds)
            {
                return [.. _seconds];
            }
        }
    }

    /// <summary>Attaches to the tracker's source pad, else the primary inference's; null when neither exists.</summary>
    public unsafe ProbeRegistration? Attach(PipelineRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        foreach (var point in new[] { ProbeAttachPoint.AfterTracker, ProbeAttachPoint.AfterPrimaryInference })
        {
            if (runner.FindPad(point) is not null)
            {
                return runner.AddProbe(point, this);
            }
        }

        return null;
    }

    public void OnBatch(ref BatchMeta batch, in ProbeContext context)
    {
        lock (_gate)
        {
            foreach (var frame in batch.Frames)
            {
                OnFrame(frame);
                if (frame.Pts != ulong.MaxValue && frame.Pts >= _limit && Interlocked.Exchange(ref _limitHit, 1) == 0)
                {
                    _onLimit?.Invoke();
                }
            }
        }
    }

    /// <summary>Reports the second still being counted (call once the run ended).</summary>
    public void Finish()
    {
        lock (_gate)
        {
            Flush();
        }
    }

    private void OnFrame(FrameMeta frame)
    {
        var second = frame.Pts == ulong.MaxValue ? Math.Max(_second, 0) : (int)(frame.Pts / 1_000_000_000UL);
        if (second != _second)
        {
            Flush();
            _second = second;
        }

        _frames++;
        foreach (var obj in frame.Objects)
        {
            var label = obj.Label;
            if (label.Length == 0)
            {
                label = "class " + obj.ClassId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (obj.IsTracked)
            {
                if (!_tracked.TryGetValue(label, out var ids))
                {
                    _tracked[label] = ids = [];
                }

                ids.Add(obj.ObjectId);
            }
            else
            {
                _detections[label] = _detections.GetValueOrDefault(label) + 1;
            }
        }
    }

    private void Flush()
    {
        var now = Stopwatch.GetTimestamp();
        if (_second >= 0 && _frames > 0)
        {
            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var (label, ids) in _tracked)
            {
                counts[label] = ids.Count;
            }

            foreach (var (label, n) in _detections)
            {
                counts[label] = counts.GetValueOrDefault(label) + n;
            }

            var elapsed = _secondStart == 0 ? 0 : Stopwatch.GetElapsedTime(_secondStart, now).TotalSeconds;
            var entry = new ClassCountSecond(_second, counts, _frames, elapsed > 0 ? _frames / elapsed : 0);
            lock (_seconds)
            {
                _seconds.Add(entry);
            }

            _report(entry);
        }

        _tracked.Clear();
        _detections.Clear();
        _frames = 0;
        _secondStart = now;
    }
}
