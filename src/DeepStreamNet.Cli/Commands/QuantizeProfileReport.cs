using System.Globalization;
using DeepStreamNet.Training.Quantization;

namespace DeepStreamNet.Cli.Commands;

/// <summary><c>dsnet quantize --profile DIR</c>: ONNX Runtime kernel time by operator, FP32 beside INT8.</summary>
internal static class QuantizeProfileReport
{
    public static void Write(TextWriter o, QuantizationResult result, QuantizationOptions options, string directory)
    {
        var (fp32, int8) = KernelProfile.Compare(result, options, directory);
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kernel time per run by operator (ONNX Runtime profile, 20 runs each, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; JSON in {directory}):"));
        o.WriteLine($"  {"model",-5} {"operator",-24} {"ms/run",8} {"nodes",6}  provider");
        foreach (var (tag, rows) in new[] { ("FP32", fp32), ("INT8", int8) })
        {
            foreach (var r in rows)
            {
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {tag,-5} {r.Operator,-24} {r.MillisecondsPerRun,8:F2} {r.Nodes,6}  {r.Providers}"));
            }

            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {tag,-5} {"(all kernels)",-24} {rows.Sum(r => r.MillisecondsPerRun),8:F2}"));
        }
    }
}
