using DeepStreamNet.Hosting;
using DeepStreamNet.Runtime;

namespace DeepStreamNet.Probes;

/// <summary>
/// Connects the probes registered with <see cref="ProbeServiceCollectionExtensions.AddBatchProbe{TProbe}"/> to the hosted
/// pipeline: the host calls <see cref="Attach"/> once the pipeline is built, before it plays. The registrations live as
/// long as the pipeline (the runner removes pad probes when it is disposed).
/// </summary>
internal sealed class ProbeBindingAttachment(IEnumerable<ProbeBinding> bindings, IServiceProvider services) : IPipelineAttachment
{
    private readonly List<ProbeRegistration> _registrations = [];

    public void Attach(PipelineRunner runner)
    {
        foreach (var binding in bindings)
        {
            _registrations.Add(binding.Attach(runner, services));
        }
    }
}
