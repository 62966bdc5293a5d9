namespace DeepStreamNet.Cli.Commands;

/// <summary>The exit code of a command that keeps going past bad inputs: 0 when nothing was skipped, else 1 with a note.</summary>
internal static class CommandOutcome
{
    public const int Skipped = 1;

    public static int SkippedExitCode(string command, int skipped, string what)
    {
        if (skipped == 0)
        {
            return 0;
        }

        Console.Error.WriteLine($"{command}: {skipped} {what} (exit {Skipped})");
        return Skipped;
    }
}
