using DeepStreamNet.Service.Brokers;
using DeepStreamNet.Service.Delivery;
using DeepStreamNet.Service.Tests.Servers;
using NUnit.Framework;
using StackExchange.Redis;

namespace DeepStreamNet.Service.Tests.Brokers;

/// <summary>Delivery to a real redis-server (streams, XADD with the payload field) started by the test, across a restart.</summary>
[TestFixture]
[NonParallelizable]
public sealed class RedisBrokerTests
{
    private const string Stream = "dsnet-facemask";

    [Test]
    public async Task EveryEventIsInTheStreamAcrossABrokerRestart()
    {
        using var server = BrokerServer.Redis();
        server.Start();
        var settings = new BrokerSettings { Protocol = BrokerProtocol.Redis, Host = "127.0.0.1", Port = server.Port, Topic = Stream, PayloadKey = "metadata", Timeout = TimeSpan.FromSeconds(3) };
        var sent = new List<string>();
        await using (var publisher = new EventPublisher(() => new RedisBroker(settings),
            new PublisherOptions { SpoolDirectory = ServicePaths.TempDir("redis-spool"), RetryInterval = TimeSpan.FromMilliseconds(200) }, new TestLog()))
        {
            void Publish(int from, int count)
            {
                for (var i = from; i < from + count; i++)
                {
                    var m = Events.Message(Stream, i);
                    sent.Add(Events.MessageId(m.Payload));
                    publisher.Publish(m);
                }
            }

            Publish(0, 20);
            await Events.Until(() => publisher.Delivered >= 20, TimeSpan.FromSeconds(20), "the first 20 delivered");
            server.Stop();
            Publish(20, 20);
            await Events.Until(() => publisher.Spool.Count >= 15, TimeSpan.FromSeconds(20), "events spooled while redis is down");
            server.Start();
            Publish(40, 20);
            Assert.That(await publisher.FlushAsync(TimeSpan.FromSeconds(30)), Is.True);
        }

        await using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{server.Port}");
        var entries = await redis.GetDatabase().StreamRangeAsync(Stream);
        var ids = entries.Select(e => Events.MessageId((byte[])e["metadata"]!)).ToHashSet();
        Assert.That(sent.Where(id => !ids.Contains(id)), Is.Empty, "every messageid is in the stream");
        Assert.That(entries.Length, Is.GreaterThanOrEqualTo(60));
    }
}
