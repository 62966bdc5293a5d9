using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using DeepStreamNet.Service.Brokers;
using DeepStreamNet.Service.Delivery;
using DeepStreamNet.Service.Tests.Servers;
using MQTTnet;
using MQTTnet.Protocol;
using NUnit.Framework;

namespace DeepStreamNet.Service.Tests.Brokers;

/// <summary>
/// Delivery to a real mosquitto started by the test: every event arrives; the broker stopped and restarted mid-run
/// loses none (spooled while down, duplicates allowed, identified by messageid); publishing never blocks; a full spool
/// drops the oldest with a counted warning.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class MqttBrokerTests
{
    private const string Topic = "dsnet/facemask";

    private static BrokerSettings Settings(int port) =>
        new() { Protocol = BrokerProtocol.Mqtt, Host = "127.0.0.1", Port = port, Topic = Topic, Timeout = TimeSpan.FromSeconds(3) };

    private static PublisherOptions Delivery(string name, int capacity = 10_000) => new()
    {
        SpoolDirectory = ServicePaths.TempDir(name),
        SpoolCapacity = capacity,
        RetryInterval = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>A persistent-session QoS 1 subscriber that reconnects when asked.</summary>
    private sealed class Consumer : IAsyncDisposable
    {
        private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
        private readonly int _port;

        public Consumer(int port)
        {
            _port = port;
            _client.ApplicationMessageReceivedAsync += e =>
            {
                Ids.Add(Events.MessageId(e.ApplicationMessage.Payload.ToArray()));
                return Task.CompletedTask;
            };
        }

        public ConcurrentBag<string> Ids { get; } = [];

        public async Task ConnectAsync(TimeSpan timeout)
        {
            var until = DateTime.UtcNow + timeout;
            while (true)
            {
                try
                {
                    // MQTT 3.1.1 with clean session off: the broker keeps the subscription and queues QoS 1 messages while
                    // this consumer is away (MQTT 5 would end the session at disconnect unless given an expiry).
                    var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _port).WithClientId("dsnet-test-consumer")
                        .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311).WithCleanSession(false).Build();
                    await _client.ConnectAsync(options);
                    await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(Topic, MqttQualityOfServiceLevel.AtLeastOnce).Build());
                    return;
                }
                catch (Exception) when (DateTime.UtcNow < until)
                {
                    await Task.Delay(200);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync();
            }

            _client.Dispose();
        }
    }

    [Test]
    public async Task EveryEventArrivesAcrossABrokerRestart()
    {
        using var server = BrokerServer.Mosquitto();
        server.Start();
        await using var consumer = new Consumer(server.Port);
        await consumer.ConnectAsync(TimeSpan.FromSeconds(10));
        var log = new TestLog();
        var sent = new List<string>();
        var slowest = TimeSpan.Zero;
        await using var publisher = new EventPublisher(() => new MqttBroker(Settings(server.Port)), Delivery("mqtt-spool"), log);
        void Publish(int from, int count)
        {
            for (var i = from; i < from + count; i++)
            {
                var m = Events.Message(Topic, i);
                sent.Add(Events.MessageId(m.Payload));
                var t = Stopwatch.StartNew();
                publisher.Publish(m);
                slowest = t.Elapsed > slowest ? t.Elapsed : slowest;
            }
        }

        Publish(0, 30);
        await Events.Until(() => publisher.Delivered >= 30, TimeSpan.FromSeconds(20), "the first 30 delivered");

        server.Stop();
        Publish(30, 30);
        await Events.Until(() => publisher.Spool.Count >= 25, TimeSpan.FromSeconds(20), "events spooled while the broker is down");
        Assert.That(publisher.IsConnected, Is.False);

        server.Start();
        Publish(60, 30);
        await consumer.ConnectAsync(TimeSpan.FromSeconds(20));
        Assert.That(await publisher.FlushAsync(TimeSpan.FromSeconds(30)), Is.True, "queue and spool drained after the restart");
        await Events.Until(() => sent.All(consumer.Ids.Contains), TimeSpan.FromSeconds(20), "every messageid at the consumer");

        Assert.Multiple(() =>
        {
            Assert.That(consumer.Ids.Distinct().Count(), Is.EqualTo(90));
            Assert.That(publisher.Failures, Is.GreaterThan(0));
            Assert.That(publisher.Spool.Count, Is.Zero);
            Assert.That(slowest, Is.LessThan(TimeSpan.FromMilliseconds(500)), "Publish never waits for the broker");
            Assert.That(log.Entries.Any(e => e.Message.Contains("broker unreachable", StringComparison.Ordinal)), Is.True);
        });
    }

    [Test]
    public async Task AFullSpoolDropsTheOldestAndDeliversTheRestLater()
    {
        using var server = BrokerServer.Mosquitto(); // not started yet: the broker is down from the beginning
        var log = new TestLog();
        await using var publisher = new EventPublisher(() => new MqttBroker(Settings(server.Port)), Delivery("mqtt-full", capacity: 10), log);
        var sent = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            var m = Events.Message(Topic, i);
            sent.Add(Events.MessageId(m.Payload));
            publisher.Publish(m);
        }

        await Events.Until(() => publisher.QueueDepth == 0 && publisher.Spool.Count == 10, TimeSpan.FromSeconds(20), "everything spooled");
        Assert.That(publisher.Spool.Dropped, Is.EqualTo(15));
        Assert.That(log.Entries.Count(e => e.Message.Contains("event spool full", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(1));

        server.Start();
        await using var consumer = new Consumer(server.Port);
        await consumer.ConnectAsync(TimeSpan.FromSeconds(10));
        // Delivery counts the broker's acknowledgements (QoS 1 PUBACKs): the ten newest events, the oldest 15 were dropped.
        Assert.That(await publisher.FlushAsync(TimeSpan.FromSeconds(20)), Is.True);
        Assert.That(publisher.Delivered, Is.EqualTo(10), "the ten newest events reached the broker");
    }
}
