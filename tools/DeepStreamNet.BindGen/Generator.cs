using System.Text;
using DeepStreamNet.BindGen.Clang;
using DeepStreamNet.BindGen.Config;
using DeepStreamNet.BindGen.Emit;
using DeepStreamNet.BindGen.Model;
using DeepStreamNet.BindGen.Parsing;

namespace DeepStreamNet.BindGen;

/// <summary>
/// Reads every set of a generation folder and produces the C# files and layout probes. A named type belongs to
/// the first set (in <c>bindgen.json</c> order) that selects it, else to the first that uses it; it is emitted in
/// full when selected or used by value, else as an opaque struct.
/// </summary>
public static class Generator
{
    public const string ProbeFileName = "layout_probe.c";

    public static GenerationResult Run(string generationDir)
    {
        generationDir = Path.GetFullPath(generationDir);
        var root = ConfigLoader.LoadRoot(generationDir);
        string resourceDir = ClangEnvironment.ResourceIncludeDir();
        var indexes = new List<SetIndex>();
        try
        {
            foreach (string set in root.Sets)
            {
                indexes.Add(Parse(generationDir, set, resourceDir));
            }

            var models = new Resolver(indexes, MergeRemaps(indexes)).Resolve();
            var result = new GenerationResult(Path.GetFullPath(Path.Combine(generationDir, root.Output)));
            for (int i = 0; i < indexes.Count; i++)
            {
                var set = models[i];
                string outDir = Path.Combine(result.OutputRoot, set.Name);
                result.OutputDirectories.Add(outDir);
                foreach (var (file, text) in CSharpWriter.Write(set, root.Namespace))
                {
                    result.Files[Path.Combine(outDir, file)] = text;
                }

                result.Files[Path.Combine(indexes[i].SetDir, ProbeFileName)] = LayoutProbeWriter.Write(set);
            }

            result.Notes.AddRange(models.SelectMany(m => m.Notes));
            return result;
        }
        finally
        {
            foreach (var index in indexes)
            {
                index.Dispose();
            }
        }
    }

    private static SetIndex Parse(string generationDir, string set, string resourceDir)
    {
        string setDir = Path.Combine(generationDir, set);
        var config = ConfigLoader.LoadSet(setDir);
        string context = Path.Combine(setDir, ConfigLoader.SetFileName);
        var args = new List<string> { "-x", "c", "-std=gnu11", "-isystem", resourceDir };
        args.AddRange(ClangEnvironment.PkgConfigCflags(config.PkgConfig.ToList(), context));
        foreach (string dir in config.IncludeDirs)
        {
            string full = Path.GetFullPath(Path.Combine(setDir, dir));
            if (!Directory.Exists(full))
            {
                throw new BindGenException($"{context}: key 'includeDirs': folder '{dir}' ({full}) does not exist");
            }

            args.Add("-I" + full);
        }

        args.AddRange(config.Defines.Select(d => "-D" + d));
        var source = new StringBuilder();
        foreach (string header in config.Headers)
        {
            source.Append("#include <").Append(header).Append(">\n");
        }

        var tu = TranslationUnit.Parse(Path.Combine(setDir, "bindgen_" + set + ".c"), source.ToString(), args, context);
        return new SetIndex(set, setDir, config, tu);
    }

    private static Dictionary<string, string> MergeRemaps(List<SetIndex> indexes)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var index in indexes)
        {
            foreach (var (c, cs) in index.Config.Remap)
            {
                if (merged.TryGetValue(c, out string? other) && other != cs)
                {
                    throw new BindGenException($"{index.ConfigPath}: key 'remap': '{c}' → '{cs}' conflicts with '{other}' of an earlier set");
                }

                merged[c] = cs;
            }
        }

        return merged;
    }
}
