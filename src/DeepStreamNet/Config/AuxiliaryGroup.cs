namespace DeepStreamNet.Config;

/// <summary>
/// A group of an optional plugin that DeepStreamNet parses and validates but only places in the DeepStream
/// graph (<c>[pre-process]</c>, <c>[secondary-pre-process*]</c>, <c>[nvds-analytics]</c>, <c>[ds-example]</c>,
/// <c>[dewarper*]</c>, <c>[segvisual]</c>, <c>[img-save]</c>): typed values are kept by key.
/// </summary>
public sealed record AuxiliaryGroup
{
    public required string Name { get; init; }

    public GroupKind Kind { get; init; }

    public bool Enable { get; init; }

    /// <summary>Resolved config file, when the group has one.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Integer keys as read (for element properties such as width/height/unique-id/operate-on-gie-id).</summary>
    public IReadOnlyDictionary<string, int> Ints { get; init; } = new Dictionary<string, int>();

    public KeyFileGroup? Group { get; init; }

    internal static AuxiliaryGroup Read(GroupReader r)
    {
        var ints = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var spec in ConfigSchema.KeysOf(r.Kind))
        {
            switch (spec.NotIn63 is null ? r.ValueOf(spec) : null)
            {
                case int v: ints[spec.Name] = v; break;
                case bool on when spec.Type is KeyType.IntBool or KeyType.Bool: ints[spec.Name] = on ? 1 : 0; break;
            }
        }

        return new AuxiliaryGroup
        {
            Name = r.Group.Name,
            Kind = r.Kind,
            Enable = r.Value(CommonKeys.Enable),
            ConfigFile = r.Value(CommonKeys.ConfigFile),
            Ints = ints,
            Group = r.Group,
        };
    }
}
