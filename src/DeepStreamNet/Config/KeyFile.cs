using System.Text;

namespace DeepStreamNet.Config;

/// <summary>
/// A GLib key file (<c>GKeyFile</c>, flags NONE) read the way GLib 2.74 reads it: groups, <c>key=value</c>
/// lines, whole-line <c>#</c> comments only, CRLF accepted, repeated groups merged, last repeated key wins, no
/// byte-order mark, bytes that are not UTF-8 allowed (comments) or kept (values GLib then refuses as strings),
/// translations (<c>key[locale]</c>) of locales other than the process's dropped. Checked against GLib itself by
/// <c>KeyFileGLibParityTests</c>.
/// Values stay raw here; <see cref="KeyFileValues"/> applies GLib's typed parsing rules. Unlike GLib it keeps
/// the line of every key so that errors can name file, group, key and line.
/// </summary>
public sealed class KeyFile
{
    /// <summary>Origin name used for values coming from <c>--set</c> options.</summary>
    public const string CommandLineOrigin = "command line --set";

    private readonly List<KeyFileGroup> _groups = [];
    private readonly Dictionary<string, KeyFileGroup> _byName = new(StringComparer.Ordinal);

    private KeyFile(string origin) => Origin = origin;

    /// <summary>The file the key file was read from (as given, or absolute when loaded from disk).</summary>
    public string Origin { get; }

    /// <summary>Groups in order of first appearance.</summary>
    public IReadOnlyList<KeyFileGroup> Groups => _groups;

    /// <summary>The group named <paramref name="name"/>, or null.</summary>
    public KeyFileGroup? Group(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Reads and parses a key file; IO problems and syntax errors become <see cref="KeyFileException"/>.</summary>
    public static KeyFile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            if (FileLimits.Problem(path, FileLimits.MaxTextBytes) is { } problem)
            {
                throw new IOException(problem);
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KeyFileException(path, 0, null, null, $"cannot read file: {ex.Message}", ex);
        }

        return Parse(DecodeLines(bytes), path);
    }

