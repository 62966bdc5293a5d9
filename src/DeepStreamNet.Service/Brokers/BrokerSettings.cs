using System.Globalization;
using DeepStreamNet.Config;

namespace DeepStreamNet.Service.Brokers;

/// <summary>
/// What a broker connection needs, from a type-6 sink's <c>msg-broker-proto-lib</c>, <c>msg-broker-conn-str</c>,
/// <c>topic</c> and the adaptor config file (<c>msg-broker-config</c>, group <c>[message-broker]</c>), read with each
/// DeepStream 6.3 adaptor's rules (connection string parts win over config keys).
/// </summary>
public sealed record BrokerSettings
{
    /// <summary>Which client.</summary>
    public required BrokerProtocol Protocol { get; init; }

    public required string Host { get; init; }

    public required int Port { get; init; }

    /// <summary>Default topic (sink <c>topic</c>, else the adaptor's default).</summary>
    public required string Topic { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>AMQP exchange (default <c>amq.topic</c>).</summary>
    public string Exchange { get; init; } = "amq.topic";

    /// <summary>Redis stream field holding the payload (<c>payloadkey</c>, default <c>metadata</c>).</summary>
    public string PayloadKey { get; init; } = "metadata";

    /// <summary>Redis maximum stream length (<c>streamsize</c>; 0 = unbounded).</summary>
    public int StreamSize { get; init; }

    /// <summary>Kafka: dotted JSON path whose value keys each message (<c>partition-key</c>, default <c>sensor.id</c>).</summary>
    public string PartitionKey { get; init; } = "sensor.id";

    /// <summary>Kafka: extra librdkafka settings (<c>proto-cfg</c>, <c>producer-proto-cfg</c>: <c>"k=v;k=v"</c>).</summary>
    public IReadOnlyDictionary<string, string> KafkaSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>How long one send (or connect) may take before the broker counts as unreachable.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Reads a sink's broker keys. Errors (unknown adaptor, bad connection string, unreadable config) throw
    /// <see cref="BrokerConfigException"/> naming the key.
    /// </summary>
    public static BrokerSettings FromSink(SinkGroup sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var protocol = BrokerProtocols.FromProtoLib(sink.MsgBrokerProtoLib)
            ?? throw new BrokerConfigException(sink.Name, "msg-broker-proto-lib",
                $"'{sink.MsgBrokerProtoLib}' is not a known protocol adaptor; use {string.Join(", ", BrokerProtocols.KnownLibraries)}");
        var cfg = ReadConfig(sink);
        var parts = (sink.MsgBrokerConnStr ?? string.Empty).Split(';', StringSplitOptions.TrimEntries);
        string Part(int i) => i < parts.Length ? parts[i] : string.Empty;
        string? Cfg(string key) => cfg.GetValueOrDefault(key);

        var host = Part(0).Length > 0 ? Part(0) : Cfg("hostname") ?? string.Empty;
        var portText = Part(1).Length > 0 ? Part(1) : Cfg("port") ?? DefaultPort(protocol).ToString(CultureInfo.InvariantCulture);
        if (host.Length == 0)
        {
            throw new BrokerConfigException(sink.Name, "msg-broker-conn-str", $"no broker host: write host;port (e.g. localhost;{DefaultPort(protocol)}) or set hostname in [message-broker] of msg-broker-config");
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new BrokerConfigException(sink.Name, "msg-broker-conn-str", $"port '{portText}' is not a TCP port (1–65535)");
        }

        if (protocol == BrokerProtocol.Kafka && parts.Length > 3)
        {
            throw new BrokerConfigException(sink.Name, "msg-broker-conn-str", "the Kafka connection string is host;port or host;port;topic");
        }

        var topic = sink.Topic?.Trim() is { Length: > 0 } t ? t
            : protocol == BrokerProtocol.Kafka && Part(2).Length > 0 ? Part(2)
            : Cfg("topic") ?? (protocol == BrokerProtocol.Amqp ? "deepstream_topic" : null);
        if (topic is null)
        {
            throw new BrokerConfigException(sink.Name, "topic", "no topic: set topic= in the sink group (the MQTT topic / Redis stream / Kafka topic)");
        }

        return new BrokerSettings
        {
            Protocol = protocol,
            Host = host,
            Port = port,
            Topic = topic,
            Username = protocol == BrokerProtocol.Amqp && Part(2).Length > 0 ? Part(2) : Cfg("username") ?? (protocol == BrokerProtocol.Amqp ? "guest" : null),
            Password = protocol == BrokerProtocol.Amqp && Part(3).Length > 0 ? Part(3) : Cfg("password") ?? (protocol == BrokerProtocol.Amqp ? "guest" : null),
            Exchange = Cfg("exchange") ?? "amq.topic",
            PayloadKey = Cfg("payloadkey") ?? "metadata",
            StreamSize = int.TryParse(Cfg("streamsize"), NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : 0,
            PartitionKey = Cfg("partition-key") ?? "sensor.id",
            KafkaSettings = KeyValues(Cfg("proto-cfg")).Concat(KeyValues(Cfg("producer-proto-cfg")))
                .GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value),
        };
    }

    private static int DefaultPort(BrokerProtocol p) => p switch
    {
        BrokerProtocol.Mqtt => 1883,
        BrokerProtocol.Amqp => 5672,
        BrokerProtocol.Redis => 6379,
        _ => 9092,
    };

    private static Dictionary<string, string> ReadConfig(SinkGroup sink)
    {
        if (sink.MsgBrokerConfig is not { } path)
        {
            return [];
        }

        try
        {
            var group = KeyFile.Load(path).Group("message-broker")
                ?? throw new BrokerConfigException(sink.Name, "msg-broker-config", $"{path} has no [message-broker] group");
            return group.Entries.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => KeyFileValues.ParseString(g.Last().RawValue).Trim('"'), StringComparer.Ordinal);
        }
        catch (KeyFileException ex)
        {
            throw new BrokerConfigException(sink.Name, "msg-broker-config", ex.Message, ex);
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> KeyValues(string? text) =>
        (text ?? string.Empty).Trim('"').Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(kv => kv.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .Select(kv => KeyValuePair.Create(kv[0].Trim(), kv[1].Trim()));
}
