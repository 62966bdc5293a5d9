using System.Text.Json;
using Confluent.Kafka;

namespace DeepStreamNet.Service.Brokers;

/// <summary>
/// Kafka through Confluent.Kafka (stands in for <c>libnvds_kafka_proto.so</c>): each message is keyed by the value at
/// <c>partition-key</c> in its JSON (default <c>sensor.id</c>, as the DeepStream adaptor does), <c>acks=all</c> and
/// idempotence on, and a send completes on the delivery report. Debian has no Kafka broker, so the tests cover the
/// payload, the key and the outage path (a send to an unreachable broker fails within the timeout and is spooled),
/// not delivery to a live broker.
/// </summary>
public sealed class KafkaBroker(BrokerSettings settings) : IMessageBroker
{
    private IProducer<string?, byte[]>? _producer;

    public string Protocol => "KAFKA";

    public Task ConnectAsync(CancellationToken cancellationToken)
    {
        var config = new ProducerConfig
        {
            BootstrapServers = $"{settings.Host}:{settings.Port}",
            Acks = Acks.All,
            EnableIdempotence = true,
            MessageTimeoutMs = (int)settings.Timeout.TotalMilliseconds,
            SocketConnectionSetupTimeoutMs = (int)settings.Timeout.TotalMilliseconds,
            ClientId = "dsnet",
        };
        foreach (var (k, v) in settings.KafkaSettings)
        {
            config.Set(k, v);
        }

        _producer = new ProducerBuilder<string?, byte[]>(config).SetLogHandler((_, _) => { }).Build();
        return Task.CompletedTask; // librdkafka connects lazily; an unreachable broker shows as a failed delivery
    }

    public async Task SendAsync(BrokerMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var producer = _producer ?? throw new InvalidOperationException("not connected");
        var key = message.Key ?? PartitionKeyOf(message.Payload, settings.PartitionKey);
        var result = await producer.ProduceAsync(message.Topic, new Message<string?, byte[]> { Key = key, Value = message.Payload }, cancellationToken)
            .ConfigureAwait(false);
        if (result.Status == PersistenceStatus.NotPersisted)
        {
            throw new IOException($"Kafka did not persist the message to {message.Topic}");
        }
    }

    /// <summary>The string at a dotted JSON path (<c>sensor.id</c>) of a payload, or null when absent or not JSON.</summary>
    public static string? PartitionKeyOf(ReadOnlySpan<byte> payload, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var reader = new Utf8JsonReader(payload);
            using var doc = JsonDocument.ParseValue(ref reader);
            var node = doc.RootElement;
            foreach (var part in path.Split('.'))
            {
                if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(part, out node))
                {
                    return null;
                }
            }

            return node.ValueKind == JsonValueKind.String ? node.GetString() : node.GetRawText();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public ValueTask DisposeAsync()
    {
        _producer?.Dispose();
        return ValueTask.CompletedTask;
    }
}