    /// <summary>Parses key-file text; <paramref name="origin"/> is what error messages name.</summary>
    public static KeyFile Parse(string text, string origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.Split('\n').Select(l => (l, true)), origin);
    }

    /// <summary>Lines of the file as UTF-8 (no BOM stripping: GLib refuses a BOM); a line with invalid bytes is read
    /// with U+FFFD in their place and flagged.</summary>
    private static IEnumerable<(string Line, bool Utf8)> DecodeLines(byte[] bytes)
    {
        var start = 0;
        while (start <= bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0)
            {
                end = bytes.Length;
            }

            var span = bytes.AsSpan(start, end - start);
            var valid = System.Text.Unicode.Utf8.IsValid(span);
            yield return (Encoding.UTF8.GetString(span), valid);
            start = end + 1;
        }
    }

    private static KeyFile Parse(IEnumerable<(string Line, bool Utf8)> lines, string origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var file = new KeyFile(origin);
        KeyFileGroup? current = null;
        var lineNo = 0;
        foreach (var (rawLine, utf8) in lines)
        {
            if (lineNo == 0 && rawLine.Length > 0 && rawLine[0] == '\uFEFF')
            {
                throw new KeyFileException(origin, 1, null, null, "file starts with a UTF-8 byte-order mark, which GLib does not accept (save the file without BOM)");
            }

            lineNo++;
            var line = rawLine.EndsWith('\r') ? rawLine[..^1] : rawLine;
            var start = 0;
            while (start < line.Length && IsSpace(line[start]))
            {
                start++;
            }

            if (start == line.Length || line[start] == '#')
            {
                continue; // blank or comment line
            }

            if (line[start] == '[')
            {
                current = file.OpenGroup(ParseGroupName(line, start, origin, lineNo), origin, lineNo);
                continue;
            }

            var (key, value) = ParseKeyValue(line, start, origin, lineNo, current?.Name);
            if (current is null)
            {
                throw new KeyFileException(origin, lineNo, null, key, "key file does not start with a group (a key line appears before the first [group])");
            }

            if (LocaleOf(key) is { } locale && !LocaleNames.Value.Contains(locale))
            {
                continue; // GLib drops translations of other locales (G_KEY_FILE_KEEP_TRANSLATIONS not set)
            }

            current.Add(new KeyFileEntry(key, value, origin, lineNo) { IsUtf8 = utf8 || !value.Contains('\uFFFD', StringComparison.Ordinal) });
        }

        return file;
    }

    /// <summary>
    /// Applies one <c>group.key=value</c> override (a <c>--set</c> option) with key-file semantics: the value
    /// is read exactly as it would be on a line of the file; the group is created when missing.
    /// </summary>
    /// <param name="assignment">Text of the option.</param>
    /// <param name="index">1-based index of the option among all --set options (the "line" in messages).</param>
    public void ApplyOverride(string assignment, int index) => ApplyOverride(assignment, index, CommandLineOrigin);

    /// <summary>Applies one override that came from <paramref name="origin"/> (what messages name, e.g. an environment
    /// variable), at "line" <paramref name="index"/> (0: no line).</summary>
    public void ApplyOverride(string assignment, int index, string origin)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(origin);
        var eq = assignment.IndexOf('=', StringComparison.Ordinal);
        var dot = eq < 0 ? assignment.IndexOf('.', StringComparison.Ordinal) : assignment.LastIndexOf('.', eq);
        if (eq < 0 || dot <= 0)
        {
            throw new KeyFileException(origin, index, null, null, $"'{assignment}' is not of the form group.key=value");
        }

        var groupName = assignment[..dot].Trim();
        ValidateGroupName(groupName, origin, index);
        var (key, value) = ParseKeyValue(assignment, dot + 1, origin, index, groupName);
        var group = OpenGroup(groupName, origin, index);
        group.Add(new KeyFileEntry(key, value, origin, index));
    }

    private KeyFileGroup OpenGroup(string name, string origin, int line)
    {
        if (!_byName.TryGetValue(name, out var group))
        {
            group = new KeyFileGroup(name, origin, line);
            _groups.Add(group);
            _byName.Add(name, group);
        }

        return group; // a repeated [name] merges into the first one
    }

    private static string ParseGroupName(string line, int start, string origin, int lineNo)
    {
        var close = line.IndexOf(']', start + 1);
        if (close < 0)
        {
            throw new KeyFileException(origin, lineNo, null, null, $"invalid group line '{line}': missing ']'");
        }

        for (var i = close + 1; i < line.Length; i++)
        {
            if (!IsSpace(line[i]))
            {
                throw new KeyFileException(origin, lineNo, null, null, $"invalid group line '{line}': only blanks may follow ']'");
            }
        }

        var name = line[(start + 1)..close];
        ValidateGroupName(name, origin, lineNo);
        return name;
    }

    private static void ValidateGroupName(string name, string origin, int lineNo)
    {
        if (name.Length == 0 || name.Any(c => c == '[' || c == ']' || char.IsControl(c)))
        {
            throw new KeyFileException(origin, lineNo, null, null, $"invalid group name '{name}'");
        }
    }

    private static (string Key, string Value) ParseKeyValue(string line, int start, string origin, int lineNo, string? group)
    {
        var eq = line.IndexOf('=', start);
        if (eq < 0)
        {
            var hint = line[start] == ';' ? " (';' does not start a comment in key files; use '#' at the start of the line)" : " (expected key=value, [group] or a '#' comment)";
            throw new KeyFileException(origin, lineNo, group, null, $"invalid line '{line.Trim()}'{hint}");
        }

        var keyEnd = eq;
        while (keyEnd > start && IsSpace(line[keyEnd - 1]))
        {
            keyEnd--;
        }

        var key = line[start..keyEnd];
        if (key.Length == 0 || key.Any(c => char.IsControl(c)))
        {
            throw new KeyFileException(origin, lineNo, group, null, $"invalid key name '{key}' in line '{line.Trim()}'");
        }

        var valueStart = eq + 1;
        while (valueStart < line.Length && IsSpace(line[valueStart]))
        {
            valueStart++;
        }

        return (key, line[valueStart..]); // trailing whitespace is kept, as GLib does
    }

    private static readonly string[] LocaleVariables = ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"];
    private static readonly char[] LocaleParts = ['@', '.', '_'];
    private static readonly Lazy<HashSet<string>> LocaleNames = new(ProcessLocaleNames);

    /// <summary>The locale of a <c>key[locale]</c> translation, or null.</summary>
    private static string? LocaleOf(string key)
    {
        var open = key.IndexOf('[', StringComparison.Ordinal);
        return open > 0 && key[^1] == ']' ? key[(open + 1)..^1] : null;
    }

    /// <summary>g_get_language_names: the first of LANGUAGE (a list), LC_ALL, LC_MESSAGES, LANG, each with its
    /// less specific variants (without @modifier, .codeset, _territory), and "C".</summary>
    private static HashSet<string> ProcessLocaleNames()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "C" };
        var value = LocaleVariables.Select(Environment.GetEnvironmentVariable).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        foreach (var name in (value ?? "C").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            names.Add(name);
            foreach (var part in LocaleParts)
            {
                var i = name.IndexOf(part, StringComparison.Ordinal);
                names.Add(i > 0 ? name[..i] : name);
            }
        }

        return names;
    }

    internal static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';
}
