using System.Globalization;
using System.Text;

namespace DeepStreamNet.Config;

/// <summary>
/// GLib 2.74's typed value rules (g_key_file_get_integer/double/boolean/string/..._list) over raw values.
/// Each method throws <see cref="FormatException"/> whose message is the reason only; callers add the location.
/// </summary>
public static class KeyFileValues
{
    /// <summary>g_key_file_get_integer: strtol base 10; the number may be followed by whitespace and then
    /// anything (<c>1280 #640</c> = 1280) but not directly by other text (<c>960#480</c>, <c>0x10</c>, <c>1.5</c>).</summary>
    public static int ParseInt(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var (value, _) = ParseLeadingInteger(raw, allowTrailingText: true);
        if (value is < int.MinValue or > int.MaxValue)
        {
            throw new FormatException($"integer value '{raw}' out of range");
        }

        return (int)value;
    }

    /// <summary>g_key_file_get_uint64 / int64: the whole value must be a decimal number (no trailing blanks).</summary>
    public static long ParseInt64(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (!long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        {
            throw new FormatException($"value '{raw}' cannot be interpreted as a 64-bit integer");
        }

        return v;
    }

    /// <summary>g_key_file_get_double: g_ascii_strtod must consume the whole value (<c>0.5 </c> and <c>0.5 #x</c> are errors).</summary>
    public static double ParseDouble(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        if (raw.Length == 0 || !double.TryParse(raw, style, CultureInfo.InvariantCulture, out var v))
        {
            var hint = raw.Contains('#', StringComparison.Ordinal) ? " (key files have no inline comments)" : raw.Length > 0 && KeyFile.IsSpace(raw[^1]) ? " (trailing whitespace is not allowed after a double)" : "";
            throw new FormatException($"value '{raw}' cannot be interpreted as a float number{hint}");
        }

        return v;
    }

    /// <summary>g_key_file_get_boolean: exactly <c>true</c>, <c>false</c>, <c>1</c>, <c>0</c> (case-sensitive), trailing whitespace allowed.</summary>
    public static bool ParseBool(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var trimmed = raw.TrimEnd(' ', '\t', '\n', '\v', '\f', '\r');
        return trimmed switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            _ => throw new FormatException($"value '{raw}' cannot be interpreted as a boolean (use true, false, 1 or 0{(raw.Contains('#', StringComparison.Ordinal) ? "; key files have no inline comments" : "")})"),
        };
    }

    /// <summary>g_key_file_get_string: applies the escapes <c>\s \n \t \r \\</c>; any other escape is an error.</summary>
    public static string ParseString(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return Unescape(raw, 0, raw.Length, inList: false);
    }

    /// <summary>g_key_file_get_string_list: splits on unescaped <c>;</c>, <c>\;</c> is a literal semicolon,
    /// a trailing <c>;</c> is ignored.</summary>
    public static IReadOnlyList<string> ParseStringList(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var items = new List<string>();
        var start = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\')
            {
                i++; // skip the escaped character (validated by Unescape)
                continue;
            }

            if (raw[i] == ';')
            {
                items.Add(Unescape(raw, start, i, inList: true));
                start = i + 1;
            }
        }

        if (start < raw.Length)
        {
            items.Add(Unescape(raw, start, raw.Length, inList: true));
        }

        return items;
    }

    /// <summary>g_key_file_get_integer_list: each list element must be a plain decimal integer.</summary>
    public static IReadOnlyList<int> ParseIntList(string raw)
    {
        var items = ParseStringList(raw);
        var result = new int[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.Length == 0 || KeyFile.IsSpace(item[0]) || KeyFile.IsSpace(item[^1]) || !int.TryParse(item, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result[i]))
            {
                throw new FormatException($"list element {i + 1} '{item}' of '{raw}' cannot be interpreted as an integer (no spaces around list elements)");
            }
        }

        return result;
    }

    /// <summary>g_key_file_get_double_list: each element must be a complete double (no surrounding spaces).</summary>
    public static IReadOnlyList<double> ParseDoubleList(string raw)
    {
        var items = ParseStringList(raw);
        var result = new double[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.Length == 0 || KeyFile.IsSpace(item[0]))
            {
                throw new FormatException($"list element {i + 1} '{item}' of '{raw}' cannot be interpreted as a float number (no spaces around list elements)");
            }

            try
            {
                result[i] = ParseDouble(item);
            }
            catch (FormatException)
            {
                throw new FormatException($"list element {i + 1} '{item}' of '{raw}' cannot be interpreted as a float number (no spaces around list elements)");
            }
        }

        return result;
    }

    /// <summary>deepstream-app colour: a double list of exactly 4 elements <c>r;g;b;a</c>.</summary>
    public static Rgba ParseColour(string raw)
    {
        var v = ParseDoubleList(raw);
        if (v.Count != 4)
        {
            throw new FormatException($"colour '{raw}' has {v.Count} component(s); expected exactly 4 (r;g;b;a, each 0-1)");
        }

        return new Rgba(v[0], v[1], v[2], v[3]);
    }

    private static (long Value, int End) ParseLeadingInteger(string raw, bool allowTrailingText)
    {
        var i = 0;
        while (i < raw.Length && KeyFile.IsSpace(raw[i]))
        {
            i++;
        }

        var numStart = i;
        if (i < raw.Length && raw[i] is '+' or '-')
        {
            i++;
        }

        var digitsStart = i;
        while (i < raw.Length && raw[i] is >= '0' and <= '9')
        {
            i++;
        }

        var ok = i > digitsStart && (i == raw.Length || (allowTrailingText && KeyFile.IsSpace(raw[i])));
        if (!ok)
        {
            var hint = raw.Contains('#', StringComparison.Ordinal) ? " (key files have no inline comments; a comment must be separated by whitespace from an integer, or moved to its own line)" : "";
            throw new FormatException($"value '{raw}' cannot be interpreted as a number{hint}");
        }

        var digits = raw[numStart..i];
        if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"integer value '{raw}' out of range");
        }

        return (value, i);
    }

    private static string Unescape(string raw, int start, int end, bool inList)
    {
        if (raw.IndexOf('\\', start, end - start) < 0)
        {
            return raw[start..end];
        }

        var sb = new StringBuilder(end - start);
        for (var i = start; i < end; i++)
        {
            var c = raw[i];
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (i + 1 >= end)
            {
                throw new FormatException($"value '{raw}' contains an escape character at the end of the line");
            }

            var e = raw[++i];
            sb.Append(e switch
            {
                's' => ' ',
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                '\\' => '\\',
                ';' when inList => ';',
                _ => throw new FormatException($"value '{raw}' contains the invalid escape sequence '\\{e}' (valid: \\s \\n \\t \\r \\\\{(inList ? " \\;" : "")}; write a backslash as \\\\)"),
            });
        }

        return sb.ToString();
    }
}
