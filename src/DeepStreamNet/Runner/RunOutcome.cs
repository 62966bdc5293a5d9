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
    /// <summary>EOS did not reach the sinks in time after a stop request (or a third request came): the pipeline was
    /// stopped without it, file outputs were not finalised.</summary>
    public bool StopForced { get; init; }

    /// <summary>The exit code <c>dsnet run</c> uses: <see cref="RunExitCodes"/>.</summary>
    public int ExitCode => Outcome == RunOutcome.Error ? RunExitCodes.PipelineError
        : StopForced ? RunExitCodes.StopForced
        : SourceFailures.Count > 0 ? RunExitCodes.SourcesFailed
        : RunExitCodes.Ok;
}

/// <summary>Exit codes of <c>dsnet run</c> (documented in src/DeepStreamNet/README.md, "Exit codes").</summary>
public static class RunExitCodes
{
    /// <summary>Every source ran to its end (or the run was stopped on request) and the outputs were finalised.</summary>
    public const int Ok = 0;

    /// <summary>The config is invalid (nothing ran).</summary>
    public const int InvalidConfig = 1;

    /// <summary>The config file was not found.</summary>
    public const int ConfigNotFound = 2;

    /// <summary>A pipeline error (the pipeline could not be built or started, an error outside any one source, or
    /// every source failed).</summary>
    public const int PipelineError = 3;

    /// <summary>Some sources failed or stalled and were ended; the others ran to the end and the outputs were finalised.</summary>
    public const int SourcesFailed = 4;

    /// <summary>A stop request was not completed in time: the pipeline was stopped by force, outputs were not finalised
    /// (an older file of the same name is left as it was; what was written is kept as NAME.incomplete).</summary>
    public const int StopForced = 5;
}
