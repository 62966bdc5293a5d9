using System.Collections.Concurrent;
using DeepStreamNet.Metadata;
using DeepStreamNet.Probes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DsNetProbe;

/// <summary>Options of <see cref="MaskCountProbe"/>.</summary>
public sealed class MaskCountOptions
{
    /// <summary>Stop the app after this many seconds of video (null: run to the end).</summary>
    public double? StopAfterSeconds { get; set; }
}

/// <summary>Per-source face counts.</summary>
public sealed class SourceCounts
{
    public long Frames;
    public long Mask;
    public long NoMask;
}

/// <summary>
/// Called once per batch after the tracker, on the streaming thread: counts mask / no-mask objects per source and
/// prints a line per second of video. Reads the metadata in place (no copies, no allocations per object).
/// </summary>
public sealed class MaskCountProbe(IOptions<MaskCountOptions> options, IHostApplicationLifetime lifetime, ILogger<MaskCountProbe> log) : IBatchProbe
{
    private readonly ConcurrentDictionary<uint, SourceCounts> _counts = new();
    private long _lastSecond = -1;

    public void OnBatch(ref BatchMeta batch, in ProbeContext context)
    {
        foreach (var frame in batch.Frames)
        {
            var counts = _counts.GetOrAdd(frame.SourceId, _ => new SourceCounts());
            counts.Frames++;
            foreach (var obj in frame.Objects)
            {
                if (obj.LabelEquals("no-mask"u8))
                {
                    counts.NoMask++;
                }
                else if (obj.LabelEquals("mask"u8))
                {
                    counts.Mask++;
                }
            }

            var second = (long)(frame.Pts / 1_000_000_000UL);
            if (second != _lastSecond)
            {
                _lastSecond = second;
                log.LogInformation("t={Second}s source {Source}: mask={Mask} no-mask={NoMask} (so far)", second, frame.SourceId, counts.Mask, counts.NoMask);
            }

            if (options.Value.StopAfterSeconds is { } limit && frame.Pts >= limit * 1e9)
            {
                lifetime.StopApplication();
            }
        }
    }

    /// <summary>Totals per source, in source order.</summary>
    public IEnumerable<(uint Source, SourceCounts Counts)> Totals() =>
        _counts.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value));
}
