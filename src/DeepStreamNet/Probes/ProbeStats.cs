namespace DeepStreamNet.Probes;

/// <summary>Thread-safe counters of one probe registration.</summary>
public sealed class ProbeStats
{
    private long _buffers;
    private long _faults;
    private long _withoutMeta;
    private string? _lastFault;

    /// <summary>Buffers the probe was called for.</summary>
    public long Buffers => Interlocked.Read(ref _buffers);

    /// <summary>Calls that threw (caught at the boundary; the buffer passed on).</summary>
    public long Faults => Interlocked.Read(ref _faults);

    /// <summary>Buffers that carried no NvDsBatchMeta (passed on without calling the probe).</summary>
    public long BuffersWithoutMeta => Interlocked.Read(ref _withoutMeta);

    /// <summary>The last fault's message with where it hit, or null.</summary>
    public string? LastFault => Volatile.Read(ref _lastFault);

    internal void CountBuffer() => Interlocked.Increment(ref _buffers);

    internal void CountWithoutMeta() => Interlocked.Increment(ref _withoutMeta);

    internal long CountFault(string message)
    {
        Volatile.Write(ref _lastFault, message);
        return Interlocked.Increment(ref _faults);
    }

    /// <inheritdoc/>
    public override string ToString() => $"buffers={Buffers} faults={Faults} without-meta={BuffersWithoutMeta}";
}
