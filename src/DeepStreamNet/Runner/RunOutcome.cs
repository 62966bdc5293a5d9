namespace DeepStreamNet.Runner;

/// <summary>How a run ended.</summary>
public enum RunOutcome
{
    /// <summary>Every source reached its end and EOS reached the sinks.</summary>
    EndOfStream,

    /// <summary>Stopped on request (cancellation, Ctrl-C): EOS was sent so files are finalised.</summary>
    Stopped,

    /// <summary>A pipeline error that is not confined to one source; see <see cref="RunResult.Errors"/>.</summary>
    Error,
}

/// <summary>The result of <see cref="PipelineRunner.RunAsync"/>.</summary>
public sealed record RunResult(RunOutcome Outcome, IReadOnlyList<string> Errors, IReadOnlyList<string> SourceFailures)
{
    /// <summary>The exit code <c>dsnet run</c> uses: 0 on EOS / stop, 3 on a pipeline error.</summary>
    public int ExitCode => Outcome == RunOutcome.Error ? 3 : 0;
}
