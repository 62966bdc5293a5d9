using System.Diagnostics;
using DeepStreamNet.GStreamer;
using DeepStreamNet.Interop;
using DeepStreamNet.Metadata;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Runner;

/// <summary>
/// deepstream-app's <c>enable-perf-measurement</c>: a probe after the muxer counts frames per source_id from the batch
/// meta; every interval it prints <c>**PERF:  FPS 0 (Avg)\tFPS 1 (Avg)…</c> then <c>**PERF:  25.02 (24.87)\t…</c>
/// (current FPS over the interval, average since the source's first frame). At the end of the stream (EOS after the
/// muxer) it prints what the last partial interval counted, if anything, then stops instead of printing zeros.
/// </summary>
internal sealed unsafe class PerfProbe : BatchMetaProbe, IDisposable
{
    private readonly long[] _counts;
    private readonly long[] _totals;
    private readonly long[] _firstTicks;
    private readonly Action<string> _output;
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private long _lastTicks = Stopwatch.GetTimestamp();
    private bool _ended;

    public PerfProbe(int sources, TimeSpan interval, Action<string> output, ILogger logger)
        : base(logger)
    {
        _counts = new long[Math.Max(sources, 1)];
        _totals = new long[_counts.Length];
        _firstTicks = new long[_counts.Length];
        _output = output;
        _timer = new Timer(_ => Print(), null, interval, interval);
    }

    /// <summary>Buffers (frames to count) and downstream events (EOS ends the printing).</summary>
    public const GstPadProbeType Mask = GstPadProbeType.GST_PAD_PROBE_TYPE_BUFFER | GstPadProbeType.GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM;

    public void Dispose() => _timer.Dispose();

    protected override GstPadProbeReturn Handle(GstPad* pad, GstPadProbeInfo* info)
    {
        if (((uint)info->type & (uint)GstPadProbeType.GST_PAD_PROBE_TYPE_BUFFER) == 0)
        {
            var ev = Gst.gst_pad_probe_info_get_event(info);
            if (ev is not null && ev->type == GstEventType.GST_EVENT_EOS)
            {
                EndOfStream();
            }

            return GstPadProbeReturn.GST_PAD_PROBE_OK;
        }

        return base.Handle(pad, info);
    }

    protected override void OnBatch(BatchMeta batch)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var frame in batch.Frames)
        {
            var id = (int)frame.SourceId;
            if ((uint)id < (uint)_counts.Length)
            {
                Interlocked.CompareExchange(ref _firstTicks[id], now, 0);
                Interlocked.Increment(ref _counts[id]);
            }
        }
    }

    /// <summary>The stream ended: the frames of the last (partial) interval, if any, are printed, then nothing more.</summary>
    private void EndOfStream()
    {
        if (_counts.Any(c => c > 0))
        {
            Print();
        }

        lock (_gate)
        {
            _ended = true;
        }
    }

    private void Print()
    {
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            var now = Stopwatch.GetTimestamp();
            var seconds = Stopwatch.GetElapsedTime(Interlocked.Exchange(ref _lastTicks, now), now).TotalSeconds;
            var samples = new PerfSample[_counts.Length];
            for (var i = 0; i < _counts.Length; i++)
            {
                var n = Interlocked.Exchange(ref _counts[i], 0);
                _totals[i] += n;
                var first = Interlocked.Read(ref _firstTicks[i]);
                var since = first == 0 ? 0 : Stopwatch.GetElapsedTime(first, now).TotalSeconds;
                samples[i] = new PerfSample(seconds > 0 ? n / seconds : 0, since > 0 ? _totals[i] / since : 0);
            }

            _output(PerfLine.Header(samples.Length));
            _output(PerfLine.Values(samples));
        }
    }
}
