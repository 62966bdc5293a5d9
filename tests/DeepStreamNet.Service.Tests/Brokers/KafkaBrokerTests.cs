using System.Text;
using DeepStreamNet.Service.Brokers;
using DeepStreamNet.Service.Delivery;
using DeepStreamNet.Service.Messages;
using DeepStreamNet.Service.Tests.Servers;
using NUnit.Framework;

namespace DeepStreamNet.Service.Tests.Brokers;

/// <summary>
/// Kafka without a broker (Debian has none): the message key is the payload's <c>sensor.id</c> as the DeepStream
/// adaptor does, and with the broker unreachable every send fails within the timeout and the events wait in the spool
/// byte for byte. Delivery to a live Kafka is not tested here.
/// </summary>
[TestFixture]
public sealed class KafkaBrokerTests
{
    [Test]
    public void TheKeyIsTheValueAtThePartitionKeyPath()
    {
        var full = Events.Message("t", 1).Payload;
        var minimal = MinimalSchema.Write([new Metadata.Events.EventMessage { SensorStr = "cam-7" }], null)!;
        Assert.Multiple(() =>
        {
            Assert.That(KafkaBroker.PartitionKeyOf(full, "sensor.id"), Is.EqualTo("cam-0"));
            Assert.That(KafkaBroker.PartitionKeyOf(minimal, "sensor.id"), Is.Null, "minimal messages have no sensor object");
            Assert.That(KafkaBroker.PartitionKeyOf(minimal, "sensorId"), Is.EqualTo("cam-7"));
            Assert.That(KafkaBroker.PartitionKeyOf("not json"u8, "sensor.id"), Is.Null);
        });
    }

    [Test]
    public async Task AnUnreachableBrokerSpoolsEveryEvent()
    {
        var port = BrokerServer.FreePort(); // nothing listens there
        var sink = new Config.SinkGroup { Name = "sink3", MsgBrokerProtoLib = "libnvds_kafka_proto.so", MsgBrokerConnStr = $"127.0.0.1;{port};facemask" };
        var settings = BrokerSettings.FromSink(sink) with { Timeout = TimeSpan.FromSeconds(1.5) };
        var dir = ServicePaths.TempDir("kafka-spool");
        var sent = Enumerable.Range(0, 5).Select(i => Events.Message(settings.Topic, i)).ToList();
        await using (var publisher = new EventPublisher(() => BrokerProtocols.Create(settings), new PublisherOptions { SpoolDirectory = dir, RetryInterval = TimeSpan.FromMilliseconds(300), DrainOnStop = TimeSpan.Zero }, new TestLog()))
        {
            sent.ForEach(publisher.Publish);
            await Events.Until(() => publisher.QueueDepth == 0 && publisher.Spool.Count == 5, TimeSpan.FromSeconds(30), "all five spooled");
            Assert.That((publisher.Delivered, publisher.IsConnected), Is.EqualTo((0L, false)));
            Assert.That(publisher.Failures, Is.GreaterThan(0));
        }

        var spool = new DiskSpool(dir, 10);
        var kept = new List<BrokerMessage>();
        while (spool.Peek() is { } next)
        {
            kept.Add(next.Message);
            spool.Remove(next.Id);
        }

        Assert.That(kept.Select(m => Encoding.UTF8.GetString(m.Payload)), Is.EquivalentTo(sent.Select(m => Encoding.UTF8.GetString(m.Payload))));
        Assert.That(kept.All(m => m.Topic == "facemask"), Is.True, "topic from host;port;topic");
    }
}
