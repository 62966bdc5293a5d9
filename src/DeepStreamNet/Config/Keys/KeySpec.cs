namespace DeepStreamNet.Config;

/// <summary>
/// The one declaration of a key: its type, which backends read it, its valid range and, for keys that 6.3 does
/// not read, why. The reader type-checks and range-checks every key by it; <see cref="Key{T}"/> adds the default
/// the records use.
/// </summary>
/// <param name="Name">Key name.</param>
/// <param name="Type">How it is read.</param>
/// <param name="Since">First DeepStream release whose parser reads it.</param>
/// <param name="NotIn63">When set, 6.3 does not read the key (removed, renamed, newer or never parsed): the
/// note becomes the hint of an unknown-key warning.</param>
public record KeySpec(string Name, KeyType Type, string Since = "5.0", string? NotIn63 = null)
{
    /// <summary>Backends on which the key has an effect.</summary>
    public KeyBackends Backends { get; init; } = KeyBackends.Both;

    /// <summary>Smallest valid value (numbers, and each element of an integer list); null = no bound.</summary>
    public double? Min { get; init; }

    /// <summary>Largest valid value; null = no bound.</summary>
    public double? Max { get; init; }

    /// <summary>For enumerations: the valid values. Any other is an error "N is not a valid <see cref="What"/>".</summary>
    public IReadOnlyList<int>? Allowed { get; init; }

    /// <summary>What an enumeration value is (for messages), e.g. "source type".</summary>
    public string? What { get; init; }

    /// <summary>The valid values with their meaning, e.g. "0 (CPU), 1 (GPU)"; also the hint of a range error.</summary>
    public string? Meaning { get; init; }

    /// <summary>The default as an object (null when the key has none: absent means "not set").</summary>
    public virtual object? DefaultValue => null;

    /// <summary>The range error for <paramref name="value"/>, or null when it is valid.</summary>
    public string? RangeError(double value)
    {
        if (Allowed is { } allowed)
        {
            return allowed.Any(a => a == value) ? null : $"{Format(value)} is not a valid {What ?? Name}";
        }

        if (value < Min || value > Max)
        {
            return $"{Name}={Format(value)} is out of range: {RangeText}";
        }

        return null;
    }

    /// <summary>The valid range in words, e.g. "1..1024", ">= 0"; null when unbounded.</summary>
    public string? RangeText => (Min, Max) switch
    {
        ({ } lo, { } hi) => $"{Format(lo)}..{Format(hi)}",
        ({ } lo, null) => $">= {Format(lo)}",
        (null, { } hi) => $"<= {Format(hi)}",
        _ => null,
    };

    /// <summary>The CLR type a <see cref="KeyType"/> is read as.</summary>
    internal static Type ClrTypeOf(KeyType type) => type switch
    {
        KeyType.Int => typeof(int),
        KeyType.IntBool or KeyType.Bool => typeof(bool),
        KeyType.Int64 => typeof(long),
        KeyType.Double => typeof(double),
        KeyType.Colour => typeof(Rgba),
        KeyType.String or KeyType.Path or KeyType.Uri => typeof(string),
        KeyType.IntList => typeof(IReadOnlyList<int>),
        KeyType.DoubleList => typeof(IReadOnlyList<double>),
        _ => typeof(IReadOnlyList<string>),
    };

    private static string Format(double v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
