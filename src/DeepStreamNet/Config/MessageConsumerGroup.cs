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
        ConfigFile = r.GetPath("config-file"),
        ProtoLib = r.GetString("proto-lib"),
        ConnStr = r.GetString("conn-str"),
        SensorListFile = r.GetPath("sensor-list-file"),
        SubscribeTopicList = r.GetStringList("subscribe-topic-list") ?? [],
    };
}
