using DeepStreamNet.Metadata;

namespace DeepStreamNet.Probes;

/// <summary>A probe as a method or lambda (see <see cref="IBatchProbe"/>).</summary>
public delegate void BatchProbe(ref BatchMeta batch, in ProbeContext context);
