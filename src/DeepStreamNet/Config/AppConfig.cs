namespace DeepStreamNet.Config;

/// <summary>
/// A deepstream-app config file as typed records (DeepStream 6.3 semantics). Disabled <c>[source*]</c>,
/// <c>[sink*]</c> and <c>[secondary-gie*]</c> groups are left out, as deepstream-app skips them.
/// Load with <see cref="AppConfigLoader"/>.
/// </summary>
public sealed record AppConfig
{
    /// <summary>Absolute path of the config file.</summary>
    public required string Path { get; init; }

    /// <summary>Folder relative paths were resolved against.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(Path) ?? "/";

    /// <summary>The key file (with --set overrides applied) the model was read from, for locating messages.</summary>
    public KeyFile? KeyFile { get; init; }

    public ApplicationGroup Application { get; init; } = new();

    public TiledDisplayGroup TiledDisplay { get; init; } = new();

    public SourceListGroup? SourceList { get; init; }

    /// <summary>Enabled sources in file order (or source-list order).</summary>
    public IReadOnlyList<SourceGroup> Sources { get; init; } = [];

    public StreamMuxGroup StreamMux { get; init; } = new();

    /// <summary>The primary GIE when <c>[primary-gie] enable</c> is non-zero.</summary>
    public GieGroup? PrimaryGie { get; init; }

    /// <summary>Enabled secondary GIEs in file order (only used when the primary GIE is enabled).</summary>
    public IReadOnlyList<GieGroup> SecondaryGies { get; init; } = [];

    public TrackerGroup Tracker { get; init; } = new();

    public OsdGroup Osd { get; init; } = new();

    /// <summary>Enabled sinks in file order.</summary>
    public IReadOnlyList<SinkGroup> Sinks { get; init; } = [];

    public TestsGroup Tests { get; init; } = new();

    public MessageConverterGroup? MessageConverter { get; init; }

    public IReadOnlyList<MessageConsumerGroup> MessageConsumers { get; init; } = [];

    /// <summary>Enabled optional-plugin groups (pre-process, analytics, ds-example, dewarper, segvisual, img-save).</summary>
    public IReadOnlyList<AuxiliaryGroup> Auxiliary { get; init; } = [];

    /// <summary>Number of stream-muxer inputs (type-3 groups count <c>num-sources</c> each).</summary>
    public int SourceCount => Sources.Sum(s => s.InstanceCount);
}
