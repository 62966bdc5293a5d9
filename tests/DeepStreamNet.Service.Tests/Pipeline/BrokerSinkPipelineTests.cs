using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using DeepStreamNet.Metadata;
using DeepStreamNet.Probes;
using DeepStreamNet.Runner;
using DeepStreamNet.Service.Sink;
using DeepStreamNet.Service.Tests.Servers;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Protocol;
using NUnit.Framework;

namespace DeepStreamNet.Service.Tests.Pipeline;

/// <summary>
/// The face-mask config with its broker sink on the portable backend, end to end: the demo clip through UltraFace and
/// the tracker, one event per tracked no-mask face attached after the tracker, the type-6 sink's probe converting them
/// (full schema with the msgconv config) and mosquitto receiving exactly one message per tracked no-mask face.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class BrokerSinkPipelineTests
{
    [OneTimeSetUp]
    public void Init() => ServiceTestEnv.Init();

    [Test]
    public async Task OneMessagePerTrackedNoMaskFaceReachesMosquitto()
    {
        using var server = BrokerServer.Mosquitto();
        server.Start();
        var received = new ConcurrentBag<JsonDocument>();
        var consumer = new MqttClientFactory().CreateMqttClient();
        consumer.ApplicationMessageReceivedAsync += e =>
        {
            received.Add(JsonDocument.Parse(e.ApplicationMessage.Payload.ToArray()));
            return Task.CompletedTask;
        };
        await consumer.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", server.Port).Build());
        await consumer.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("facemask/events", MqttQualityOfServiceLevel.AtLeastOnce).Build());

        var dir = ServicePaths.TempDir("pipeline-broker");
        var path = ServiceTestEnv.FaceMaskConfig(dir, $"""
            [sink1]
            enable=1
            type=6
            msg-conv-config=msgconv_facemask.txt
            msg-conv-payload-type=0
            msg-broker-proto-lib=/opt/nvidia/deepstream/deepstream/lib/libnvds_mqtt_proto.so
            msg-broker-conn-str=127.0.0.1;{server.Port}
            topic=facemask/events
            """);
        var graph = ServiceTestEnv.Build(path);
        var options = new ServiceOptions { SpoolDirectory = Path.Combine(dir, "spool") };
        var events = new NoMaskEventAttachment(new NoMaskEventProbe(), NullLogger<NoMaskEventAttachment>.Instance);
        await using var sinks = new BrokerSinkAttachment(options, NullLoggerFactory.Instance);
        var tracked = new HashSet<(uint, ulong)>();
        var batches = 0;
        using var runner = PipelineRunner.CreateBuilt(graph, null, r =>
        {
            events.Attach(r);
            sinks.Attach(r);
        });
        runner.PerfOutput = _ => { };
        using var watch = runner.AddProbe(ProbeAttachPoint.BeforeSinks, (ref BatchMeta batch, in ProbeContext ctx) =>
        {
            foreach (var f in batch.Frames)
            {
                foreach (var o in f.Objects)
                {
                    if (o.LabelEquals("no-mask"u8) && o.TrackerId is { } id)
                    {
                        tracked.Add((f.SourceId, id));
                    }
                }
            }

            if (++batches == 60)
            {
                runner.RequestStop();
            }
        });
        var result = await runner.RunAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Stopped).Or.EqualTo(RunOutcome.EndOfStream), result.ToString());

        var sink = sinks.Sinks.Single();
        Assert.That(await sink.Publisher.FlushAsync(TimeSpan.FromSeconds(20)), Is.True);
        await Brokers.Events.Until(() => received.Count >= tracked.Count, TimeSpan.FromSeconds(10), "one message per tracked face at the consumer");
        await consumer.DisconnectAsync();
        consumer.Dispose();

        var ids = received.Select(d => d.RootElement.GetProperty("object").GetProperty("id").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(tracked, Has.Count.GreaterThanOrEqualTo(2), "the first segments show several no-mask faces");
            Assert.That(events.Probe.Events, Is.EqualTo(tracked.Count), "one event per tracked no-mask face, not per frame");
            Assert.That(sink.Events, Is.EqualTo(tracked.Count), "the sink saw each event once");
            Assert.That(ids, Is.EquivalentTo(tracked.Select(t => t.Item2.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            var first = received.First().RootElement;
            Assert.That(first.GetProperty("sensor").GetProperty("id").GetString(), Is.EqualTo("facemask-cam-0"));
            Assert.That(first.GetProperty("object").TryGetProperty("no-mask", out _), Is.True, "objectId names the object member");
            Assert.That(first.GetProperty("event").GetProperty("type").GetString(), Is.EqualTo("entry"));
            Assert.That(first.GetProperty("object").GetProperty("bbox").GetProperty("bottomrightx").GetInt32(), Is.InRange(1, 1280), "source pixels (1280 wide)");
        });
    }
}
