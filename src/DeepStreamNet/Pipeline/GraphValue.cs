using System.Globalization;

namespace DeepStreamNet.Pipeline;

/// <summary>A typed property value of a graph element (what will be passed to g_object_set).</summary>
public sealed record GraphValue
{
    private GraphValue(GraphValueKind kind, object value)
    {
        Kind = kind;
        Value = value;
    }

    public GraphValueKind Kind { get; }

    /// <summary>int, uint, long, ulong, double, bool or string, per <see cref="Kind"/>.</summary>
    public object Value { get; }

    public static GraphValue Of(int v) => new(GraphValueKind.Int, v);

    public static GraphValue OfUInt(uint v) => new(GraphValueKind.UInt, v);

    public static GraphValue Of(long v) => new(GraphValueKind.Int64, v);

    public static GraphValue OfUInt64(ulong v) => new(GraphValueKind.UInt64, v);

    public static GraphValue Of(double v) => new(GraphValueKind.Double, v);

    public static GraphValue Of(bool v) => new(GraphValueKind.Boolean, v);

    public static GraphValue Of(string v) => new(GraphValueKind.String, v);

    /// <summary>A caps string (set on capsfilter's <c>caps</c>).</summary>
    public static GraphValue Caps(string v) => new(GraphValueKind.Caps, v);

    /// <summary>An enum set by its nick or value (as gst-launch accepts).</summary>
    public static GraphValue Enum(string nick) => new(GraphValueKind.Enum, nick);

    public override string ToString() => Value switch
    {
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        string s when Kind == GraphValueKind.String => NeedsQuotes(s) ? $"\"{s.Replace("\"", "\\\"", StringComparison.Ordinal)}\"" : s,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Value.ToString() ?? "",
    };

    private static bool NeedsQuotes(string s) => s.Length == 0 || s.Any(c => char.IsWhiteSpace(c) || c is '"' or ',' or ';' or '!');
}
