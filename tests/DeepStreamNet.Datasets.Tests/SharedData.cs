namespace DeepStreamNet.Datasets.Tests;

/// <summary>Locates the read-only <c>shared/</c> folder (beside the repository root, or DSNET_SHARED_DIR).</summary>
internal static class SharedData
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Dir => Root.Value;

    public static string Fixtures => Path.Combine(Dir, "fixtures");

    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);

    public static string DevSet => Path.Combine(Dir, "datasets", "kaggle-facemask-dev");

    /// <summary>Rows of a tab-separated EXPECTED file as header-keyed dictionaries.</summary>
    public static List<Dictionary<string, string>> ReadTsv(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split('\t');
        return lines.Skip(1).Select(l =>
        {
            var f = l.Split('\t');
            return header.Select((h, i) => (h, v: i < f.Length ? f[i] : string.Empty)).ToDictionary(x => x.h, x => x.v);
        }).ToList();
    }

    private static string Find()
    {
        var env = Environment.GetEnvironmentVariable("DSNET_SHARED_DIR");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "DeepStreamNet.sln")))
            {
                var shared = Path.GetFullPath(Path.Combine(d.FullName, "..", "shared"));
                if (Directory.Exists(shared))
                {
                    return shared;
                }

                shared = Path.Combine(d.FullName, "shared");
                if (Directory.Exists(shared))
                {
                    return shared;
                }
            }
        }

        throw new DirectoryNotFoundException("shared/ not found beside the repository root; set DSNET_SHARED_DIR");
    }
}
