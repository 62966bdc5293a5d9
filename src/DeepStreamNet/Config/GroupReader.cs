namespace DeepStreamNet.Config;

/// <summary>
/// Typed access to one group with deepstream-app's reading rules. <see cref="CheckKeys"/> reads every key
/// once by its declaration (<see cref="KeySpec"/>: type and range), so every type error, range error and unknown
/// key is reported, even for keys the model does not keep; <see cref="Value{T}(Key{T})"/> then returns the value,
/// or the key's declared default when it is absent or was invalid.
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

            if (Problem(spec, entry) is { } problem)
            {
                _invalid.Add(entry.Key);
                _report.Error(entry.Origin, entry.Line, Group.Name, entry.Key, problem.Message, problem.Hint);
            }
        }
    }

    /// <summary>Why <paramref name="entry"/>'s value is not valid for <paramref name="spec"/> (encoding, type, range), or null.</summary>
    internal static (string Message, string? Hint)? Problem(KeySpec spec, KeyFileEntry entry)
    {
        if (!entry.IsUtf8 && spec.Type is KeyType.String or KeyType.Path or KeyType.Uri or KeyType.StringList)
        {
            return ($"value '{entry.RawValue}' is not valid UTF-8", "GLib reads strings only from UTF-8: save the file as UTF-8");
        }

        return Problem(spec, entry.RawValue);
    }

    /// <summary>Why <paramref name="raw"/> is not a valid value of <paramref name="spec"/> (type, then range), or null.</summary>
    internal static (string Message, string? Hint)? Problem(KeySpec spec, string raw)
    {
        try
        {
            Parse(spec.Type, raw);
        }
        catch (FormatException ex)
        {
            return (ex.Message, TypeHint(spec.Type));
        }

        if (spec.Min is null && spec.Max is null && spec.Allowed is null)
        {
            return null;
        }

        foreach (var value in NumbersOf(spec.Type, raw))
        {
            if (double.IsNaN(value) || spec.RangeError(value) is not null)
            {
                var message = double.IsNaN(value) ? $"{spec.Name}=NaN is not a number" : spec.RangeError(value)!;
                var hint = spec.Allowed is not null ? $"valid values: {spec.Meaning}" : spec.Meaning ?? $"valid range: {spec.RangeText}";
                return (message, hint);
            }
        }

        return null;
    }

    private static IEnumerable<double> NumbersOf(KeyType type, string raw) => type switch
    {
        KeyType.Int => [KeyFileValues.ParseInt(raw)],
        KeyType.Int64 => [KeyFileValues.ParseInt64(raw)],
        KeyType.Double => [KeyFileValues.ParseDouble(raw)],
        KeyType.IntList => KeyFileValues.ParseIntList(raw).Select(v => (double)v),
        KeyType.DoubleList => KeyFileValues.ParseDoubleList(raw),
        _ => [],
    };

    /// <summary>File and line of a key (its last value), or of the group header when absent.</summary>
    public (string File, int Line) Where(string key)
    {
        var e = Group.Find(key);
        return e is null ? (Group.Origin, Group.Line) : (e.Origin, e.Line);
    }

    /// <summary>True when the key is present but its value does not parse as <paramref name="type"/> or is out of its
    /// declared range (already reported by <see cref="CheckKeys"/>).</summary>
    public bool IsMalformed(string key, KeyType type)
    {
        if (Group.Find(key) is not { } e)
        {
            return false;
        }

        var spec = ConfigSchema.Find(Kind, key) is { } declared && declared.Type == type ? declared : new KeySpec(key, type);
        return Problem(spec, e) is not null;
    }

    /// <summary>The key's value, or its declared default when absent or invalid (the invalid value was reported).</summary>
    public T Value<T>(Key<T> key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Value(key, key.Default);
    }

    /// <summary>The key's value, or <paramref name="fallback"/> when absent or invalid (for groups applied over others).</summary>
    public T Value<T>(Key<T> key, T fallback)
    {
        ArgumentNullException.ThrowIfNull(key);
        var entry = Group.Find(key.Name);
        if (entry is null || _invalid.Contains(key.Name))
        {
            return fallback;
        }

        try
        {
            return (T)Convert(key.Type, entry.RawValue)!;
        }
        catch (FormatException ex)
        {
            // Reached only when CheckKeys did not run on this reader (it reports and marks invalid values first).
            _invalid.Add(key.Name);
            _report.Error(entry.Origin, entry.Line, Group.Name, key.Name, ex.Message, TypeHint(key.Type));
            return fallback;
        }
    }

    /// <summary>An integer enumeration key as <typeparamref name="TEnum"/>; null when absent or invalid (the declaration's
    /// allowed values are the enum's, see <see cref="Declare.Choice{TEnum}"/>).</summary>
    public TEnum? Enum<TEnum>(Key<int?> key)
        where TEnum : struct, System.Enum =>
        Value(key) is { } v && System.Enum.IsDefined((TEnum)(object)v) ? (TEnum)(object)v : null;

    /// <summary>The key's value as an object, or null when absent or invalid.</summary>
    internal object? ValueOf(KeySpec spec)
    {
        if (Group.Find(spec.Name) is not { } entry || Problem(spec, entry) is not null)
        {
            return null;
        }

        return Convert(spec.Type, entry.RawValue);
    }

    private object? Convert(KeyType type, string raw) => type switch
    {
        KeyType.Int => KeyFileValues.ParseInt(raw),
        KeyType.IntBool => KeyFileValues.ParseInt(raw) != 0,
        KeyType.Bool => KeyFileValues.ParseBool(raw),
        KeyType.Int64 => KeyFileValues.ParseInt64(raw),
        KeyType.Double => KeyFileValues.ParseDouble(raw),
        KeyType.Colour => KeyFileValues.ParseColour(raw),
        KeyType.String => KeyFileValues.ParseString(raw),
        KeyType.Path => ConfigPaths.Resolve(KeyFileValues.ParseString(raw), BaseDirectory),
        KeyType.Uri => ConfigPaths.ResolveUri(KeyFileValues.ParseString(raw), BaseDirectory),
        KeyType.IntList => KeyFileValues.ParseIntList(raw),
        KeyType.DoubleList => KeyFileValues.ParseDoubleList(raw),
        _ => KeyFileValues.ParseStringList(raw),
    };

    public bool Has(string key) => Group.Contains(key) && !_invalid.Contains(key);

    /// <summary>Every present <c>prefix&lt;N&gt;</c> colour key, by N.</summary>
    public IReadOnlyDictionary<int, Rgba> NumberedColours(string prefix)
    {
        var result = new SortedDictionary<int, Rgba>();
        foreach (var key in Group.Keys)
        {
            if (ConfigSchema.ColourClass(key, prefix) is { } n && Value(Declare.Colour(key)) is { } c)
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
