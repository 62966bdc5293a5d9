using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DeepStreamNet.Tests.Fuzz;

/// <summary>
/// The fuzzer's seeds: every deepstream-app config of the repository (configs/, samples/, the config tests' data) and
/// every text file it names (nvinfer, tracker, preprocess, msgconv configs, label files). They are copied into a
/// temporary mirror of the checkout whose other top-level folders are symbolic links, so relative paths such as
/// <c>../../../assets/models/x.onnx</c> resolve as in the repository while mutants are written in the copy only. The
/// mirror also holds the hostile files that path mutations point at (a FIFO, a directory, binary and non-UTF-8 files).
/// </summary>
internal sealed partial class ConfigCorpus : IDisposable
{
    private static readonly string[] CopiedFolders = ["configs", "samples", "tests/DeepStreamNet.Tests/Config/TestData"];

    private ConfigCorpus(string root, IReadOnlyList<FuzzTarget> targets, HostileFiles hostile)
    {
        Root = root;
        Targets = targets;
        Hostile = hostile;
    }

    /// <summary>The mirror's root.</summary>
    public string Root { get; }

    /// <summary>(app config, file to mutate) pairs, in a fixed order.</summary>
    public IReadOnlyList<FuzzTarget> Targets { get; }

    /// <summary>Files a path mutation points at.</summary>
    public HostileFiles Hostile { get; }

    public static ConfigCorpus Create(string repositoryRoot)
    {
        var root = Directory.CreateTempSubdirectory("dsnet-fuzz-").FullName;
        foreach (var entry in Directory.EnumerateFileSystemEntries(repositoryRoot))
        {
            var name = Path.GetFileName(entry);
            if (name is "configs" or "samples" or "tests" or ".git")
            {
                continue;
            }

            File.CreateSymbolicLink(Path.Combine(root, name), entry);
        }

        foreach (var folder in CopiedFolders)
        {
            CopyTextFiles(Path.Combine(repositoryRoot, folder), Path.Combine(root, folder));
        }

        var apps = CopiedFolders.SelectMany(f => Directory.EnumerateFiles(Path.Combine(root, f), "*.txt", SearchOption.AllDirectories))
            .Where(IsAppConfig)
            .Order(StringComparer.Ordinal)
            .ToList();
        var targets = new List<FuzzTarget>();
        foreach (var app in apps)
        {
            foreach (var file in NamedFiles(app, root))
            {
                targets.Add(new FuzzTarget(app, file, Path.GetRelativePath(root, app), Path.GetRelativePath(root, file)));
            }
        }

        return new ConfigCorpus(root, targets, HostileFiles.Create(Path.Combine(root, "hostile")));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A FIFO opened by a hung run; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>The app config itself, then every text file it names (depth first, each once, inside the mirror only).</summary>
    private static List<string> NamedFiles(string app, string root)
    {
        var found = new List<string> { app };
        for (var i = 0; i < found.Count; i++)
        {
            var dir = Path.GetDirectoryName(found[i])!;
            foreach (Match m in PathValue().Matches(File.ReadAllText(found[i])))
            {
                var value = m.Groups["value"].Value.Trim();
                value = value.StartsWith("file://", StringComparison.Ordinal) ? value[7..] : value;
                var full = Path.GetFullPath(value.StartsWith('/') ? value : Path.Combine(dir, value));
                if (full.StartsWith(root + "/", StringComparison.Ordinal) && !IsUnderLink(full, root) && File.Exists(full)
                    && TextExtension().IsMatch(full) && !found.Contains(full))
                {
                    found.Add(full);
                }
            }
        }

        return found;
    }

    private static bool IsUnderLink(string path, string root)
    {
        var top = Path.GetRelativePath(root, path).Split('/')[0];
        return new FileInfo(Path.Combine(root, top)).LinkTarget is not null;
    }

    private static bool IsAppConfig(string path) => AppGroup().IsMatch(File.ReadAllText(path));

    private static void CopyTextFiles(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split('/').Any(p => p is "bin" or "obj") || !TextExtension().IsMatch(file))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex(@"^\[(application|streammux|source\d+|source-list)\]\s*$", RegexOptions.Multiline)]
    private static partial Regex AppGroup();

    [GeneratedRegex(@"^[ \t]*[A-Za-z0-9_-]+[ \t]*=[ \t]*(?<value>[^\r\n#]+)$", RegexOptions.Multiline)]
    private static partial Regex PathValue();

    [GeneratedRegex(@"\.(txt|yml|yaml|ini|csv|json)$")]
    private static partial Regex TextExtension();
}

/// <summary>One thing to fuzz: mutants of <see cref="File"/>, checked through <see cref="App"/>.</summary>
internal sealed record FuzzTarget(string App, string File, string AppName, string FileName)
{
    public string Name => AppName == FileName ? AppName : $"{AppName} > {FileName}";
}

/// <summary>Files that are not what a config expects: each one must be refused with a located error, never read forever.</summary>
internal sealed record HostileFiles(string Fifo, string Directory, string Missing, string Binary, string NonUtf8, string Empty, string Oversized)
{
    public IReadOnlyList<string> All => ["/dev/zero", "/dev/null", Fifo, Directory, Missing, Binary, NonUtf8, Empty, Oversized];

    /// <summary>The ones no reader can take as a config/label/model file (so a file key that names one is an error).</summary>
    public IReadOnlyList<string> NeverReadable => ["/dev/zero", Fifo, Directory, Missing, Oversized];

    public static HostileFiles Create(string dir)
    {
        System.IO.Directory.CreateDirectory(dir);
        var fifo = Path.Combine(dir, "fifo.txt");
        using (var p = Process.Start("mkfifo", [fifo]))
        {
            p.WaitForExit();
        }

        var folder = Path.Combine(dir, "folder.txt");
        System.IO.Directory.CreateDirectory(folder);
        var binary = Path.Combine(dir, "binary.txt");
        File.WriteAllBytes(binary, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 131 % 251))]);
        var nonUtf8 = Path.Combine(dir, "latin1.txt");
        File.WriteAllBytes(nonUtf8, [(byte)'[', (byte)'p', (byte)']', (byte)'\n', (byte)'k', (byte)'=', 0xE9, 0xFF, 0xC3, (byte)'\n']);
        var empty = Path.Combine(dir, "empty.txt");
        File.WriteAllBytes(empty, []);
        var oversized = Path.Combine(dir, "oversized.txt");
        using (var f = File.Create(oversized))
        {
            f.SetLength(5L << 20);
        }

        return new HostileFiles(fifo, folder, Path.Combine(dir, "missing.txt"), binary, nonUtf8, empty, oversized);
    }
}
