namespace DeepStreamNet.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.Error.WriteLine("dsnet: no commands yet");
        return args.Length == 0 ? 0 : 2;
    }
}
