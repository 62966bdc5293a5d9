using System.Text;
using System.Text.RegularExpressions;

namespace DeepStreamNet.Tests.Fuzz;

/// <summary>What a mutant must be judged invalid for (beyond "no exception, no hang").</summary>
internal enum Expectation
{
    /// <summary>Any verdict is fine as long as it is reached cleanly.</summary>
    Any,

    /// <summary>The mutant names a file no reader can take (FIFO, device, directory, missing, oversized) in a key that reads it.</summary>
    BrokenFile,

    /// <summary>The mutant puts a value that is no integer (NaN, 1e309, 2^63, a huge string) into an integer key.</summary>
    BrokenInteger,
}

/// <summary>One mutant: its bytes, what was done (for the failure message) and what it must be judged.</summary>
internal sealed record Mutant(byte[] Bytes, string Description, Expectation Expect, string? Group, string? Key);

/// <summary>
/// Mutations of a GLib key file as bytes: line edits (delete, duplicate, swap, move), numbers set to boundaries,
/// paths pointed at hostile files, and byte-level damage (BOM, non-UTF-8, NUL, truncation, a huge line, CR endings,
/// absurd group names). Deterministic for a given <see cref="Random"/> seed.
/// </summary>
internal static partial class ConfigMutator
{
    private static readonly string[] Boundaries =
    [
        "0", "-1", "2147483647", "2147483648", "-2147483649", "4294967296", "9223372036854775807", "9223372036854775808",
        "18446744073709551616", "-9223372036854775809", "NaN", "nan", "inf", "-inf", "1e309", "-1e309", "1e-400", "0x7fffffff",
        "+5", "1.5", " 3 ", "3;", ";", "", "99999999999999999999999999999999999999",
    ];

    private static readonly string[] NotIntegers = ["NaN", "1e309", "9223372036854775808", "18446744073709551616", "2147483648", "x"];

    private static readonly string[] FileKeys =
    [
        "config-file", "ll-config-file", "labelfile-path", "msg-conv-config", "onnx-file", "config-file-path",
    ];

    public static Mutant Mutate(byte[] original, Random random, HostileFiles hostile)
    {
        var text = Encoding.UTF8.GetString(original);
        var lines = text.Split('\n').ToList();
        var kind = random.Next(16);
        return kind switch
        {
            0 => Lines(lines, random, "delete", (l, i, _) => l.RemoveAt(i)),
            1 => Lines(lines, random, "duplicate", (l, i, _) => l.Insert(i, l[i])),
            2 => Lines(lines, random, "swap", (l, i, r) =>
            {
                var j = r.Next(l.Count);
                (l[i], l[j]) = (l[j], l[i]);
            }),
            3 => Lines(lines, random, "move", (l, i, r) =>
            {
                var line = l[i];
                l.RemoveAt(i);
                l.Insert(r.Next(l.Count + 1), line);
            }),
            4 or 5 or 6 => Number(lines, random),
            7 or 8 or 9 => PathValue(lines, random, hostile),
            10 => Bytes(original, random),
            11 => GroupName(lines, random),
            12 => Value(lines, random, new string('9', 100_000), "100,000 digits"),
            13 => Value(lines, random, new string('x', 1 << 20), "1 MiB string"),
            14 => Stacked(original, random, hostile),
            _ => Value(lines, random, Boundaries[random.Next(Boundaries.Length)] + ";" + Boundaries[random.Next(Boundaries.Length)], "list of boundaries"),
        };
    }

    private static Mutant Stacked(byte[] original, Random random, HostileFiles hostile)
    {
        var bytes = original;
        var parts = new List<string>();
        for (var n = 2 + random.Next(3); n > 0; n--)
        {
            var m = Mutate(bytes, random, hostile);
            bytes = m.Bytes;
            parts.Add(m.Description);
        }

        return new Mutant(bytes, "stacked: " + string.Join(" + ", parts), Expectation.Any, null, null);
    }

    private static Mutant Lines(List<string> lines, Random random, string what, Action<List<string>, int, Random> edit)
    {
        var i = random.Next(lines.Count);
        var before = lines[i];
        edit(lines, i, random);
        return Text(lines, $"{what} line {i + 1} ({Short(before)})");
    }

    private static Mutant Number(List<string> lines, Random random)
    {
        var candidates = Indexes(lines, l => Assignment().Match(l) is { Success: true } m && Digits().IsMatch(m.Groups["value"].Value));
        if (candidates.Count == 0)
        {
            return Value(lines, random, Boundaries[random.Next(Boundaries.Length)], "boundary");
        }

        var i = candidates[random.Next(candidates.Count)];
        var m = Assignment().Match(lines[i]);
        var key = m.Groups["key"].Value.Trim();
        var value = m.Groups["value"].Value;
        var numbers = Digits().Matches(value);
        var pick = numbers[random.Next(numbers.Count)];
        var whole = numbers.Count == 1 && pick.Value == value.Trim();
        var broken = whole && random.Next(2) == 0;
        var boundary = broken ? NotIntegers[random.Next(NotIntegers.Length)] : Boundaries[random.Next(Boundaries.Length)];
        var replaced = value[..pick.Index] + boundary + value[(pick.Index + pick.Length)..];
        lines[i] = m.Groups["key"].Value + "=" + replaced;
        var group = GroupOf(lines, i);
        var expect = broken && !pick.Value.Contains('.', StringComparison.Ordinal) ? Expectation.BrokenInteger : Expectation.Any;
        return Text(lines, $"line {i + 1}: {key}={Short(value)} -> {Short(replaced)}") with { Expect = expect, Group = group, Key = key };
    }

