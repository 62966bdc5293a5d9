using DeepStreamNet.Interop;
using DeepStreamNet.Metadata;
using DeepStreamNet.Metadata.Events;
using DeepStreamNet.Probes;

namespace DeepStreamNet.Service.Sink;

/// <summary>
/// The face-mask app's event source: one <c>NVDS_EVENT_MSG_META</c> per tracked <c>no-mask</c> face — the first frame a
/// tracker id shows up as no-mask — not one per frame. Events follow deepstream-test5's convention: object type UNKNOWN
/// with the label as <c>objectId</c>, event ENTRY, <c>sensorId</c>/<c>placeId</c>/<c>moduleId</c> = source id, the box in
/// source pixels, <c>ts</c> from the frame's NTP time (else now). A face that leaves and comes back under a new tracker id
/// is a new event; ids unseen for <see cref="ForgetAfterFrames"/> frames are forgotten. Untracked objects give no events.
/// </summary>
public sealed class NoMaskEventProbe : IBatchProbe
{
    private readonly Dictionary<(uint Source, ulong Track), long> _seen = [];
    private readonly TimeProvider _clock;
    private byte[]? _label;
    private long _batches;
    private long _events;

    public NoMaskEventProbe(TimeProvider? clock = null) => _clock = clock ?? TimeProvider.System;

    /// <summary>Batches after which a tracker id that was not seen again is forgotten.</summary>
    public int ForgetAfterFrames { get; init; } = 300;

    /// <summary>The label that makes an event.</summary>
    public string Label { get; init; } = "no-mask";

    /// <summary>Events attached so far.</summary>
    public long Events => Interlocked.Read(ref _events);

    /// <summary>Called with each new event (the dashboard's recent-events list).</summary>
    public event Action<EventMessage>? EventAttached;

    public void OnBatch(ref BatchMeta batch, in ProbeContext context)
    {
        var now = ++_batches;
        var label = _label ??= System.Text.Encoding.UTF8.GetBytes(Label);
        foreach (var frame in batch.Frames)
        {
            foreach (var obj in frame.Objects)
            {
                if (obj.TrackerId is not { } track || !obj.LabelEquals(label))
                {
                    continue;
                }

                var key = (frame.SourceId, track);
                var known = _seen.ContainsKey(key);
                _seen[key] = now;
                if (known)
                {
                    continue;
                }

                var e = Event(frame, obj, track);
                frame.AddEventMessage(e);
                Interlocked.Increment(ref _events);
                EventAttached?.Invoke(e);
            }
        }

        if (now % 64 == 0)
        {
            foreach (var stale in _seen.Where(kv => now - kv.Value > ForgetAfterFrames).Select(kv => kv.Key).ToList())
            {
                _seen.Remove(stale);
            }
        }
    }

    private EventMessage Event(in FrameMeta frame, in ObjectMeta obj, ulong track)
    {
        var r = obj.Rect;
        var sx = frame.PipelineWidth > 0 && frame.SourceWidth > 0 ? (float)frame.SourceWidth / frame.PipelineWidth : 1f;
        var sy = frame.PipelineHeight > 0 && frame.SourceHeight > 0 ? (float)frame.SourceHeight / frame.PipelineHeight : 1f;
        var time = frame.NtpTimestamp > 0
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(frame.NtpTimestamp / 1_000_000))
            : _clock.GetUtcNow();
        var source = (int)frame.SourceId;
        return new EventMessage
        {
            Type = NvDsEventType.NVDS_EVENT_ENTRY,
            ObjectType = NvDsObjectType.NVDS_OBJECT_TYPE_UNKNOWN,
            Box = new RectF(r.Left * sx, r.Top * sy, r.Width * sx, r.Height * sy),
            ClassId = obj.ClassId,
            SensorId = source,
            PlaceId = source,
            ModuleId = source,
            FrameId = frame.FrameNumber,
            Confidence = obj.Confidence,
            TrackingId = track,
            Timestamp = EventMessage.FormatTimestamp(time),
            ObjectId = obj.Label,
        };
    }
}
