using DeepStreamNet.Service.Brokers;
using DeepStreamNet.Service.Delivery;
using DeepStreamNet.Service.Tests.Servers;
using NUnit.Framework;
using RabbitMQ.Client;

namespace DeepStreamNet.Service.Tests.Brokers;

/// <summary>Delivery to a real rabbitmq-server started once for the fixture (it boots slowly): events published to
/// <c>amq.topic</c> with the topic as routing key reach a queue bound to it, with publisher confirms.</summary>
[TestFixture]
[NonParallelizable]
public sealed class AmqpBrokerTests
{
    private const string RoutingKey = "facemask.events";
    private BrokerServer? _server;

    [OneTimeSetUp]
    public void StartBroker()
    {
        _server = BrokerServer.RabbitMq();
        _server.Start(TimeSpan.FromSeconds(150));
    }

    [OneTimeTearDown]
    public void StopBroker() => _server?.Dispose();

    [Test]
    public async Task EventsReachABoundQueueThroughTheTopicExchange()
    {
        var port = _server!.Port;
        var factory = new ConnectionFactory { HostName = "127.0.0.1", Port = port };
        await using var connection = await Retry(() => factory.CreateConnectionAsync());
        await using var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, "amq.topic", RoutingKey);

        var sink = new Config.SinkGroup { Name = "sink2", MsgBrokerProtoLib = "libnvds_amqp_proto.so", MsgBrokerConnStr = $"127.0.0.1;{port};guest;guest", Topic = RoutingKey };
        var settings = BrokerSettings.FromSink(sink);
        var sent = new List<string>();
        await using (var publisher = new EventPublisher(() => BrokerProtocols.Create(settings),
            new PublisherOptions { SpoolDirectory = ServicePaths.TempDir("amqp-spool") }, new TestLog()))
        {
            for (var i = 0; i < 20; i++)
            {
                var m = Events.Message(RoutingKey, i);
                sent.Add(Events.MessageId(m.Payload));
                publisher.Publish(m);
            }

            Assert.That(await publisher.FlushAsync(TimeSpan.FromSeconds(30)), Is.True);
            Assert.That(publisher.Delivered, Is.EqualTo(20), "every publish confirmed");
        }

        var got = new HashSet<string>();
        var until = DateTime.UtcNow.AddSeconds(10);
        while (got.Count < sent.Count && DateTime.UtcNow < until)
        {
            var r = await channel.BasicGetAsync(queue, autoAck: true);
            if (r is null)
            {
                await Task.Delay(50);
                continue;
            }

            got.Add(Events.MessageId(r.Body.Span));
        }

        Assert.That(got, Is.EquivalentTo(sent));
    }

    private static async Task<T> Retry<T>(Func<Task<T>> f)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                return await f();
            }
            catch (Exception) when (i < 50)
            {
                await Task.Delay(200);
            }
        }
    }
}
