namespace DeepStreamNet.Service.Brokers;

/// <summary>
/// One broker connection, the portable counterpart of a DeepStream protocol adaptor (<c>nvds_msgapi_*</c>).
/// <see cref="SendAsync"/> completes only when the broker has taken the message (MQTT QoS 1 PUBACK, AMQP publisher
/// confirm, Redis XADD reply, Kafka delivery report), so a message is never counted as delivered too early; any
/// failure throws and the caller spools the message and reconnects with a new instance.
/// </summary>
public interface IMessageBroker : IAsyncDisposable
{
    /// <summary>Protocol name as <c>nvds_msgapi_get_protocol_name</c> gives it (<c>MQTT</c>, <c>AMQP</c>, <c>REDIS</c>, <c>KAFKA</c>).</summary>
    string Protocol { get; }

    /// <summary>Connects (throws when the broker cannot be reached).</summary>
    Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Sends one message and waits for the broker's acknowledgement.</summary>
    Task SendAsync(BrokerMessage message, CancellationToken cancellationToken);
}

/// <summary>A payload for <paramref name="Topic"/> (MQTT topic, AMQP routing key, Redis stream, Kafka topic); <paramref name="Key"/> is the Kafka message key.</summary>
public sealed record BrokerMessage(string Topic, byte[] Payload, string? Key = null);
