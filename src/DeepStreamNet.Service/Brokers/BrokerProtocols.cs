namespace DeepStreamNet.Service.Brokers;

/// <summary>The portable broker clients.</summary>
public enum BrokerProtocol
{
    Mqtt,
    Amqp,
    Redis,
    Kafka,
}

/// <summary>Maps DeepStream's protocol adaptor libraries (<c>msg-broker-proto-lib</c>) onto the portable clients.</summary>
public static class BrokerProtocols
{
    private static readonly Dictionary<string, BrokerProtocol> Libraries = new(StringComparer.Ordinal)
    {
        ["libnvds_mqtt_proto.so"] = BrokerProtocol.Mqtt,
        ["libnvds_amqp_proto.so"] = BrokerProtocol.Amqp,
        ["libnvds_redis_proto.so"] = BrokerProtocol.Redis,
        ["libnvds_kafka_proto.so"] = BrokerProtocol.Kafka,
    };

    /// <summary>The adaptor file names understood here.</summary>
    public static IEnumerable<string> KnownLibraries => Libraries.Keys;

    /// <summary>The protocol for a library path or name (the folder is ignored: DeepStream's live in <c>/opt/nvidia/deepstream/…/lib</c>), or null.</summary>
    public static BrokerProtocol? FromProtoLib(string? protoLib) =>
        protoLib is null ? null : Libraries.TryGetValue(Path.GetFileName(protoLib.Trim()), out var p) ? p : null;

    /// <summary>A new client for <paramref name="settings"/>.</summary>
    public static IMessageBroker Create(BrokerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Protocol switch
        {
            BrokerProtocol.Mqtt => new MqttBroker(settings),
            BrokerProtocol.Amqp => new AmqpBroker(settings),
            BrokerProtocol.Redis => new RedisBroker(settings),
            _ => new KafkaBroker(settings),
        };
    }
}
