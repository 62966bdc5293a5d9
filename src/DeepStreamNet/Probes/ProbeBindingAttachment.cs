using DeepStreamNet.Hosting;
using DeepStreamNet.Runner;

namespace DeepStreamNet.Probes;

/// <summary>
/// Connects the probes registered with <see cref="ProbeServiceCollectionExtensions.AddBatchProbe{TProbe}"/> to the hosted
/// pipeline: the host calls <see cref="Attach"/> once the pipeline is built, before it plays (again for each new pipeline
/// with <c>[tests] pipeline-recreate-sec</c>). The registrations live as long as the pipeline.
/// </summary>
internal sealed class ProbeBindingAttachment(IEnumerable<ProbeBinding> bindings, IServiceProvider services) : IPipelineAttachment
{
    private readonly List<ProbeRegistration> _registrations = [];

    public void Attach(PipelineRunner runner)
    {
        // A new pipeline ([tests] pipeline-recreate-sec): the registrations on the previous one go (each holds a ref
        // to its pad, so removing them after that pipeline was torn down is safe).
        foreach (var old in _registrations)
        {
            old.Dispose();
        }

        _registrations.Clear();
        foreach (var binding in bindings)
        {
            _registrations.Add(binding.Attach(runner, services));
        }
    }
}
