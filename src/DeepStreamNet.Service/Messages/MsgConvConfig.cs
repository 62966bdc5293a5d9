using System.Globalization;
using DeepStreamNet.Config;

namespace DeepStreamNet.Service.Messages;

/// <summary>
/// A message-converter config file (nvmsgconv <c>config</c>, sink key <c>msg-conv-config</c>): the enabled
/// <c>[sensorN]</c>, <c>[placeN]</c> and <c>[analyticsN]</c> groups of a GKeyFile, or the CSV form (one row per id).
/// Read with DeepStream 6.3's rules: a group prefix without a number fails the file, disabled groups are ignored,
/// a duplicate id is an error, <c>location</c>/<c>coordinate</c> need exactly three numbers, quotes stay literal.
/// </summary>
public sealed class MsgConvConfig
{
    private const string SensorPrefix = "sensor";
    private const string PlacePrefix = "place";
    private const string AnalyticsPrefix = "analytics";

    /// <summary>Enabled <c>[sensorN]</c> groups by N.</summary>
    public Dictionary<int, SensorInfo> Sensors { get; } = [];

    /// <summary>Enabled <c>[placeN]</c> groups by N.</summary>
    public Dictionary<int, PlaceInfo> Places { get; } = [];

    /// <summary>Enabled <c>[analyticsN]</c> groups by N.</summary>
    public Dictionary<int, AnalyticsInfo> Analytics { get; } = [];

    /// <summary>An empty config (minimal schema without a file).</summary>
    public static MsgConvConfig Empty { get; } = new();

    /// <summary>Reads <paramref name="path"/>; problems are <see cref="KeyFileException"/>s naming file, group, key and line.</summary>
    public static MsgConvConfig Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is ".yml" or ".yaml")
        {
            throw new KeyFileException(path, 0, null, null, "YAML message-converter configs are not supported by the portable converter; write the same groups as a key file ([sensor0] enable=1 id=…)");
        }

        return ext == ".csv" ? MsgConvCsv.Load(path) : FromKeyFile(KeyFile.Load(path));
    }

    private static MsgConvConfig FromKeyFile(KeyFile file)
    {
        var config = new MsgConvConfig();
        foreach (var g in file.Groups)
        {
            var (prefix, id) = Split(g);
            if (prefix is null || !Bool(g, "enable"))
            {
                continue; // unknown groups are ignored, as nvmsgconv does (it only logs them)
            }

            var added = prefix switch
            {
                SensorPrefix => config.Sensors.TryAdd(id, new SensorInfo(Str(g, "id"), Str(g, "type"), Str(g, "description"), Triple(g, "location"), Triple(g, "coordinate"))),
                PlacePrefix => config.Places.TryAdd(id, new PlaceInfo(Str(g, "id"), Str(g, "name"), Str(g, "type"), Triple(g, "location"), Triple(g, "coordinate"),
                    Str(g, "place-sub-field1"), Str(g, "place-sub-field2"), Str(g, "place-sub-field3"))),
                _ => config.Analytics.TryAdd(id, new AnalyticsInfo(Str(g, "id"), Str(g, "description"), Str(g, "source"), Str(g, "version"))),
            };
            if (!added)
            {
                throw new KeyFileException(g.Origin, g.Line, g.Name, null, $"duplicate {prefix} id {id}");
            }
        }

        return config;
    }

    private static (string? Prefix, int Id) Split(KeyFileGroup g)
    {
        foreach (var prefix in new[] { SensorPrefix, PlacePrefix, AnalyticsPrefix })
        {
            if (!g.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var digits = g.Name[prefix.Length..];
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                throw new KeyFileException(g.Origin, g.Line, g.Name, null, $"group name must be {prefix}<N> with a decimal N (e.g. [{prefix}0])");
            }

            return (prefix, id);
        }

        return (null, 0);
    }

    private static bool Bool(KeyFileGroup g, string key) => g.Contains(key) && Parse(g, key, KeyFileValues.ParseBool);

    private static string Str(KeyFileGroup g, string key) => Parse(g, key, KeyFileValues.ParseString) ?? string.Empty;

    private static Triple Triple(KeyFileGroup g, string key)
    {
        var list = Parse(g, key, KeyFileValues.ParseDoubleList);
        if (list is null)
        {
            return default;
        }

        if (list.Count != 3)
        {
            var e = g.Find(key)!;
            throw new KeyFileException(e.Origin, e.Line, g.Name, key, $"needs exactly 3 numbers separated by ';' (got {list.Count})");
        }

        return new Triple(list[0], list[1], list[2]);
    }

    private static T? Parse<T>(KeyFileGroup g, string key, Func<string, T> parse)
    {
        if (g.Find(key) is not { } e)
        {
            return default;
        }

        try
        {
            return parse(e.RawValue);
        }
        catch (FormatException ex)
        {
            throw new KeyFileException(e.Origin, e.Line, g.Name, key, ex.Message, ex);
        }
    }
}
