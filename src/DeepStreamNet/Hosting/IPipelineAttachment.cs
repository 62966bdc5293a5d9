using DeepStreamNet.Runner;

namespace DeepStreamNet.Hosting;

/// <summary>
/// The DI seam for probes: every registered implementation is called once the pipeline is built and before it plays,
/// with the runner (once per pipeline: <c>[tests] pipeline-recreate-sec</c> builds a new one every N seconds), so it can attach to <see cref="PipelineRunner.FindPad(ProbeAttachPoint)"/> or an element's pad.
/// The probe API registers its probes through this.
/// </summary>
public interface IPipelineAttachment
{
    void Attach(PipelineRunner runner);
}
