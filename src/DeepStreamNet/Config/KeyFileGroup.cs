namespace DeepStreamNet.Config;

/// <summary>
/// One <c>[group]</c> of a key file. Repeated groups are merged into the first (GLib), so a group may hold
/// entries from several places; <see cref="Entries"/> keeps every line in order (duplicates included, as
/// g_key_file_get_keys reports them) while <see cref="Find"/> returns the last value of a key (last one wins).
/// </summary>
public sealed class KeyFileGroup
{
    private readonly List<KeyFileEntry> _entries = [];
    private readonly Dictionary<string, KeyFileEntry> _last = new(StringComparer.Ordinal);

    internal KeyFileGroup(string name, string origin, int line)
    {
        Name = name;
        Origin = origin;
        Line = line;
    }

    /// <summary>Group name without brackets (case-sensitive).</summary>
    public string Name { get; }

    /// <summary>File (or "command line --set") where the group first appeared.</summary>
    public string Origin { get; }

    /// <summary>1-based line of the first <c>[name]</c> header.</summary>
    public int Line { get; }

    /// <summary>Every key line in file order, repeated keys included.</summary>
    public IReadOnlyList<KeyFileEntry> Entries => _entries;

    /// <summary>Distinct key names in order of first appearance.</summary>
    public IEnumerable<string> Keys => _entries.Select(e => e.Key).Distinct(StringComparer.Ordinal);

    /// <summary>The effective (last) entry of <paramref name="key"/>, or null.</summary>
    public KeyFileEntry? Find(string key) => _last.GetValueOrDefault(key);

    /// <summary>True when the group has the key.</summary>
    public bool Contains(string key) => _last.ContainsKey(key);

    internal void Add(KeyFileEntry entry)
    {
        _entries.Add(entry);
        _last[entry.Key] = entry;
    }
}
