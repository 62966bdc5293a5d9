using DeepStreamNet.Hosting;
using DeepStreamNet.Runner;

namespace DeepStreamNet.Service.Streams;

/// <summary>Holds the running pipeline for the stream REST API and the dashboard (the newest one when
/// <c>[tests] pipeline-recreate-sec</c> rebuilds it).</summary>
public sealed class StreamControl : IPipelineAttachment
{
    private PipelineRunner? _runner;

    /// <summary>The current runner, or null before the first pipeline is built.</summary>
    public PipelineRunner? Runner => Volatile.Read(ref _runner);

    public void Attach(PipelineRunner runner) => Volatile.Write(ref _runner, runner);
}
