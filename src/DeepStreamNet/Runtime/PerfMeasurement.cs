using System.Diagnostics;
using System.Globalization;
using System.Text;
using DeepStreamNet.Interop;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Runtime;

/// <summary>
/// deepstream-app's <c>enable-perf-measurement</c>: a buffer probe after the muxer counts frames per source_id from
/// the batch meta; every interval it prints <c>**PERF:  FPS 0 (Avg)\tFPS 1 (Avg)…</c> then
/// <c>**PERF:  25.02 (24.87)\t…</c> (current FPS over the interval, average since the source's first frame).
/// </summary>
internal sealed unsafe class PerfMeasurement : PadProbe, IDisposable
{
    private readonly long[] _counts;
    private readonly long[] _totals;
    private readonly long[] _firstTicks;
    private readonly Action<string> _output;
    private readonly Timer _timer;
    private long _lastTicks = Stopwatch.GetTimestamp();

    public PerfMeasurement(int sources, TimeSpan interval, Action<string> output, ILogger logger)
        : base(logger)
    {
        _counts = new long[Math.Max(sources, 1)];
        _totals = new long[_counts.Length];
        _firstTicks = new long[_counts.Length];
        _output = output;
        _timer = new Timer(_ => Print(), null, interval, interval);
    }

    public void Dispose() => _timer.Dispose();

    protected override GstPadProbeReturn Handle(GstPad* pad, GstPadProbeInfo* info)
    {
        var buffer = Gst.gst_pad_probe_info_get_buffer(info);
        var batch = buffer is null ? null : NvDs.gst_buffer_get_nvds_batch_meta(buffer);
        if (batch is null)
        {
            return GstPadProbeReturn.GST_PAD_PROBE_OK;
        }

        var now = Stopwatch.GetTimestamp();
        for (var l = batch->frame_meta_list; l is not null; l = l->next)
        {
            var frame = (NvDsFrameMeta*)l->data;
            var id = (int)frame->source_id;
            if ((uint)id < (uint)_counts.Length)
            {
                Interlocked.CompareExchange(ref _firstTicks[id], now, 0);
                Interlocked.Increment(ref _counts[id]);
            }
        }

        return GstPadProbeReturn.GST_PAD_PROBE_OK;
    }

    private void Print()
    {
        var now = Stopwatch.GetTimestamp();
        var seconds = Stopwatch.GetElapsedTime(Interlocked.Exchange(ref _lastTicks, now), now).TotalSeconds;
        var header = new StringBuilder("**PERF:  ");
        var values = new StringBuilder("**PERF:  ");
        for (var i = 0; i < _counts.Length; i++)
        {
            var n = Interlocked.Exchange(ref _counts[i], 0);
            _totals[i] += n;
            var first = Interlocked.Read(ref _firstTicks[i]);
            var since = first == 0 ? 0 : Stopwatch.GetElapsedTime(first, now).TotalSeconds;
            var fps = seconds > 0 ? n / seconds : 0;
            var avg = since > 0 ? _totals[i] / since : 0;
            header.Append(CultureInfo.InvariantCulture, $"FPS {i} (Avg)\t");
            values.Append(CultureInfo.InvariantCulture, $"{fps:F2} ({avg:F2})\t");
        }

        _output(header.ToString());
        _output(values.ToString());
    }
}
