namespace DeepStreamNet.Config;

/// <summary>
/// Which key table (<c>Config/Keys/*Keys.cs</c>) each group of a deepstream-app 6.3 config uses (spec
/// deepstream-app-config.md §5). Drives unknown-key warnings and the typed, range-checked reads.
/// </summary>
public static class ConfigSchema
{
    /// <summary>Group kinds deepstream-app reads, in the order the spec lists them.</summary>
    public static GroupKind Classify(string groupName)
    {
        ArgumentNullException.ThrowIfNull(groupName);
        return groupName switch
        {
            "application" => GroupKind.Application,
            "tiled-display" => GroupKind.TiledDisplay,
            "source-list" => GroupKind.SourceList,
            "source-attr-all" => GroupKind.SourceAttrAll,
            "streammux" => GroupKind.StreamMux,
            "pre-process" => GroupKind.PreProcess,
            "primary-gie" => GroupKind.PrimaryGie,
            "tracker" => GroupKind.Tracker,
            "osd" => GroupKind.Osd,
            "segvisual" => GroupKind.SegVisual,
            "nvds-analytics" => GroupKind.NvDsAnalytics,
            "ds-example" => GroupKind.DsExample,
            "img-save" => GroupKind.ImgSave,
            "message-converter" => GroupKind.MessageConverter,
            "tests" => GroupKind.Tests,
            _ when IsNumbered(groupName, "source") => GroupKind.Source,
            _ when IsNumbered(groupName, "dewarper") => GroupKind.Dewarper,
            _ when groupName.StartsWith("sink", StringComparison.Ordinal) => GroupKind.Sink,
            _ when groupName.StartsWith("secondary-gie", StringComparison.Ordinal) => GroupKind.SecondaryGie,
            _ when groupName.StartsWith("secondary-pre-process", StringComparison.Ordinal) => GroupKind.SecondaryPreProcess,
            _ when groupName.StartsWith("message-consumer", StringComparison.Ordinal) => GroupKind.MessageConsumer,
            _ => GroupKind.Unknown,
        };
    }

    /// <summary>The keys of a group kind.</summary>
    public static IReadOnlyList<KeySpec> KeysOf(GroupKind kind) => kind switch
    {
        GroupKind.Application => ApplicationKeys.All,
        GroupKind.TiledDisplay => TiledDisplayKeys.All,
        GroupKind.SourceList => SourceListKeys.All,
        GroupKind.SourceAttrAll or GroupKind.Source => SourceKeys.All,
        GroupKind.StreamMux => StreamMuxKeys.All,
        GroupKind.PreProcess or GroupKind.SecondaryPreProcess => AuxiliaryKeys.PreProcess,
        GroupKind.PrimaryGie or GroupKind.SecondaryGie => GieKeys.All,
        GroupKind.Tracker => TrackerKeys.All,
        GroupKind.Osd => OsdKeys.All,
        GroupKind.SegVisual => AuxiliaryKeys.SegVisual,
        GroupKind.NvDsAnalytics => AuxiliaryKeys.EnableConfig,
        GroupKind.DsExample => AuxiliaryKeys.DsExample,
        GroupKind.ImgSave => AuxiliaryKeys.ImgSave,
        GroupKind.MessageConverter => MessageKeys.Converter,
        GroupKind.MessageConsumer => MessageKeys.Consumer,
        GroupKind.Dewarper => AuxiliaryKeys.Dewarper,
        GroupKind.Sink => SinkKeys.All,
        GroupKind.Tests => ApplicationKeys.Tests,
        _ => [],
    };

    /// <summary>Looks a key up, including the numbered GIE colour keys <c>bbox-border-color&lt;N&gt;</c> / <c>bbox-bg-color&lt;N&gt;</c>.</summary>
    public static KeySpec? Find(GroupKind kind, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var spec in KeysOf(kind))
        {
            if (spec.Name == key)
            {
                return spec;
            }
        }

        if (kind is GroupKind.PrimaryGie or GroupKind.SecondaryGie && (ColourClass(key, "bbox-border-color") is not null || ColourClass(key, "bbox-bg-color") is not null))
        {
            return GieKeys.BboxBgColor with { Name = key };
        }

        return null;
    }

    /// <summary>The class id N of <c>prefix&lt;N&gt;</c>, or null when <paramref name="key"/> is not of that form.</summary>
    public static int? ColourClass(string key, string prefix)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(prefix);
        if (key.Length <= prefix.Length || !key.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var digits = key.AsSpan(prefix.Length);
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return null;
            }
        }

        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>True for <c>prefix&lt;unsigned decimal&gt;</c>.</summary>
    public static bool IsNumbered(string name, string prefix)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal) && name.AsSpan(prefix.Length).IndexOfAnyExceptInRange('0', '9') < 0;
    }
}
