using DeepStreamNet.Runtime;

namespace DeepStreamNet.Hosting;

/// <summary>
/// The DI seam for probes: every registered implementation is called once the pipeline is built and before it plays,
/// with the runner, so it can attach to <see cref="PipelineRunner.FindPad(ProbeAttachPoint)"/> or an element's pad.
/// The probe API registers its probes through this.
/// </summary>
public interface IPipelineAttachment
{
    void Attach(PipelineRunner runner);
}
