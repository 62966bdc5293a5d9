using System.Collections.Concurrent;
using System.Globalization;
using DeepStreamNet.Metadata;
using DeepStreamNet.Probes;

namespace FaceMaskAlerts;

/// <summary>
/// After the tracker: counts mask / no-mask faces per source and raises <see cref="Alert"/> once per track id when a
/// tracked face stays <c>no-mask</c> for <see cref="AlertOptions.ConsecutiveFrames"/> consecutive frames, saving a JPEG
/// crop of it. Untracked objects are counted but never alert (no identity to follow).
/// </summary>
public sealed class MaskAlertProbe(AlertOptions options) : IBatchProbe
{
    private readonly Dictionary<(uint Source, ulong Track), TrackState> _tracks = [];
    private readonly ConcurrentDictionary<uint, SourceCounts> _counts = new();
    private readonly List<MaskAlert> _alerts = [];

    /// <summary>Raised on the streaming thread for each new alert (keep handlers short).</summary>
    public event Action<MaskAlert>? Alert;

    /// <summary>Per-source counts.</summary>
    public IReadOnlyDictionary<uint, SourceCounts> Counts => _counts;

    /// <summary>Alerts so far.</summary>
    public IReadOnlyList<MaskAlert> Alerts
    {
        get
        {
            lock (_alerts)
            {
                return [.. _alerts];
            }
        }
    }

    /// <inheritdoc/>
    public void OnBatch(ref BatchMeta batch, in ProbeContext context)
    {
        foreach (var frame in batch.Frames)
        {
            int mask = 0, noMask = 0;
            foreach (var obj in frame.Objects)
            {
                var isNoMask = obj.LabelEquals("no-mask"u8);
                mask += obj.LabelEquals("mask"u8) ? 1 : 0;
                noMask += isNoMask ? 1 : 0;
                if (obj.TrackerId is not { } track)
                {
                    continue;
                }

                var key = (frame.SourceId, track);
                if (!_tracks.TryGetValue(key, out var state))
                {
                    state = new TrackState();
                    _tracks[key] = state;
                }

                state.LastFrame = frame.FrameNumber;
                state.Consecutive = isNoMask ? state.Consecutive + 1 : 0;
                if (isNoMask && !state.Alerted && state.Consecutive >= options.ConsecutiveFrames)
                {
                    state.Alerted = true;
                    RaiseAlert(frame, obj, track, state.Consecutive, in context);
                }
            }

            _counts.GetOrAdd(frame.SourceId, _ => new SourceCounts()).Add(mask, noMask);
            Forget(frame.SourceId, frame.FrameNumber);
        }
    }

    private void RaiseAlert(FrameMeta frame, ObjectMeta obj, ulong track, int consecutive, in ProbeContext context)
    {
        string? crop = null;
        if (options.CropDirectory is { } dir)
        {
            var path = Path.Combine(dir, string.Create(CultureInfo.InvariantCulture, $"source{frame.SourceId}-track{track}-frame{frame.FrameNumber}.jpg"));
            unsafe
            {
                crop = FrameCropper.SaveJpeg(context.Buffer, frame, obj.Rect, path) ? path : null;
            }
        }

        var alert = new MaskAlert(frame.SourceId, track, frame.FrameNumber, frame.Pts, obj.Rect, consecutive, crop);
        lock (_alerts)
        {
            _alerts.Add(alert);
        }

        Alert?.Invoke(alert);
    }

    private void Forget(uint source, int frameNumber)
    {
        if (frameNumber % 32 != 0)
        {
            return;
        }

        foreach (var key in _tracks.Where(t => t.Key.Source == source && frameNumber - t.Value.LastFrame > options.ForgetAfterFrames).Select(t => t.Key).ToList())
        {
            _tracks.Remove(key);
        }
    }

    private sealed class TrackState
    {
        public int LastFrame { get; set; }

        public int Consecutive { get; set; }

        public bool Alerted { get; set; }
    }
}
