using System.Diagnostics;
using DeepStreamNet.Interop;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Runtime;

/// <summary>
/// One second of stream time, two different counts per class label: <paramref name="TrackedObjects"/> = distinct tracked
/// objects (tracking ids seen in the second: one face seen in 25 frames counts once) and <paramref name="Detections"/> =
/// detections summed over the frames (the same face counts 25 times), plus the frames and the processing rate.
/// </summary>
public sealed record ClassCountSecond(int Second, IReadOnlyDictionary<string, int> TrackedObjects, IReadOnlyDictionary<string, int> Detections, int Frames, double Fps)
{
    /// <summary>True when the objects carried tracking ids (a tracker ran before the counter).</summary>
    public bool Tracked { get; init; }

    /// <summary>Mean detections of <paramref name="label"/> per frame in this second.</summary>
    public double DetectionsPerFrame(string label) => Frames > 0 ? Detections.GetValueOrDefault(label) / (double)Frames : 0;
}

/// <summary>
/// The demo's probe (after the tracker, else after primary inference): per second of stream time (frame PTS) counts,
/// per class label, the distinct tracked objects (tracking ids) and, separately, the detections of every frame, with
/// the processing FPS over that second; can stop the run once a stream-time limit is reached.
/// </summary>
public sealed unsafe class ClassCounter
{
    private readonly Probe _probe;
    private readonly Action<ClassCountSecond> _report;
    private readonly Dictionary<string, HashSet<ulong>> _tracked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _detections = new(StringComparer.Ordinal);
    private bool _sawTrackingId;
    private readonly List<ClassCountSecond> _seconds = [];
    private int _second = -1;
    private int _frames;
    private long _secondStart;

    /// <param name="report">Called with every finished second (on the streaming thread).</param>
    /// <param name="stopAfter">Stream time after which <paramref name="onLimit"/> runs once (null: never).</param>
    /// <param name="onLimit">What to do at the limit (e.g. <see cref="PipelineRunner.RequestStop"/>).</param>
    public ClassCounter(Action<ClassCountSecond> report, TimeSpan? stopAfter = null, Action? onLimit = null, ILogger? logger = null)
    {
        _report = report;
        _probe = new Probe(this, stopAfter, onLimit, logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
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

    /// <summary>Attaches to the tracker's source pad, else the primary inference's; false when neither exists.</summary>
    public bool Attach(PipelineRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var pad = runner.FindPad(ProbeAttachPoint.AfterTracker);
        if (pad is null)
        {
            pad = runner.FindPad(ProbeAttachPoint.AfterPrimaryInference);
        }

        if (pad is null)
        {
            return false;
        }

        _probe.Attach(pad, GstPadProbeType.GST_PAD_PROBE_TYPE_BUFFER | GstPadProbeType.GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM);
        return true;
    }

    private void OnFrame(NvDsFrameMeta* frame)
    {
        var second = frame->buf_pts == ulong.MaxValue ? Math.Max(_second, 0) : (int)(frame->buf_pts / 1_000_000_000UL);
        if (second != _second)
        {
            Flush();
            _second = second;
        }

        _frames++;
        for (var o = frame->obj_meta_list; o is not null; o = o->next)
        {
            var obj = (NvDsObjectMeta*)o->data;
            var label = NativeText.FromFixed(obj->obj_label, 128);
            if (label.Length == 0)
            {
                label = "class " + obj->class_id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            _detections[label] = _detections.GetValueOrDefault(label) + 1;
            if (obj->object_id != ulong.MaxValue)
            {
                _sawTrackingId = true;
                if (!_tracked.TryGetValue(label, out var ids))
                {
                    _tracked[label] = ids = [];
                }

                ids.Add(obj->object_id);
            }
        }
    }

    private void Flush()
    {
        var now = Stopwatch.GetTimestamp();
        if (_second >= 0 && _frames > 0)
        {
            var tracked = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var (label, ids) in _tracked)
            {
                tracked[label] = ids.Count;
            }

            var elapsed = _secondStart == 0 ? 0 : Stopwatch.GetElapsedTime(_secondStart, now).TotalSeconds;
            var entry = new ClassCountSecond(_second, tracked, new SortedDictionary<string, int>(_detections, StringComparer.Ordinal), _frames, elapsed > 0 ? _frames / elapsed : 0)
            {
                Tracked = _sawTrackingId,
            };
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

    private sealed class Probe : PadProbe
    {
        private readonly ClassCounter _owner;
        private readonly ulong _limit;
        private readonly Action? _onLimit;
        private int _limitHit;

        public Probe(ClassCounter owner, TimeSpan? stopAfter, Action? onLimit, ILogger logger)
            : base(logger)
        {
            _owner = owner;
            _limit = stopAfter is { } t ? (ulong)(t.TotalMilliseconds * 1_000_000) : ulong.MaxValue;
            _onLimit = onLimit;
        }

        protected override GstPadProbeReturn Handle(GstPad* pad, GstPadProbeInfo* info)
        {
            if (((uint)info->type & (uint)GstPadProbeType.GST_PAD_PROBE_TYPE_BUFFER) == 0)
            {
                var ev = Gst.gst_pad_probe_info_get_event(info);
                if (ev is not null && ev->type == GstEventType.GST_EVENT_EOS)
                {
                    _owner.Flush();
                }

                return GstPadProbeReturn.GST_PAD_PROBE_OK;
            }

            var buffer = Gst.gst_pad_probe_info_get_buffer(info);
            var batch = buffer is null ? null : NvDs.gst_buffer_get_nvds_batch_meta(buffer);
            if (batch is null)
            {
                return GstPadProbeReturn.GST_PAD_PROBE_OK;
            }

            for (var l = batch->frame_meta_list; l is not null; l = l->next)
            {
                var frame = (NvDsFrameMeta*)l->data;
                _owner.OnFrame(frame);
                if (frame->buf_pts != ulong.MaxValue && frame->buf_pts >= _limit && Interlocked.Exchange(ref _limitHit, 1) == 0)
                {
                    _onLimit?.Invoke();
                }
            }

            return GstPadProbeReturn.GST_PAD_PROBE_OK;
        }
    }
}
