namespace DeepStreamNet.Config;

/// <summary>
/// Cross-group and file-system checks of a parsed <see cref="AppConfig"/>, one rule file per area
/// (<c>Config/Validation/*Rules.cs</c>). Each key's own type and range are checked while reading, from its
/// declaration (<c>Config/Keys</c>); the rules here relate keys, groups, files and the backend.
/// </summary>
public static class ConfigValidator
{
    /// <summary>Adds every finding to <paramref name="report"/>; returns the config with the GIEs' nvinfer files attached.</summary>
    public static AppConfig Validate(AppConfig config, ValidationReport report, ValidationTarget target = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(report);
        var n = config.SourceCount;
        SourceRules.Check(config, report);
        StreamMuxRules.Check(config, n, report);
        var gies = GieRules.Check(config, n, report, target);
        TrackerRules.Check(config.Tracker, report, target);
        AuxiliaryRules.Check(config, report, target);
        TilerRules.Check(config, n, report);
        OsdRules.Check(config.Osd, report);
        SinkRules.Check(config, report);
        ApplicationRules.Check(config, report);
        return config with
        {
            PrimaryGie = gies.FirstOrDefault(g => g.IsPrimary),
            SecondaryGies = gies.Where(g => !g.IsPrimary).ToArray(),
        };
    }

    /// <summary>A reader over <paramref name="group"/> for locating findings (paths are already resolved in the records).</summary>
    internal static GroupReader? ReaderOf(KeyFileGroup? group, ValidationReport report) =>
        group is null ? null : new GroupReader(group, ConfigSchema.Classify(group.Name), "/", report);

    internal static KeyFileGroup? FindGroup(AppConfig config, string name) => config.KeyFile?.Group(name);
}
