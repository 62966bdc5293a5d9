namespace DeepStreamNet.Config;

/// <summary>
/// Which keys of a config a backend ignores, from each key's declared <see cref="KeySpec.Backends"/>. Not a
/// validation finding (a config written for DeepStream runs unchanged on the portable runtime); callers such as
/// <c>dsnet describe</c> list them so a user knows what has no effect.
/// </summary>
public static class KeySupport
{
    /// <summary>Keys of the groups the pipeline is built from that are set to something other than their default
    /// but that <paramref name="backend"/> does not read; located at the key.</summary>
    public static IReadOnlyList<ValidationIssue> IgnoredBy(AppConfig config, KeyBackends backend)
    {
        ArgumentNullException.ThrowIfNull(config);
        var report = new ValidationReport();
        IEnumerable<KeyFileGroup?> groups =
        [
            .. config.Sources.Select(s => s.Group), config.StreamMux.Group, config.PrimaryGie?.Group, .. config.SecondaryGies.Select(g => g.Group),
            config.Tracker.Enable ? config.Tracker.Group : null, config.Osd.Enable ? config.Osd.Group : null, .. config.Sinks.Select(s => s.Group),
            config.TiledDisplay.Mode == TilerMode.Disabled ? null : config.KeyFile?.Group("tiled-display"),
        ];
        var name = backend == KeyBackends.Portable ? "the portable runtime" : "NVIDIA DeepStream";
        foreach (var group in groups.OfType<KeyFileGroup>().Distinct())
        {
            var r = new GroupReader(group, ConfigSchema.Classify(group.Name), "/", report);
            foreach (var key in group.Keys)
            {
                if (ConfigSchema.Find(r.Kind, key) is { NotIn63: null } spec && (spec.Backends & backend) == 0
                    && r.ValueOf(spec) is { } value && !value.Equals(spec.DefaultValue))
                {
                    r.Warning(key, $"{key} has no effect on {name}");
                }
            }
        }

        return report.Issues;
    }
}
