using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DeepStreamNet.BindGen.Config;

/// <summary>Reads and validates the generation folder: <c>bindgen.json</c> plus one <c>set.json</c> per set.</summary>
public static class ConfigLoader
{
    public const string RootFileName = "bindgen.json";
    public const string SetFileName = "set.json";

    public static RootConfig LoadRoot(string generationDir)
    {
        string path = Path.Combine(generationDir, RootFileName);
        var root = Load(path, ConfigJsonContext.Default.RootConfig);
        if (root.Sets.Count == 0)
        {
            throw new BindGenException($"{path}: key 'sets' must list at least one set folder");
        }

        foreach (string set in root.Sets)
        {
            if (!Directory.Exists(Path.Combine(generationDir, set)))
            {
                throw new BindGenException($"{path}: key 'sets': folder '{set}' does not exist in {generationDir}");
            }
        }

        if (root.Sets.Distinct(StringComparer.Ordinal).Count() != root.Sets.Count)
        {
            throw new BindGenException($"{path}: key 'sets' lists a set twice");
        }

        return root;
    }

    public static SetConfig LoadSet(string setDir)
    {
        string path = Path.Combine(setDir, SetFileName);
        var set = Load(path, ConfigJsonContext.Default.SetConfig);
        if (string.IsNullOrWhiteSpace(set.Class) || !Naming.IsIdentifier(set.Class))
        {
            throw new BindGenException($"{path}: key 'class' must be a C# identifier (got '{set.Class}')");
        }

        if (set.Headers.Count == 0)
        {
            throw new BindGenException($"{path}: key 'headers' must list at least one header");
        }

        if (set.Files.Count == 0)
        {
            throw new BindGenException($"{path}: key 'files' must list at least one header path suffix to take declarations from");
        }

        foreach (var (prefix, lib) in set.Libraries)
        {
            if (string.IsNullOrEmpty(prefix) || string.IsNullOrWhiteSpace(lib))
            {
                throw new BindGenException($"{path}: key 'libraries': empty prefix or library name ('{prefix}' → '{lib}')");
            }
        }

        foreach (var (cName, csName) in set.Remap)
        {
            if (!Naming.IsIdentifier(csName))
            {
                throw new BindGenException($"{path}: key 'remap': '{cName}' → '{csName}' is not a C# identifier");
            }
        }

        return set;
    }

    private static T Load<T>(string path, JsonTypeInfo<T> info)
    {
        if (!File.Exists(path))
        {
            throw new BindGenException($"{path}: file not found");
        }

        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize(stream, info) ?? throw new BindGenException($"{path}: empty document");
        }
        catch (JsonException ex)
        {
            throw new BindGenException($"{path}: line {(ex.LineNumber ?? 0) + 1}: {ex.Message}", ex);
        }
    }
}
