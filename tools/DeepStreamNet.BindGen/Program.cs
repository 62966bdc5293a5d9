using DeepStreamNet.BindGen.Config;

namespace DeepStreamNet.BindGen;

/// <summary>
/// dotnet run --project tools/DeepStreamNet.BindGen -- generate [folder] [--verbose]
/// dotnet run --project tools/DeepStreamNet.BindGen -- check [folder]   (also: --check)
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage: DeepStreamNet.BindGen generate [GENERATION_DIR] [--verbose]
               DeepStreamNet.BindGen check|--check [GENERATION_DIR] [--verbose]
        GENERATION_DIR defaults to bindings/generation of the enclosing repository.
        check regenerates in memory and exits 1, listing the files that differ from the checked-in output.
        """;

    private static int Main(string[] args)
    {
        var positional = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) || a == "--check").ToList();
        bool verbose = args.Contains("--verbose");
        if (args.Contains("--help") || args.Contains("-h") || positional.Count == 0)
        {
            Console.Error.WriteLine(Usage);
            return positional.Count == 0 && !args.Contains("--help") ? 2 : 0;
        }

        string command = positional[0];
        string? dir = positional.Count > 1 ? positional[1] : FindGenerationDir();
        if (dir == null)
        {
            Console.Error.WriteLine("bindgen: no bindings/generation folder found above the current directory; pass it explicitly");
            return 2;
        }

        try
        {
            var result = Generator.Run(dir);
            if (verbose)
            {
                foreach (string note in result.Notes)
                {
                    Console.Error.WriteLine("note: " + note);
                }
            }

            switch (command)
            {
                case "generate":
                    int changed = result.Write();
                    Console.WriteLine($"bindgen: {result.Files.Count} files generated, {changed} changed");
                    return 0;
                case "check":
                case "--check":
                    var diffs = result.Differences();
                    if (diffs.Count == 0)
                    {
                        Console.WriteLine($"bindgen: {result.Files.Count} generated files are up to date");
                        return 0;
                    }

                    Console.Error.WriteLine("bindgen: checked-in bindings differ from the generator's output (run 'generate'):");
                    string cwd = Environment.CurrentDirectory.TrimEnd('/') + "/";
                    foreach (string d in diffs)
                    {
                        Console.Error.WriteLine("  " + (d.StartsWith(cwd, StringComparison.Ordinal) ? d[cwd.Length..] : d));
                    }

                    return 1;
                default:
                    Console.Error.WriteLine($"bindgen: unknown command '{command}'\n{Usage}");
                    return 2;
            }
        }
        catch (BindGenException ex)
        {
            Console.Error.WriteLine("bindgen: error: " + ex.Message);
            return 1;
        }
    }

    private static string? FindGenerationDir()
    {
        for (var d = new DirectoryInfo(Environment.CurrentDirectory); d != null; d = d.Parent)
        {
            string candidate = Path.Combine(d.FullName, "bindings", "generation");
            if (File.Exists(Path.Combine(candidate, ConfigLoader.RootFileName)))
            {
                return candidate;
            }
        }

        return null;
    }
}
