namespace DeepStreamNet.Config;

/// <summary>The kinds of groups a deepstream-app config can hold (spec §3).</summary>
public enum GroupKind
{
    Unknown,
    Application,
    TiledDisplay,
    SourceList,
    SourceAttrAll,
    Source,
    StreamMux,
    PreProcess,
    PrimaryGie,
    Tracker,
    Osd,
    SegVisual,
    NvDsAnalytics,
    DsExample,
    ImgSave,
    MessageConverter,
    Tests,
    Dewarper,
    Sink,
    SecondaryGie,
    SecondaryPreProcess,
    MessageConsumer,
}
