using System.CommandLine;
using DeepStreamNet.Diagnostics;
using DeepStreamNet.Pipeline;

namespace DeepStreamNet.Cli.Commands;

/// <summary>
/// <c>dsnet doctor [--backend auto|deepstream|portable]</c>: what this machine has and lacks for each backend, with the
/// command that fixes each missing piece. Exit 0 when the chosen backend can run, 1 when it cannot.
/// </summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var backend = ConfigOptions.BackendOption(PipelineBackend.Auto, "backend to judge: auto (deepstream when nvinfer exists, else portable), deepstream or portable");
        var command = new Command("doctor", "What this machine has and lacks for each backend (GStreamer, plugins, DeepStream, ONNX Runtime, display, cameras, assets); exit 0 when the chosen backend can run.")
        {
            backend,
        };
        command.SetAction(parse =>
        {
            var report = MachineDoctor.Examine(parse.GetValue(backend), ToolData.FindRoot());
            Print(report);
            return report.Ready ? 0 : 1;
        });
        return command;
    }

    private static void Print(DoctorReport report)
    {
        string? section = null;
        foreach (var check in report.Checks)
        {
            if (check.Section != section)
            {
                section = check.Section;
                Console.WriteLine();
                Console.WriteLine(section);
            }

            var mark = check.Status switch
            {
                CheckStatus.Ok => "ok     ",
                CheckStatus.Missing => "MISSING",
                CheckStatus.Warning => "warning",
                _ => "info   ",
            };
            Console.WriteLine($"  {mark}  {check.Item}: {check.Detail}");
            if (check.Fix is not null && check.Status is CheckStatus.Missing or CheckStatus.Warning)
            {
                Console.WriteLine($"           fix: {check.Fix}");
            }
        }

        Console.WriteLine();
        foreach (var backend in new[] { PipelineBackend.Portable, PipelineBackend.DeepStream })
        {
            Console.WriteLine($"{Name(backend)} backend: {(report.CanRun(backend) ? "ready" : "not ready")}");
        }

        var chosen = report.Requested == PipelineBackend.Auto ? $"auto → {Name(report.Chosen)}" : Name(report.Chosen);
        Console.WriteLine(report.Ready
            ? $"backend {chosen}: READY"
            : $"backend {chosen}: NOT READY (fix the MISSING lines of the GStreamer and {DoctorReport.SectionOf(report.Chosen)} sections)");
    }

    private static string Name(PipelineBackend backend) => backend == PipelineBackend.DeepStream ? "deepstream" : "portable";
}
