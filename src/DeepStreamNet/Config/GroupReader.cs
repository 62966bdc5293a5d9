namespace DeepStreamNet.Config;

/// <summary>
/// Typed access to one group with deepstream-app's reading rules. <see cref="CheckKeys"/> reads every key
/// once by its schema type (so every type error and unknown key is reported, even for keys the model does not
/// keep); the typed getters then return the value, or the fallback when the key is absent or was invalid.
/// </summary>
public sealed class GroupReader
{
    private readonly ValidationReport _report;
    private readonly HashSet<string> _invalid = new(StringComparer.Ordinal);

    public GroupReader(KeyFileGroup group, GroupKind kind, string baseDirectory, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(report);
        Group = group;
        Kind = kind;
        BaseDirectory = baseDirectory;
        _report = report;
    }

    public KeyFileGroup Group { get; }

    public GroupKind Kind { get; }

    /// <summary>Absolute folder relative paths are resolved against.</summary>
    public string BaseDirectory { get; }

    /// <summary>Reports unknown keys (deepstream-app's wording) and type errors of every key of the group.</summary>
    /// <param name="unknownKey">Message for an unknown key, given key and group.</param>
    public void CheckKeys(Func<string, string, string> unknownKey, Func<string, KeySpec?> lookup)
    {
        ArgumentNullException.ThrowIfNull(unknownKey);
        ArgumentNullException.ThrowIfNull(lookup);
        foreach (var entry in Group.Entries)
        {
            var spec = lookup(entry.Key);
            if (spec is null)
            {
                _report.Warning(entry.Origin, entry.Line, Group.Name, entry.Key, unknownKey(entry.Key, Group.Name), SpellingHint(entry.Key));
                continue;
            }

            if (spec.NotIn63 is not null)
            {
                _report.Warning(entry.Origin, entry.Line, Group.Name, entry.Key, unknownKey(entry.Key, Group.Name), spec.NotIn63);
                continue;
            }

            if (!ReferenceEquals(Group.Find(entry.Key), entry))
            {
                continue; // a repeated key: only the last value is read
            }

            try
            {
                Parse(spec.Type, entry.RawValue);
            }
            catch (FormatException ex)
            {
                _invalid.Add(entry.Key);
                _report.Error(entry.Origin, entry.Line, Group.Name, entry.Key, ex.Message, TypeHint(spec.Type));
            }
        }
    }

    /// <summary>File and line of a key (its last value), or of the group header when absent.</summary>
    public (string File, int Line) Where(string key)
    {
        var e = Group.Find(key);
        return e is null ? (Group.Origin, Group.Line) : (e.Origin, e.Line);
    }

    /// <summary>True when the key is present but its value does not parse as <paramref name="type"/> (already reported).</summary>
    public bool IsMalformed(string key, KeyType type)
    {
        if (Group.Find(key) is not { } e)
        {
            return false;
        }

        try
        {
            Parse(type, e.RawValue);
            return false;
        }
        catch (FormatException)
        {
            return true;
        }
    }

    public bool Has(string key) => Group.Contains(key) && !_invalid.Contains(key);

    public int? GetInt(string key) => Get(key, s => (int?)KeyFileValues.ParseInt(s));

    public int GetInt(string key, int fallback) => GetInt(key) ?? fallback;

    public long? GetInt64(string key) => Get(key, s => (long?)KeyFileValues.ParseInt64(s));

    /// <summary>Integer on/off (0 = off, anything else = on).</summary>
    public bool GetIntBool(string key, bool fallback) => GetInt(key) is { } v ? v != 0 : fallback;

    public bool? GetBool(string key) => Get(key, s => (bool?)KeyFileValues.ParseBool(s));

    public bool GetBool(string key, bool fallback) => GetBool(key) ?? fallback;

    public double? GetDouble(string key) => Get(key, s => (double?)KeyFileValues.ParseDouble(s));

    public Rgba? GetColour(string key) => Get(key, s => (Rgba?)KeyFileValues.ParseColour(s));

    public string? GetString(string key) => Get(key, KeyFileValues.ParseString);

    public string? GetPath(string key) => Get(key, s => ConfigPaths.Resolve(KeyFileValues.ParseString(s), BaseDirectory));

    public string? GetUri(string key) => Get(key, s => ConfigPaths.ResolveUri(KeyFileValues.ParseString(s), BaseDirectory));

