namespace DeepStreamNet.Config;

/// <summary>An enabled <c>[message-consumer*]</c> group (cloud-to-device messages).</summary>
public sealed record MessageConsumerGroup
{
    public required string Name { get; init; }

    public string? ConfigFile { get; init; }

    public string? ProtoLib { get; init; }

    public string? ConnStr { get; init; }

    public string? SensorListFile { get; init; }

    public IReadOnlyList<string> SubscribeTopicList { get; init; } = [];

    internal static MessageConsumerGroup Read(GroupReader r) => new()
    {
        Name = r.Group.Name,
        ConfigFile = r.Value(CommonKeys.ConfigFile),
        ProtoLib = r.Value(MessageKeys.ProtoLib),
        ConnStr = r.Value(MessageKeys.ConnStr),
        SensorListFile = r.Value(MessageKeys.SensorListFile),
        SubscribeTopicList = r.Value(MessageKeys.SubscribeTopicList) ?? [],
    };
}
