using DeepStreamNet.Config;
using DeepStreamNet.Metadata;
using DeepStreamNet.Metadata.Events;
using DeepStreamNet.Probes;
using DeepStreamNet.Service.Brokers;
using DeepStreamNet.Service.Delivery;
using DeepStreamNet.Service.Messages;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Service.Sink;

/// <summary>
/// One type-6 sink on the portable backend — nvmsgconv + nvmsgbroker in managed code: a batch probe reads every
/// frame's <c>NVDS_EVENT_MSG_META</c> user metas, the <see cref="MessageConverter"/> makes the payloads, the
/// <see cref="EventPublisher"/> delivers them at least once. The probe itself only copies and converts: delivery runs on
/// the publisher's own thread, so a slow or absent broker never stalls the pipeline.
/// </summary>
public sealed class BrokerSink : IBatchProbe, IAsyncDisposable
{
    private readonly string _topic;
    private long _events;

    public BrokerSink(string name, MessageConverter converter, BrokerSettings settings, PublisherOptions delivery, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Name = name;
        Converter = converter;
        Settings = settings;
        _topic = settings.Topic;
        Publisher = new EventPublisher(() => BrokerProtocols.Create(settings), delivery, logger);
    }

    /// <summary>The sink group (<c>sink2</c>).</summary>
    public string Name { get; }

    public MessageConverter Converter { get; }

    public BrokerSettings Settings { get; }

    public EventPublisher Publisher { get; }

    /// <summary>Event metas seen so far.</summary>
    public long Events => Interlocked.Read(ref _events);

    /// <summary>A sink for a config's type-6 group; unusable keys throw <see cref="BrokerConfigException"/>.</summary>
    public static BrokerSink FromSinkGroup(SinkGroup sink, string spoolRoot, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (sink.DisableMsgConv)
        {
            throw new BrokerConfigException(sink.Name, "disable-msgconv", "disable-msgconv=1 ([message-converter] payloads) is not supported on the portable runtime: remove it so this sink converts its own events");
        }

        MessageConverter converter;
        try
        {
            converter = MessageConverter.Create(sink.MsgConv);
        }
        catch (NotSupportedException ex)
        {
            throw new BrokerConfigException(sink.Name, "msg-conv-payload-type", ex.Message, ex);
        }
        catch (KeyFileException ex)
        {
            throw new BrokerConfigException(sink.Name, "msg-conv-config", ex.Message, ex);
        }

        var settings = BrokerSettings.FromSink(sink);
        var delivery = new PublisherOptions { SpoolDirectory = Path.Combine(spoolRoot, sink.Name) };
        return new BrokerSink(sink.Name, converter, settings, delivery, logger);
    }

    /// <summary>Converts and hands over the events of one batch.</summary>
    public void OnBatch(ref BatchMeta batch, in ProbeContext context)
    {
        List<EventMessage>? events = null;
        foreach (var frame in batch.Frames)
        {
            events?.Clear();
            foreach (var e in frame.EventMessages())
            {
                (events ??= []).Add(e.ToMessage());
            }

            if (events is not { Count: > 0 })
            {
                continue;
            }

            Interlocked.Add(ref _events, events.Count);
            Publish(events);
        }
    }

    /// <summary>Converts and hands over events that never were native metadata (pure-C# producers).</summary>
    public void Publish(IReadOnlyList<EventMessage> frameEvents)
    {
        foreach (var payload in Converter.Convert(frameEvents))
        {
            Publisher.Publish(new BrokerMessage(_topic, payload));
        }
    }

    public ValueTask DisposeAsync() => Publisher.DisposeAsync();
}