    public IReadOnlyList<int>? GetIntList(string key) => Get(key, KeyFileValues.ParseIntList);

    public IReadOnlyList<string>? GetStringList(string key) => Get(key, KeyFileValues.ParseStringList);

    /// <summary>Every present <c>prefix&lt;N&gt;</c> colour key, by N.</summary>
    public IReadOnlyDictionary<int, Rgba> NumberedColours(string prefix)
    {
        var result = new SortedDictionary<int, Rgba>();
        foreach (var key in Group.Keys)
        {
            if (ConfigSchema.ColourClass(key, prefix) is { } n && GetColour(key) is { } c)
            {
                result[n] = c;
            }
        }

        return result;
    }

    /// <summary>Reports an error located at <paramref name="key"/> (or the group header when absent).</summary>
    public void Error(string? key, string message, string? hint = null)
    {
        var (file, line) = key is null ? (Group.Origin, Group.Line) : Where(key);
        _report.Error(file, line, Group.Name, key, message, hint);
    }

    /// <summary>Reports a warning located at <paramref name="key"/> (or the group header when absent).</summary>
    public void Warning(string? key, string message, string? hint = null)
    {
        var (file, line) = key is null ? (Group.Origin, Group.Line) : Where(key);
        _report.Warning(file, line, Group.Name, key, message, hint);
    }

    /// <summary>Reads an integer enum; undefined values are reported and give null.</summary>
    public TEnum? Enum<TEnum>(string key, string what, string allowed)
        where TEnum : struct, System.Enum
    {
        if (GetInt(key) is not { } v)
        {
            return null;
        }

        var e = (TEnum)(object)v;
        if (!System.Enum.IsDefined(e))
        {
            Error(key, $"{v} is not a valid {what}", $"valid values: {allowed}");
            return null;
        }

        return e;
    }

    internal static void Parse(KeyType type, string raw)
    {
        switch (type)
        {
            case KeyType.Int or KeyType.IntBool: KeyFileValues.ParseInt(raw); break;
            case KeyType.Bool: KeyFileValues.ParseBool(raw); break;
            case KeyType.Int64: KeyFileValues.ParseInt64(raw); break;
            case KeyType.Double: KeyFileValues.ParseDouble(raw); break;
            case KeyType.Colour: KeyFileValues.ParseColour(raw); break;
            case KeyType.IntList: KeyFileValues.ParseIntList(raw); break;
            case KeyType.DoubleList: KeyFileValues.ParseDoubleList(raw); break;
            case KeyType.StringList: KeyFileValues.ParseStringList(raw); break;
            default: KeyFileValues.ParseString(raw); break;
        }
    }

    internal static string? TypeHint(KeyType type) => type switch
    {
        KeyType.Int or KeyType.IntBool => "expected a decimal integer (comments must be on their own line starting with '#')",
        KeyType.Bool => "expected true, false, 1 or 0",
        KeyType.Int64 => "expected a decimal integer with nothing after it",
        KeyType.Double => "expected a number like 0.5, with nothing after it",
        KeyType.Colour => "expected r;g;b;a, four numbers 0-1, e.g. 1;0;0;1",
        KeyType.IntList => "expected integers separated by ';', e.g. 0;2",
        KeyType.DoubleList => "expected numbers separated by ';', e.g. 0.5;0.5",
        _ => "write a backslash as \\\\",
    };

    private string? SpellingHint(string key)
    {
        var best = ConfigSchema.KeysOf(Kind).Where(k => k.NotIn63 is null).Select(k => k.Name)
            .Select(n => (Name: n, Distance: EditDistance(n, key))).OrderBy(t => t.Distance).FirstOrDefault();
        return best.Name is not null && best.Distance <= 2 ? $"did you mean '{best.Name}'?" : null;
    }

    private T? Get<T>(string key, Func<string, T> parse)
    {
        var entry = Group.Find(key);
        if (entry is null || _invalid.Contains(key))
        {
            return default;
        }

        try
        {
            return parse(entry.RawValue);
        }
        catch (FormatException ex)
        {
            // Reached only for keys read with a type other than their schema type (CheckKeys already reported the rest).
            _invalid.Add(key);
            _report.Error(entry.Origin, entry.Line, Group.Name, key, ex.Message);
            return default;
        }
    }

    internal static int EditDistance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
