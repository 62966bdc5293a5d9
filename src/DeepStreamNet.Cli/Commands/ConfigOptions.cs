using System.CommandLine;
using DeepStreamNet.Config;
using DeepStreamNet.Pipeline;

namespace DeepStreamNet.Cli.Commands;

/// <summary>Options shared by the config commands (validate, describe).</summary>
internal static class ConfigOptions
{
    public static Option<string[]> SetOption() => new("--set")
    {
        Description = "override a key: group.key=value (repeatable; read with the same rules as the file; also DSNET_SET_* environment variables)",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static Option<PipelineBackend> BackendOption(PipelineBackend fallback, string description) => new("--backend")
    {
        Description = description,
        DefaultValueFactory = _ => fallback,
        CustomParser = r => r.Tokens.Count == 1 ? r.Tokens[0].Value.ToLowerInvariant() switch
        {
            "auto" => PipelineBackend.Auto,
            "deepstream" => PipelineBackend.DeepStream,
            "portable" => PipelineBackend.Portable,
            var other => Fail(r, $"unknown backend '{other}': use auto, deepstream or portable"),
        } : Fail(r, "--backend needs one value"),
    };

    public static Option<TargetPlatform?> PlatformOption() => new("--platform")
    {
        Description = "DeepStream platform: dgpu or jetson (default: jetson on aarch64, dgpu otherwise, as deepstream-app's builds)",
        CustomParser = r => r.Tokens.Count == 1 ? r.Tokens[0].Value.ToLowerInvariant() switch
        {
            "jetson" => TargetPlatform.Jetson,
            "dgpu" => TargetPlatform.DGpu,
            var other => FailPlatform(r, $"unknown platform '{other}': use dgpu or jetson"),
        } : FailPlatform(r, "--platform needs one value"),
    };

    /// <summary>Environment overrides first, then command-line ones (so the command line wins).</summary>
    public static IEnumerable<string> Overrides(string[]? fromCommandLine) =>
        AppConfigLoader.OverridesFromEnvironment().Concat(fromCommandLine ?? []);

    /// <summary>Prints why the config file given on the command line cannot be read (missing, or a folder) and returns
    /// false; true when it is a file.</summary>
    public static bool ConfigFileExists(FileInfo path)
    {
        if (path.Exists)
        {
            return true;
        }

        Console.Error.WriteLine(Directory.Exists(path.FullName)
            ? $"{path.FullName}: is a folder, not a config file (give the deepstream-app .txt file inside it)"
            : $"{path.FullName}: config file not found");
        return false;
    }

    /// <summary>The plan of a config file given on the command line (environment overrides first, then --set).</summary>
    public static PipelinePlan Plan(FileInfo path, string[]? set, PipelineBackend backend, TargetPlatform? platform) =>
        PipelinePlan.Create(path.FullName, Overrides(set), backend, platform);

    public static void Print(ValidationReport report)
    {
        foreach (var issue in report.Issues)
        {
            Console.WriteLine(issue.ToDisplayString());
        }
    }

    private static TargetPlatform? FailPlatform(System.CommandLine.Parsing.ArgumentResult r, string message)
    {
        r.AddError(message);
        return null;
    }

    private static PipelineBackend Fail(System.CommandLine.Parsing.ArgumentResult r, string message)
    {
        r.AddError(message);
        return PipelineBackend.Auto;
    }
}
