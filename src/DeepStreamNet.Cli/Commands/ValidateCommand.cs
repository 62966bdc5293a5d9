using System.CommandLine;
using DeepStreamNet.Config;
using DeepStreamNet.Pipeline;

namespace DeepStreamNet.Cli.Commands;

/// <summary><c>dsnet validate CONFIG [--set group.key=value]... [--backend ...]</c>: exit 0 valid, 1 invalid, 2 usage/IO error.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var config = new Argument<FileInfo>("CONFIG") { Description = "deepstream-app config file (INI / GLib key file)" };
        var set = ConfigOptions.SetOption();
        var backend = ConfigOptions.BackendOption(PipelineBackend.Auto, "also check what the chosen backend cannot run (default auto: deepstream when the GStreamer registry has nvinfer, else portable)");
        var platform = ConfigOptions.PlatformOption();
        var command = new Command("validate", "Check a deepstream-app config and the nvinfer files it names; prints every problem as file:line: [group] key: message.")
        {
            config, set, backend, platform,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(config)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"{path.FullName}: config file not found");
                return 2;
            }

            PipelineBackend? resolved = BackendSelector.Resolve(parse.GetValue(backend), ConfigOptions.FactoryExists);
            var result = AppConfigLoader.Load(path.FullName, ConfigOptions.Overrides(parse.GetValue(set)), ConfigOptions.Target(resolved));
            if (result.Config is null)
            {
                ConfigOptions.Print(result.Report);
                return result.Report.Errors.Any(e => e.Line == 0 && e.Message.StartsWith("cannot read", StringComparison.Ordinal)) ? 2 : 1;
            }

            if (resolved is { } b)
            {
                // Building the graph adds what the chosen backend cannot run.
                PipelineGraphBuilder.Build(result.Config, b, ConfigOptions.Platform(parse.GetValue(platform)), result.Report);
            }

            ConfigOptions.Print(result.Report);
            var errors = result.Report.Errors.Count();
            var warnings = result.Report.Warnings.Count();
            Console.WriteLine(errors == 0
                ? $"{path.Name}: valid ({warnings} warning(s))"
                : $"{path.Name}: invalid ({errors} error(s), {warnings} warning(s))");
            return errors == 0 ? 0 : 1;
        });
        return command;
    }
}
