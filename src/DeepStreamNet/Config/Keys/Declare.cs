namespace DeepStreamNet.Config;

/// <summary>Short constructors for the key tables (one line per key, like the C side's <c>KeyDef</c> rows).</summary>
internal static class Declare
{
    /// <summary>Integer key with a default and an optional range.</summary>
    public static Key<int> Int(string name, int @default = 0, double? min = null, double? max = null, string since = "5.0", KeyBackends on = KeyBackends.Both) =>
        new(name, KeyType.Int, @default, since) { Min = min, Max = max, Backends = on };

    /// <summary>Integer key whose absence means "not set" (another file or the element decides).</summary>
    public static Key<int?> OptionalInt(string name, double? min = null, double? max = null, string since = "5.0", KeyBackends on = KeyBackends.Both) =>
        new(name, KeyType.Int, null, since) { Min = min, Max = max, Backends = on };

    /// <summary>Integer enumeration: only <typeparamref name="TEnum"/>'s values are valid.</summary>
    public static Key<int?> Choice<TEnum>(string name, string what, string meaning, string since = "5.0")
        where TEnum : struct, Enum =>
        new(name, KeyType.Int, null, since) { Allowed = Enum.GetValues<TEnum>().Select(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray(), What = what, Meaning = meaning };

    /// <summary>Integer enumeration given as a value list.</summary>
    public static Key<int> Choice(string name, int @default, int[] allowed, string what, string meaning, string since = "5.0") =>
        new(name, KeyType.Int, @default, since) { Allowed = allowed, What = what, Meaning = meaning };

    /// <summary>Integer enumeration whose absence means "not set".</summary>
    public static Key<int?> OptionalChoice(string name, int[] allowed, string what, string meaning, string since = "5.0") =>
        new(name, KeyType.Int, null, since) { Allowed = allowed, What = what, Meaning = meaning };

    /// <summary>Integer read as on/off (0 = off).</summary>
    public static Key<bool> Flag(string name, bool @default = false, string since = "5.0", KeyBackends on = KeyBackends.Both) =>
        new(name, KeyType.IntBool, @default, since) { Backends = on };

    /// <summary>GKeyFile boolean (true/false/1/0).</summary>
    public static Key<bool> Bool(string name, bool @default = false, string since = "5.0", KeyBackends on = KeyBackends.Both) =>
        new(name, KeyType.Bool, @default, since) { Backends = on };

    /// <summary>GKeyFile boolean whose absence means "not set".</summary>
    public static Key<bool?> OptionalBool(string name, string since = "5.0", KeyBackends on = KeyBackends.Both) =>
        new(name, KeyType.Bool, null, since) { Backends = on };

    public static Key<long> Long(string name, long @default = 0, double? min = null, double? max = null, string since = "5.0") =>
        new(name, KeyType.Int64, @default, since) { Min = min, Max = max };

    public static Key<double> Double(string name, double @default = 0, double? min = null, double? max = null, string since = "5.0") =>
        new(name, KeyType.Double, @default, since) { Min = min, Max = max };

    public static Key<double?> OptionalDouble(string name, double? min = null, double? max = null, string since = "5.0") =>
        new(name, KeyType.Double, null, since) { Min = min, Max = max };

    public static Key<Rgba?> Colour(string name, Rgba? @default = null, string since = "5.0") => new(name, KeyType.Colour, @default, since);

    public static Key<string?> Text(string name, string since = "5.0", KeyBackends on = KeyBackends.Both) =>
        new(name, KeyType.String, null, since) { Backends = on };

    /// <summary>A file or folder, resolved against the config file's folder when relative.</summary>
    public static Key<string?> Path(string name, string since = "5.0", KeyBackends on = KeyBackends.Both) =>
        new(name, KeyType.Path, null, since) { Backends = on };

    public static Key<string?> Uri(string name) => new(name, KeyType.Uri, null);

    public static Key<IReadOnlyList<int>?> IntList(string name, double? min = null, double? max = null, string since = "5.0") =>
        new(name, KeyType.IntList, null, since) { Min = min, Max = max };

    public static Key<IReadOnlyList<double>?> DoubleList(string name) => new(name, KeyType.DoubleList, null);

    public static Key<IReadOnlyList<string>?> StringList(string name, string since = "5.0") => new(name, KeyType.StringList, null, since);

    /// <summary>A key 6.3 does not read: an unknown-key warning with <paramref name="why"/> as its hint.</summary>
    public static KeySpec NotRead(string name, KeyType type, string since, string why) => new(name, type, since, why);

    /// <summary>A key read with its type only (the model does not keep it).</summary>
    public static KeySpec Typed(string name, KeyType type, double? min = null, double? max = null, string since = "5.0", KeyBackends on = KeyBackends.Both) =>
        new(name, type, since) { Min = min, Max = max, Backends = on };
}
