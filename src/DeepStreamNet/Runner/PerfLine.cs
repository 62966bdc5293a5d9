using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DeepStreamNet.Runner;

/// <summary>One stream's figures on a <c>**PERF</c> line: frames/s over the last interval and since its first frame.</summary>
public readonly record struct PerfSample(double Current, double Average);

/// <summary>
/// deepstream-app's <c>**PERF</c> lines, which the runner prints every <c>perf-measurement-interval-sec</c>: a header
/// <c>**PERF:  FPS 0 (Avg)\tFPS 1 (Avg)\t…</c>, then <c>**PERF:  25.02 (24.87)\t24.96 (24.90)\t…</c>. The one place
/// that writes and reads the format (the perf probe writes it, <c>dsnet bench</c> and scripts read it).
/// </summary>
public static partial class PerfLine
{
    /// <summary>What every line starts with.</summary>
    public const string Prefix = "**PERF:  ";

    /// <summary>The header line for <paramref name="streams"/> streams.</summary>
    public static string Header(int streams)
    {
        var s = new StringBuilder(Prefix);
        for (var i = 0; i < streams; i++)
        {
            s.Append(CultureInfo.InvariantCulture, $"FPS {i} (Avg)\t");
        }

        return s.ToString();
    }

    /// <summary>The values line: each stream's current and average frames/s with two decimals.</summary>
    public static string Values(ReadOnlySpan<PerfSample> streams)
    {
        var s = new StringBuilder(Prefix);
        foreach (var p in streams)
        {
            s.Append(CultureInfo.InvariantCulture, $"{p.Current:F2} ({p.Average:F2})\t");
        }

        return s.ToString();
    }

    /// <summary>Reads a values line; false for a header or any other line.</summary>
    public static bool TryParse(string line, out PerfSample[] streams)
    {
        var m = ValuesLine().Match(line);
        if (!m.Success)
        {
            streams = [];
            return false;
        }

        var current = m.Groups["cur"].Captures;
        var average = m.Groups["avg"].Captures;
        streams = new PerfSample[current.Count];
        for (var i = 0; i < streams.Length; i++)
        {
            streams[i] = new PerfSample(
                double.Parse(current[i].Value, CultureInfo.InvariantCulture),
                double.Parse(average[i].Value, CultureInfo.InvariantCulture));
        }

        return true;
    }

    [GeneratedRegex(@"^\*\*PERF:\s+(?:(?<cur>[0-9]+(?:\.[0-9]+)?) \((?<avg>[0-9]+(?:\.[0-9]+)?)\)\s*)+$")]
    private static partial Regex ValuesLine();
}
