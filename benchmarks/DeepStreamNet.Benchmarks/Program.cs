using BenchmarkDotNet.Running;

namespace DeepStreamNet.Benchmarks;

internal static class Program
{
    private static int Main(string[] args)
    {
        // Bench commands that print a ratio in one run; anything else goes to BenchmarkDotNet.
        if (args.Length > 0 && args[0] == "probe-walk")
        {
            return ProbeWalkBench.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "pixel-probe")
        {
            return PixelProbeBench.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "soak")
        {
            return MemorySoakBench.Run(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
