using System.Globalization;
using System.Numerics;
using DeepStreamNet.BindGen.Clang;
using DeepStreamNet.BindGen.Model;

namespace DeepStreamNet.BindGen.Parsing;

/// <summary>
/// Reads object-like macros whose body is one literal, optionally negated and/or parenthesised:
/// <c>#define N 4</c>, <c>#define M (-1)</c>, <c>#define X 0xFFu</c>, <c>#define F 1.5f</c>, <c>#define S "text"</c>.
/// C's typing rules pick int, uint, long or ulong (LP64).
/// </summary>
internal static class MacroConstants
{
    public static ConstantModel? Parse(IReadOnlyList<(int Kind, string Text)> tokens)
    {
        if (tokens.Count < 2 || tokens[0].Kind != TokenKind.Identifier)
        {
            return null;
        }

        string name = tokens[0].Text;
        var body = tokens.Skip(1).ToList();
        while (body.Count >= 2 && body[0].Text == "(" && body[^1].Text == ")")
        {
            body = body.GetRange(1, body.Count - 2);
        }

        bool negative = false;
        if (body.Count == 2 && body[0].Text == "-")
        {
            negative = true;
            body.RemoveAt(0);
        }

        if (body.Count != 1 || body[0].Kind != TokenKind.Literal)
        {
            return null;
        }

        string literal = body[0].Text;
        if (literal.StartsWith('"'))
        {
            return negative || !IsPortableString(literal) ? null : new ConstantModel(name, "string", literal, null);
        }

        if (literal.StartsWith('\''))
        {
            return null;
        }

        return Number(name, literal, negative);
    }

    private static bool IsPortableString(string literal)
    {
        // C and C# agree on \n \t \r \\ \" \' \0 (alone); octal and hex escapes differ.
        for (int i = 1; i < literal.Length - 1; i++)
        {
            if (literal[i] == '\\')
            {
                char next = literal[i + 1];
                if (!"ntr\\\"'0".Contains(next, StringComparison.Ordinal) || (next == '0' && char.IsDigit(literal[i + 2])))
                {
                    return false;
                }

                i++;
            }
        }

        return literal.Length >= 2 && literal.EndsWith('"');
    }

    private static ConstantModel? Number(string name, string literal, bool negative)
    {
        string lower = literal.ToLowerInvariant();
        bool hex = lower.StartsWith("0x", StringComparison.Ordinal);
        if (!hex && (lower.Contains('.', StringComparison.Ordinal) || lower.Contains('e', StringComparison.Ordinal) || lower.EndsWith('f')))
        {
            bool isFloat = lower.EndsWith('f');
            string digits = lower.TrimEnd('f', 'l');
            if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
            {
                return null;
            }

            string text = (negative ? "-" : string.Empty) + digits + (isFloat ? "f" : string.Empty);
            _ = d;
            return new ConstantModel(name, isFloat ? "float" : "double", text, null);
        }

        string suffix = new(lower.Reverse().TakeWhile(c => c is 'u' or 'l').Reverse().ToArray());
        string core = lower[..^suffix.Length];
        bool unsignedSuffix = suffix.Contains('u', StringComparison.Ordinal);
        bool longSuffix = suffix.Contains('l', StringComparison.Ordinal);
        BigInteger value;
        if (hex)
        {
            if (!BigInteger.TryParse("0" + core[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value))
            {
                return null;
            }
        }
        else if (core.Length > 1 && core[0] == '0')
        {
            value = BigInteger.Zero;
            foreach (char c in core[1..])
            {
                if (c is < '0' or > '7')
                {
                    return null;
                }

                value = (value * 8) + (c - '0');
            }
        }
        else if (!BigInteger.TryParse(core, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return null;
        }

        if (negative)
        {
            value = -value;
            if (value >= int.MinValue && !longSuffix)
            {
                return new ConstantModel(name, "int", value.ToString(CultureInfo.InvariantCulture), null);
            }

            return value >= long.MinValue ? new ConstantModel(name, "long", value.ToString(CultureInfo.InvariantCulture) + "L", null) : null;
        }

        bool hexOrOctal = hex || (core.Length > 1 && core[0] == '0');
        string type;
        if (!unsignedSuffix && !longSuffix && value <= int.MaxValue)
        {
            type = "int";
        }
        else if (!longSuffix && value <= uint.MaxValue && (unsignedSuffix || hexOrOctal))
        {
            type = "uint";
        }
        else if (!unsignedSuffix && value <= long.MaxValue)
        {
            type = "long";
        }
        else if (value <= ulong.MaxValue)
        {
            type = "ulong";
        }
        else
        {
            return null;
        }

        string csSuffix = type switch { "uint" => "U", "long" => "L", "ulong" => "UL", _ => string.Empty };
        string digitsOut = hex ? "0x" + core[2..].ToUpperInvariant() : value.ToString(CultureInfo.InvariantCulture);
        return new ConstantModel(name, type, digitsOut + csSuffix, literal == digitsOut + csSuffix ? null : literal);
    }
}
