using System.Text.Json;

namespace DeepStreamNet.BindGen.Tests;

/// <summary>A throw-away generation folder with one set "T" over one header written by the test.</summary>
internal sealed class SyntheticSet : IDisposable
{
    public SyntheticSet(string header, string? setJson = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "dsnet-bindgen-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "T"));
        File.WriteAllText(Path.Combine(Root, "bindgen.json"), """{ "namespace": "Synthetic", "output": "out", "sets": ["T"] }""");
        File.WriteAllText(Path.Combine(Root, "T", "test.h"), header);
        File.WriteAllText(Path.Combine(Root, "T", "set.json"), setJson ?? DefaultSet());
    }

    public string Root { get; }

    public GenerationResult? Result { get; private set; }

    public static string DefaultSet(string extra = "") =>
        "{ \"class\": \"T\", \"headers\": [\"test.h\"], \"includeDirs\": [\".\"], \"files\": [\"test.h\"], " +
        "\"libraries\": { \"t_\": \"testlib\" }" + (extra.Length > 0 ? ", " + extra : string.Empty) + " }";

    public GenerationResult Run() => Result = Generator.Run(Root);

    /// <summary>A generated C# file of set T (after <see cref="Run"/>).</summary>
    public string Cs(string fileName)
    {
        Result ??= Run();
        string path = Path.Combine(Root, "out", "T", fileName);
        return Result.Files.TryGetValue(path, out string? text)
            ? text
            : throw new FileNotFoundException($"{fileName} not generated; got: {string.Join(", ", Result.Files.Keys.Select(Path.GetFileName))}");
    }

    public bool HasCs(string fileName)
    {
        Result ??= Run();
        return Result.Files.ContainsKey(Path.Combine(Root, "out", "T", fileName));
    }

    public string Probe()
    {
        Result ??= Run();
        return Result.Files[Path.Combine(Root, "T", Generator.ProbeFileName)];
    }

    public static string Quote(string s) => JsonSerializer.Serialize(s);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
