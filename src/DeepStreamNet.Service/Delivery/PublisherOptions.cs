namespace DeepStreamNet.Service.Delivery;

/// <summary>Delivery settings of an <see cref="EventPublisher"/>.</summary>
public sealed record PublisherOptions
{
    /// <summary>Folder of the on-disk spool (one per broker sink).</summary>
    public required string SpoolDirectory { get; init; }

    /// <summary>Most messages the spool keeps while the broker is unreachable; beyond that the oldest is dropped.</summary>
    public int SpoolCapacity { get; init; } = 100_000;

    /// <summary>Messages held in memory before they go to the spool.</summary>
    public int QueueCapacity { get; init; } = 1024;

    /// <summary>Pause between reconnect attempts.</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long disposing waits for queued messages to be delivered before spooling them.</summary>
    public TimeSpan DrainOnStop { get; init; } = TimeSpan.FromSeconds(5);
}
