namespace DeepStreamNet.BindGen;

/// <summary>Generated files by absolute path, plus the output folders whose every *.cs the generator owns.</summary>
public sealed class GenerationResult(string outputRoot)
{
    public string OutputRoot { get; } = outputRoot;

    public SortedDictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    public List<string> OutputDirectories { get; } = [];

    /// <summary>Declarations that were selected but not bound, with the reason.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Paths whose content on disk differs from the generated one, plus stale generated files.</summary>
    public IReadOnlyList<string> Differences()
    {
        var diffs = new List<string>();
        foreach (var (path, text) in Files)
        {
            if (!File.Exists(path))
            {
                diffs.Add(path + " (missing)");
            }
            else if (!string.Equals(File.ReadAllText(path), text, StringComparison.Ordinal))
            {
                diffs.Add(path + " (differs)");
            }
        }

        diffs.AddRange(StaleFiles().Select(p => p + " (stale, no longer generated)"));
        return diffs;
    }

    /// <summary>Writes changed files and deletes stale ones; returns how many files changed.</summary>
    public int Write()
    {
        int changed = 0;
        foreach (var (path, text) in Files)
        {
            if (File.Exists(path) && string.Equals(File.ReadAllText(path), text, StringComparison.Ordinal))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            changed++;
        }

        foreach (string stale in StaleFiles())
        {
            File.Delete(stale);
            changed++;
        }

        return changed;
    }

    private IEnumerable<string> StaleFiles() =>
        OutputDirectories.Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*.cs"))
            .Where(f => !Files.ContainsKey(f))
            .Order(StringComparer.Ordinal);
}