    private static Mutant PathValue(List<string> lines, Random random, HostileFiles hostile)
    {
        var candidates = Indexes(lines, l => Assignment().Match(l) is { Success: true } m && LooksLikePath(m.Groups["key"].Value.Trim(), m.Groups["value"].Value));
        if (candidates.Count == 0)
        {
            return Number(lines, random);
        }

        var i = candidates[random.Next(candidates.Count)];
        var m = Assignment().Match(lines[i]);
        var key = m.Groups["key"].Value.Trim();
        var target = hostile.All[random.Next(hostile.All.Count)];
        var uri = m.Groups["value"].Value.TrimStart().StartsWith("file://", StringComparison.Ordinal);
        lines[i] = m.Groups["key"].Value + "=" + (uri ? "file://" + target : target);
        var expect = !uri && FileKeys.Contains(key) && hostile.NeverReadable.Contains(target) ? Expectation.BrokenFile : Expectation.Any;
        return Text(lines, $"line {i + 1}: {key} -> {target}") with { Expect = expect, Group = GroupOf(lines, i), Key = key };
    }

    private static Mutant Value(List<string> lines, Random random, string value, string what)
    {
        var candidates = Indexes(lines, l => Assignment().IsMatch(l));
        if (candidates.Count == 0)
        {
            lines.Add("k=" + value);
            return Text(lines, $"appended k={what}");
        }

        var i = candidates[random.Next(candidates.Count)];
        var m = Assignment().Match(lines[i]);
        lines[i] = m.Groups["key"].Value + "=" + value;
        var digits = value.Length > 0 && value.All(char.IsAsciiDigit);
        return Text(lines, $"line {i + 1}: {m.Groups["key"].Value.Trim()} -> {what}") with
        {
            Expect = digits ? Expectation.BrokenInteger : Expectation.Any,
            Group = GroupOf(lines, i),
            Key = m.Groups["key"].Value.Trim(),
        };
    }

    private static Mutant GroupName(List<string> lines, Random random)
    {
        string[] names =
        [
            "[source2147483648]", "[source99999999999999999999]", "[source-1]", "[source]", "[sink4294967296]", "[secondary-gie999999999999]",
            "[source0", "[]", "[[source0]]", "[source0] x", "[sou\u00e9rce0]", "[tiled-display]", "[application]", "[streammux]",
        ];
        var headers = Indexes(lines, l => l.StartsWith('['));
        var name = names[random.Next(names.Length)];
        if (headers.Count > 0 && random.Next(2) == 0)
        {
            var i = headers[random.Next(headers.Count)];
            var before = lines[i];
            lines[i] = name;
            return Text(lines, $"line {i + 1}: {Short(before)} -> {name}");
        }

        var at = random.Next(lines.Count + 1);
        lines.Insert(at, name);
        return Text(lines, $"inserted {name} at line {at + 1}");
    }

    private static Mutant Bytes(byte[] original, Random random)
    {
        var at = original.Length == 0 ? 0 : random.Next(original.Length);
        var (bytes, what) = random.Next(8) switch
        {
            0 => ((byte[])[0xEF, 0xBB, 0xBF, .. original], "BOM"),
            1 => (Insert(original, at, [0xFF, 0xFE, 0xC3]), $"non-UTF-8 bytes at {at}"),
            2 => (Insert(original, at, [0]), $"NUL at {at}"),
            3 => (original[..at], $"truncated at {at}"),
            4 => (Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(original).Replace('\n', '\r')), "CR line ends"),
            5 => (Insert(original, at, Encoding.ASCII.GetBytes("\n" + new string('a', 200_000) + "\n")), $"200,000-character line at {at}"),
            6 => (Insert(original, at, [0xE2, 0x80]), $"cut UTF-8 sequence at {at}"),
            _ => (Insert(original, at, Encoding.UTF8.GetBytes("\\")), $"backslash at {at}"),
        };
        return new Mutant(bytes, what, Expectation.Any, null, null);
    }

    private static byte[] Insert(byte[] original, int at, byte[] inserted) => [.. original[..at], .. inserted, .. original[at..]];

    private static bool LooksLikePath(string key, string value) =>
        key.Contains("file", StringComparison.Ordinal) || key.Contains("path", StringComparison.Ordinal) || key is "uri" or "msg-conv-config"
        || value.Contains('/', StringComparison.Ordinal) || PathExtension().IsMatch(value.Trim());

    private static string? GroupOf(List<string> lines, int i)
    {
        for (var j = i; j >= 0; j--)
        {
            if (lines[j].StartsWith('[') && lines[j].TrimEnd().EndsWith(']'))
            {
                return lines[j].Trim()[1..^1];
            }
        }

        return null;
    }

    private static List<int> Indexes(List<string> lines, Func<string, bool> predicate) =>
        Enumerable.Range(0, lines.Count).Where(i => predicate(lines[i])).ToList();

    private static Mutant Text(List<string> lines, string what) =>
        new(Encoding.UTF8.GetBytes(string.Join('\n', lines)), what, Expectation.Any, null, null);

    private static string Short(string s) => s.Length <= 60 ? s.Trim() : s[..57].Trim() + "...";

    [GeneratedRegex(@"^(?<key>[ \t]*[A-Za-z0-9_.-]+[ \t]*)=(?<value>[^\r\n]*)$")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\.(txt|yml|yaml|onnx|so|engine|mp4|csv|json|etlt|bin|cache|jpg|png)$")]
    private static partial Regex PathExtension();
}
