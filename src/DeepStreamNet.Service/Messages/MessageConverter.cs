using DeepStreamNet.Config;
using DeepStreamNet.Metadata.Events;

namespace DeepStreamNet.Service.Messages;

/// <summary>
/// The portable stand-in for nvmsgconv: turns one frame's event messages into payloads — payload-type 0 (full schema)
/// gives one message per event, type 1 (minimal) one per frame, 257 the literal <c>CUSTOM Schema</c>, 256 none — after the
/// <c>comp-id</c> filter (0 = all). Protobuf (type 2), <c>msg2p-lib</c> and the new API (messages from object metadata)
/// are refused by <see cref="Create"/> with the reason.
/// </summary>
public sealed class MessageConverter
{
    private static readonly byte[] CustomSchema = "CUSTOM Schema\0"u8.ToArray();

    private MessageConverter(int payloadType, MsgConvConfig? config, int componentId)
    {
        PayloadType = payloadType;
        Config = config;
        ComponentId = componentId;
    }

    /// <summary><c>msg-conv-payload-type</c>.</summary>
    public int PayloadType { get; }

    /// <summary>The msgconv config (null: none given, allowed for the minimal schema).</summary>
    public MsgConvConfig? Config { get; }

    /// <summary><c>msg-conv-comp-id</c>: only events with this <c>componentId</c> (0 = all).</summary>
    public int ComponentId { get; }

    /// <summary>A converter for a sink's <c>msg-conv-*</c> keys; unsupported settings throw <see cref="NotSupportedException"/>,
    /// config file problems <see cref="KeyFileException"/>.</summary>
    public static MessageConverter Create(MessageConverterGroup settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.MsgConvMsg2pLib is not null)
        {
            throw new NotSupportedException("msg-conv-msg2p-lib (a custom payload library) is not supported by the portable converter: remove the key to use the built-in schemas");
        }

        if (settings.MsgConvMsg2pNewApi)
        {
            throw new NotSupportedException("msg-conv-msg2p-new-api=1 is not supported by the portable converter: attach event messages from a probe (frame.AddEventMessage)");
        }

        CheckPayloadType(settings.MsgConvPayloadType);
        if (settings.MsgConvPayloadType == 0 && settings.MsgConvConfig is null)
        {
            throw new NotSupportedException("msg-conv-payload-type=0 (full schema) needs msg-conv-config");
        }

        var config = settings.MsgConvConfig is { } path ? MsgConvConfig.Load(path) : null;
        return new MessageConverter(settings.MsgConvPayloadType, config, settings.MsgConvCompId);
    }

    /// <summary>A converter with explicit settings (pure-C# use).</summary>
    public static MessageConverter Create(int payloadType, MsgConvConfig? config, int componentId = 0)
    {
        CheckPayloadType(payloadType);
        return new MessageConverter(payloadType, config ?? (payloadType == 0 ? MsgConvConfig.Empty : null), componentId);
    }

    private static void CheckPayloadType(int payloadType)
    {
        switch (payloadType)
        {
            case 0 or 1 or 256 or 257:
                return;
            case 2:
                throw new NotSupportedException("msg-conv-payload-type=2 (protobuf) is not supported by the portable converter: use 0 (full JSON) or 1 (minimal JSON)");
            default:
                throw new NotSupportedException($"msg-conv-payload-type={payloadType} is not a payload type (0 full, 1 minimal, 2 protobuf, 256 reserved, 257 custom)");
        }
    }

    /// <summary>The payloads of one frame's events (in list order).</summary>
    public IReadOnlyList<byte[]> Convert(IReadOnlyList<EventMessage> frameEvents)
    {
        ArgumentNullException.ThrowIfNull(frameEvents);
        var events = ComponentId == 0 ? frameEvents : frameEvents.Where(e => e.ComponentId == ComponentId).ToList();
        if (events.Count == 0)
        {
            return [];
        }

        return PayloadType switch
        {
            0 => events.Select(e => FullSchema.Write(e, Config ?? MsgConvConfig.Empty)).ToList(),
            1 => MinimalSchema.Write(events, Config) is { } one ? [one] : [],
            257 => [CustomSchema],
            _ => [],
        };
    }
}
