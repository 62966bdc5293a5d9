using DeepStreamNet.Metadata;

namespace DeepStreamNet.Probes;

/// <summary>Adapts a <see cref="BatchProbe"/> delegate to <see cref="IBatchProbe"/>.</summary>
internal sealed class DelegateBatchProbe(BatchProbe probe) : IBatchProbe
{
    public void OnBatch(ref BatchMeta batch, in ProbeContext context) => probe(ref batch, in context);

    public override string ToString() => probe.Method.Name;
}
