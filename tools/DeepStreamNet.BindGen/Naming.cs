using System.Text.RegularExpressions;

namespace DeepStreamNet.BindGen;

/// <summary>C# identifier rules and the name globs of the configuration (<c>*</c> and <c>?</c>).</summary>
public static class Naming
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    public static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    /// <summary>The identifier as written in C# source (keywords get '@').</summary>
    public static string Escape(string name) => Keywords.Contains(name) ? "@" + name : name;

    public static bool MatchesAny(IEnumerable<string> globs, string name) => globs.Any(g => Matches(g, name));

    public static bool Matches(string glob, string name)
    {
        if (!glob.Contains('*', StringComparison.Ordinal) && !glob.Contains('?', StringComparison.Ordinal))
        {
            return string.Equals(glob, name, StringComparison.Ordinal);
        }

        string pattern = "^" + Regex.Escape(glob).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(name, pattern, RegexOptions.CultureInvariant);
    }
}
