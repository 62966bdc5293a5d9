using DeepStreamNet.Config;
using DeepStreamNet.Service.Brokers;
using NUnit.Framework;

namespace DeepStreamNet.Service.Tests.Brokers;

/// <summary><c>msg-broker-proto-lib</c>, <c>msg-broker-conn-str</c>, <c>topic</c> and the adaptor config read per DeepStream 6.3 adaptor (spec §9).</summary>
[TestFixture]
public sealed class BrokerSettingsTests
{
    private static SinkGroup Sink(string lib, string? conn, string? topic = "t", string? config = null) =>
        new() { Name = "sink1", Type = SinkType.MsgConvBroker, MsgBrokerProtoLib = lib, MsgBrokerConnStr = conn, Topic = topic, MsgBrokerConfig = config };

    [Test]
    public void NvidiaLibraryNamesMapOntoThePortableClients()
    {
        Assert.Multiple(() =>
        {
            Assert.That(BrokerProtocols.FromProtoLib("/opt/nvidia/deepstream/deepstream/lib/libnvds_mqtt_proto.so"), Is.EqualTo(BrokerProtocol.Mqtt));
            Assert.That(BrokerProtocols.FromProtoLib("libnvds_amqp_proto.so"), Is.EqualTo(BrokerProtocol.Amqp));
            Assert.That(BrokerProtocols.FromProtoLib("libnvds_redis_proto.so"), Is.EqualTo(BrokerProtocol.Redis));
            Assert.That(BrokerProtocols.FromProtoLib("libnvds_kafka_proto.so"), Is.EqualTo(BrokerProtocol.Kafka));
            Assert.That(BrokerProtocols.FromProtoLib("libnvds_azure_proto.so"), Is.Null);
            Assert.That(BrokerProtocols.Create(BrokerSettings.FromSink(Sink("libnvds_redis_proto.so", "localhost;6379"))), Is.TypeOf<RedisBroker>());
        });
    }

    [Test]
    public void ConnectionStringsFollowEachAdaptor()
    {
        var amqp = BrokerSettings.FromSink(Sink("libnvds_amqp_proto.so", "rabbit.local;5673;alice;secret", topic: null));
        var kafka = BrokerSettings.FromSink(Sink("libnvds_kafka_proto.so", "k;9093;facemask", topic: null));
        var mqtt = BrokerSettings.FromSink(Sink("libnvds_mqtt_proto.so", "localhost;1883", topic: " masks "));
        Assert.Multiple(() =>
        {
            Assert.That((amqp.Host, amqp.Port, amqp.Username, amqp.Password, amqp.Topic, amqp.Exchange), Is.EqualTo(("rabbit.local", 5673, "alice", "secret", "deepstream_topic", "amq.topic")));
            Assert.That((kafka.Host, kafka.Port, kafka.Topic, kafka.PartitionKey), Is.EqualTo(("k", 9093, "facemask", "sensor.id")));
            Assert.That((mqtt.Host, mqtt.Port, mqtt.Topic), Is.EqualTo(("localhost", 1883, "masks")));
        });
    }

    [Test]
    public void AdaptorConfigFillsWhatTheConnectionStringLeavesOut()
    {
        var cfg = Path.Combine(ServicePaths.TempDir("broker-cfg"), "cfg_redis.txt");
        File.WriteAllText(cfg, "[message-broker]\nhostname=redis.local\nport=6380\npayloadkey=payload\nstreamsize=100\n");
        var redis = BrokerSettings.FromSink(Sink("libnvds_redis_proto.so", null, config: cfg));
        Assert.That((redis.Host, redis.Port, redis.PayloadKey, redis.StreamSize), Is.EqualTo(("redis.local", 6380, "payload", 100)));
    }

    [Test]
    public void BadSettingsNameTheSinkAndKey()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => BrokerSettings.FromSink(Sink("libnvds_azure_proto.so", "x")), Throws.TypeOf<BrokerConfigException>()
                .With.Message.Contains("[sink1] msg-broker-proto-lib").And.Message.Contains("libnvds_mqtt_proto.so"));
            Assert.That(() => BrokerSettings.FromSink(Sink("libnvds_mqtt_proto.so", "localhost;http")), Throws.TypeOf<BrokerConfigException>()
                .With.Message.Contains("[sink1] msg-broker-conn-str").And.Message.Contains("'http'"));
            Assert.That(() => BrokerSettings.FromSink(Sink("libnvds_mqtt_proto.so", null)), Throws.TypeOf<BrokerConfigException>()
                .With.Message.Contains("no broker host"));
            Assert.That(() => BrokerSettings.FromSink(Sink("libnvds_redis_proto.so", "h;1", topic: null)), Throws.TypeOf<BrokerConfigException>()
                .With.Message.Contains("[sink1] topic"));
            Assert.That(() => BrokerSettings.FromSink(Sink("libnvds_kafka_proto.so", "a;1;b;c")), Throws.TypeOf<BrokerConfigException>());
            Assert.That(() => BrokerSettings.FromSink(Sink("libnvds_mqtt_proto.so", "h;1", config: "/nonexistent/cfg.txt")), Throws.TypeOf<BrokerConfigException>()
                .With.Message.Contains("msg-broker-config").And.Message.Contains("/nonexistent/cfg.txt"));
        });
    }
}
