using System.Collections.Concurrent;
using System.Globalization;
using DeepStreamNet.Metadata;
using DeepStreamNet.Probes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaceMaskAlerts;

/// <summary>
/// After the tracker: counts mask / no-mask faces per source and raises <see cref="Alert"/> once per track id when a
/// tracked face stays <c>no-mask</c> for <see cref="AlertOptions.ConsecutiveFrames"/> consecutive frames, saving a JPEG
/// crop of it through the pixel API (<c>context.MapPixels(frame)</c>: the same code on DeepStream and on the portable
/// runtime). Untracked objects are counted but never alert (no identity to follow).
/// </summary>
public sealed class MaskAlertProbe(IOptions<AlertOptions> options, ILogger<MaskAlertProbe> logger, IHostApplicationLifetime lifetime) : IBatchProbe
{
    private readonly AlertOptions _options = options.Value;
    private readonly Dictionary<(uint Source, ulong Track), TrackState> _tracks = [];
    private readonly ConcurrentDictionary<uint, SourceCounts> _counts = new();
    private readonly List<MaskAlert> _alerts = [];
    private bool _stopRequested;

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
                if (isNoMask && !state.Alerted && state.Consecutive >= _options.ConsecutiveFrames)
                {
                    state.Alerted = true;
                    RaiseAlert(frame, obj, track, state.Consecutive, in context);
                }
            }

            var counts = _counts.GetOrAdd(frame.SourceId, _ => new SourceCounts());
            counts.Add(mask, noMask);
            Forget(frame.SourceId, frame.FrameNumber);
            if (_options.MaxFrames > 0 && frame.SourceId == 0 && counts.Frames >= _options.MaxFrames && !_stopRequested)
            {
                _stopRequested = true;
                AlertLog.Stopping(logger, counts.Frames);
                lifetime.StopApplication(); // the hosted pipeline sends EOS and finalises its sinks
            }
        }
    }

    private void RaiseAlert(FrameMeta frame, ObjectMeta obj, ulong track, int consecutive, in ProbeContext context)
    {
        string? crop = null;
        if (!string.IsNullOrEmpty(_options.CropDirectory))
        {
            var path = Path.Combine(_options.CropDirectory, string.Create(CultureInfo.InvariantCulture, $"source{frame.SourceId}-track{track}-frame{frame.FrameNumber}.jpg"));
            try
            {
                using var pixels = context.MapPixels(frame);
                pixels.Crop(obj.Rect).SaveJpeg(path, _options.JpegQuality);
                crop = path;
            }
            catch (Exception e) when (e is PixelAccessException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                AlertLog.NoCrop(logger, track, e.Message);
            }
        }

        var alert = new MaskAlert(frame.SourceId, track, frame.FrameNumber, frame.Pts, obj.Rect, consecutive, crop);
        lock (_alerts)
        {
            _alerts.Add(alert);
        }

        AlertLog.Alert(logger, alert.SourceId, alert.TrackId, alert.ConsecutiveFrames, alert.FrameNumber, alert.Box, alert.CropPath);
        Alert?.Invoke(alert);
    }

    private void Forget(uint source, int frameNumber)
    {
        if (frameNumber % 32 != 0)
        {
            return;
        }

        foreach (var key in _tracks.Where(t => t.Key.Source == source && frameNumber - t.Value.LastFrame > _options.ForgetAfterFrames).Select(t => t.Key).ToList())
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
