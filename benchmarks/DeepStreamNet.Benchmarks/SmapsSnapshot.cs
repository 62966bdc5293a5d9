using System.Globalization;

namespace DeepStreamNet.Benchmarks;

/// <summary>
/// Resident kilobytes per memory mapping of this process (<c>/proc/self/smaps</c>), and the difference between two
/// snapshots: where resident growth lives (a malloc arena, a thread stack, a library's pages, the managed heap's
/// regions) when the totals alone cannot tell.
/// </summary>
internal sealed class SmapsSnapshot
{
    private readonly Dictionary<ulong, Mapping> _byStart;

    private SmapsSnapshot(Dictionary<ulong, Mapping> byStart) => _byStart = byStart;

    private readonly record struct Mapping(ulong Start, ulong End, string Name, long RssKb);

    public static SmapsSnapshot Take()
    {
        var maps = new Dictionary<ulong, Mapping>();
        Mapping? current = null;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var dash = line.IndexOf('-', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (dash > 0 && space > dash && ulong.TryParse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var start))
            {
                // "start-end perms offset dev inode   name"
                var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
                var end = ulong.Parse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                current = new Mapping(start, end, fields.Length > 5 ? fields[5].Trim() : "[anon]", 0);
                maps[start] = current.Value;
            }
            else if (current is { } m && line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line["Rss:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                maps[m.Start] = m with { RssKb = kb };
            }
        }

        return new SmapsSnapshot(maps);
    }

    /// <summary>Lines for the <paramref name="top"/> mappings whose resident size grew most since <paramref name="before"/>,
    /// plus what mappings that appeared or went away hold (thread stacks come and go).</summary>
    public IEnumerable<string> GrowthSince(SmapsSnapshot before, int top)
    {
        var grown = _byStart.Values
            .Select(m => (m, Delta: m.RssKb - (before._byStart.TryGetValue(m.Start, out var b) && b.End == m.End ? b.RssKb : 0),
                Existed: before._byStart.TryGetValue(m.Start, out var b2) && b2.End == m.End))
            .Where(x => x.Existed && x.Delta != 0)
            .OrderByDescending(x => x.Delta)
            .Take(top);
        foreach (var (m, delta, _) in grown)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{delta / 1024.0,+7:+0.0;-0.0} MB  {m.Name} ({(m.End - m.Start) / 1048576.0:F1} MB mapping at {m.Start:x}, {m.RssKb / 1024.0:F1} MB resident)");
        }

        var appeared = _byStart.Values.Where(m => !before._byStart.TryGetValue(m.Start, out var b) || b.End != m.End).ToList();
        var gone = before._byStart.Values.Where(m => !_byStart.TryGetValue(m.Start, out var a) || a.End != m.End).ToList();
        yield return string.Create(CultureInfo.InvariantCulture,
            $"mappings new or resized: {appeared.Count} holding {appeared.Sum(m => m.RssKb) / 1024.0:F1} MB; gone or resized: {gone.Count} that held {gone.Sum(m => m.RssKb) / 1024.0:F1} MB");
    }
}
