using System.Collections.Concurrent;
using System.Diagnostics;
using DeepStreamNet.Hosting;
using DeepStreamNet.Interop;
using DeepStreamNet.Metadata;
using DeepStreamNet.Metadata.Events;
using DeepStreamNet.Probes;
using DeepStreamNet.Runner;
using DeepStreamNet.Service.Sink;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Service.Dashboard;

/// <summary>
/// What the dashboard shows, taken from the pipeline by a probe on the sink tee (the tiled, annotated picture the
/// sinks get): the latest picture as JPEG, at most <see cref="ServiceOptions.DashboardFps"/> per second (copied on the
/// pipeline thread, encoded on the thread pool, skipped while the previous one is still encoding), and for each new
/// no-mask event (<see cref="NoMaskEventProbe"/>) the face cut from the first picture that shows its tracker id.
/// </summary>
public sealed unsafe class DashboardFeed : IPipelineAttachment, IBatchProbe
{
    private const int KeptEvents = 20;
    private readonly ServiceOptions _options;
    private readonly ILogger<DashboardFeed> _log;
    private readonly ConcurrentDictionary<(uint, ulong), EventMessage> _pendingCrops = new();
    private readonly ConcurrentQueue<DashboardEvent> _events = new();
    private readonly Lock _frameGate = new();
    private ProbeRegistration? _registration;
    private TaskCompletionSource _nextFrame = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastGrab;
    private int _encoding;
    private long _eventIds;
    private byte[]? _jpeg;
    private long _frameNumber;

    public DashboardFeed(ServiceOptions options, NoMaskEventProbe events, ILogger<DashboardFeed> logger)
    {
        ArgumentNullException.ThrowIfNull(events);
        _options = options;
        _log = logger;
        events.EventAttached += e => _pendingCrops[((uint)e.SensorId, e.TrackingId)] = e;
    }

    /// <summary>The latest annotated picture (JPEG) and its number, or null before the first.</summary>
    public (byte[] Jpeg, long Number)? Latest
    {
        get
        {
            lock (_frameGate)
            {
                return _jpeg is null ? null : (_jpeg, _frameNumber);
            }
        }
    }

    /// <summary>The most recent no-mask events, newest first.</summary>
    public IReadOnlyList<DashboardEvent> RecentEvents => _events.Reverse().ToList();

    /// <summary>Completes when a newer picture than the current one exists.</summary>
    public Task NextFrameAsync(CancellationToken token)
    {
        lock (_frameGate)
        {
            return _nextFrame.Task.WaitAsync(token);
        }
    }

    public void Attach(PipelineRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _registration?.Dispose();
        _registration = runner.FindPad(ProbeAttachPoint.BeforeSinks) is null ? null : runner.AddProbe(ProbeAttachPoint.BeforeSinks, this, _log);
    }

    public void OnBatch(ref BatchMeta batch, in ProbeContext context)
    {
        var now = Stopwatch.GetTimestamp();
        var due = Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastGrab), now).TotalSeconds >= 1.0 / Math.Max(0.1, _options.DashboardFps)
            && Volatile.Read(ref _encoding) == 0;
        var crops = _pendingCrops.IsEmpty ? null : Crops(ref batch);
        if (!due && crops is null)
        {
            return;
        }

        var (width, height) = Size(context.Pad);
        if (width <= 0 || height <= 0 || FrameGrab.Copy(context.Buffer, width, height) is not { } grab)
        {
            return;
        }

        if (due)
        {
            Interlocked.Exchange(ref _lastGrab, now);
            Interlocked.Exchange(ref _encoding, 1);
        }

        _ = Task.Run(() => Encode(grab, due, crops));
    }

    private List<(EventMessage Event, RectF Box)>? Crops(ref BatchMeta batch)
    {
        List<(EventMessage, RectF)>? found = null;
        foreach (var f in batch.Frames)
        {
            foreach (var o in f.Objects)
            {
                if (o.TrackerId is { } id && _pendingCrops.TryRemove((f.SourceId, id), out var e))
                {
                    (found ??= []).Add((e, o.Rect));
                }
            }
        }

        return found;
    }

    private void Encode(FrameGrab grab, bool frame, List<(EventMessage Event, RectF Box)>? crops)
    {
        try
        {
            foreach (var (e, box) in crops ?? [])
            {
                var pad = Math.Max(box.Width, box.Height) * 0.15f;
                var crop = grab.Jpeg(85, box.Left - pad, box.Top - pad, box.Width + 2 * pad, box.Height + 2 * pad);
                _events.Enqueue(new DashboardEvent(Interlocked.Increment(ref _eventIds), (uint)e.SensorId, e.TrackingId, e.Timestamp, e.Confidence, crop));
                while (_events.Count > KeptEvents)
                {
                    _events.TryDequeue(out _);
                }
            }

            if (frame && grab.Jpeg(70) is { } jpeg)
            {
                TaskCompletionSource done;
                lock (_frameGate)
                {
                    _jpeg = jpeg;
                    _frameNumber++;
                    done = _nextFrame;
                    _nextFrame = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                done.TrySetResult();
            }
        }
        finally
        {
            if (frame)
            {
                Interlocked.Exchange(ref _encoding, 0);
            }
        }
    }

    private static (int Width, int Height) Size(GstPad* pad)
    {
        var caps = Gst.gst_pad_get_current_caps(pad);
        if (caps is null)
        {
            return (0, 0);
        }

        try
        {
            var s = Gst.gst_caps_get_structure(caps, 0);
            int w = 0, h = 0;
            fixed (byte* wn = "width\0"u8, hn = "height\0"u8)
            {
                Gst.gst_structure_get_int(s, wn, &w);
                Gst.gst_structure_get_int(s, hn, &h);
            }

            return (w, h);
        }
        finally
        {
            Gst.gst_caps_unref(caps);
        }
    }
}
