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
        var backend = ConfigOptions.BackendOption(PipelineBackend.Auto, "check for this backend (default auto: deepstream when the GStreamer registry has nvinfer or the config needs it, else portable)");
        var platform = ConfigOptions.PlatformOption();
        var command = new Command("validate", "Check a deepstream-app config and the nvinfer files it names; prints every problem as file:line: [group] key: message.")
        {
            config, set, backend, platform,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(config)!;
            if (!ConfigOptions.ConfigFileExists(path))
            {
                return 2;
            }

            var plan = ConfigOptions.Plan(path, parse.GetValue(set), parse.GetValue(backend), parse.GetValue(platform));
            ConfigOptions.Print(plan.Report);
            if (plan.Config is null)
            {
                return plan.Report.Errors.Any(e => e.Line == 0 && e.Message.StartsWith("cannot read", StringComparison.Ordinal)) ? 2 : 1;
            }

            Console.WriteLine(plan.Verdict);
            return plan.IsValid ? 0 : 1;
        });
        return command;
    }
}
