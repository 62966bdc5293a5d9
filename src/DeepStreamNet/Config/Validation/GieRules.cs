namespace DeepStreamNet.Config;

/// <summary>GIE rules: the nvinfer file (loaded and checked by <see cref="NvInferRules"/>), referenced files, batch size
/// against the sources, unique ids, class colours, secondary GIE targets.</summary>
internal static class GieRules
{
    public static List<GieGroup> Check(AppConfig config, int n, ValidationReport report, ValidationTarget target)
    {
        var all = new List<GieGroup>();
        if (config.PrimaryGie is { } pgie)
        {
            all.Add(pgie);
        }
        else if (config.SecondaryGies.Count > 0)
        {
            var g = config.SecondaryGies[0];
            ConfigValidator.ReaderOf(g.Group, report)?.Warning("enable", "secondary GIEs are built only when [primary-gie] is enabled: they are ignored");
        }

        all.AddRange(config.SecondaryGies);
        var ids = new Dictionary<int, GieGroup>();
        var loaded = new List<GieGroup>();
        foreach (var gie in all)
        {
            var r = ConfigValidator.ReaderOf(gie.Group, report)!;
            var infer = LoadInferConfig(gie, r, report, target);
            loaded.Add(gie with { Infer = infer });

            if (gie.ModelEngineFile is { } engine && FileLimits.Problem(engine) is { } engineProblem)
            {
                r.Warning("model-engine-file", $"engine {engineProblem}: {engine}", "nvinfer then builds an engine from the model named in the nvinfer file (slow first start); DeepStream 5.x engines never load on 6.x");
            }

            if (gie.LabelFilePath is { } labels && FileLimits.Problem(labels, FileLimits.MaxTextBytes) is { } labelProblem)
            {
                r.Error("labelfile-path", $"{labelProblem}: {labels}");
            }

            if (gie.InferRawOutputDir is { } rawDir && !Directory.Exists(rawDir))
            {
                r.Error("infer-raw-output-dir", $"directory does not exist: {rawDir}");
            }

            var batch = gie.BatchSize ?? infer?.BatchSize;
            if (gie.IsPrimary && config.SourceList is null && batch is { } b && b < n)
            {
                r.Warning(gie.BatchSize is null ? null : "batch-size", $"primary GIE batch-size {b} is smaller than the number of sources ({n}): each muxer batch is inferred in several passes", $"set batch-size={n}");
            }

            var id = gie.GieUniqueId ?? infer?.GieUniqueId ?? NvInferKeys.GieUniqueId.Default;
            if (ids.TryGetValue(id, out var other))
            {
                r.Error(gie.GieUniqueId is null ? null : "gie-unique-id", $"gie-unique-id {id} is already used by [{other.Name}]", "give every GIE a distinct gie-unique-id");
            }
            else
            {
                ids[id] = gie;
            }

            CheckColours(gie, infer, r);
        }

        // deepstream_app_config_parser.c:531-548 compares the app config's gie-unique-id keys (0 when absent), not
        // the ids the nvinfer files give: ids set only in the nvinfer files fail there with "Non unique gie ids found".
        var appIds = new Dictionary<int, GieGroup>();
        foreach (var gie in loaded)
        {
            var appId = gie.GieUniqueId ?? 0;
            // Only between GIEs whose nvinfer file loaded (otherwise that file's error says enough).
            if (appIds.TryGetValue(appId, out var first) && first.Infer is not null && gie.Infer is not null && first.EffectiveUniqueId != gie.EffectiveUniqueId)
            {
                ConfigValidator.ReaderOf(gie.Group, report)!.Error(gie.GieUniqueId is null ? null : "gie-unique-id",
                    $"deepstream-app compares the gie-unique-id keys of the app config (0 when absent): [{first.Name}] and [{gie.Name}] both have {appId} (Non unique gie ids found)",
                    "set gie-unique-id in each GIE group of the app config");
            }

            appIds.TryAdd(appId, gie);
        }

        foreach (var gie in all.Where(g => !g.IsPrimary))
        {
            if (gie.OperateOnGieId is { } targetId && !ids.ContainsKey(targetId))
            {
                ConfigValidator.ReaderOf(gie.Group, report)!.Warning("operate-on-gie-id", $"no GIE has gie-unique-id {targetId}: this secondary GIE will see no objects");
            }
        }

        return loaded;
    }

    private static NvInferConfig? LoadInferConfig(GieGroup gie, GroupReader r, ValidationReport report, ValidationTarget target)
    {
        if (gie.ConfigFile is null)
        {
            r.Error("config-file", "config-file is required (the nvinfer config file)");
        }
        else if (FileLimits.Problem(gie.ConfigFile, FileLimits.MaxTextBytes) is { } problem)
        {
            r.Error("config-file", $"{problem}: {gie.ConfigFile}", "paths are relative to this config file's folder");
        }
        else if (gie.PluginType == 0)
        {
            return NvInferConfig.Load(gie.ConfigFile, report, target);
        }

        return null;
    }

    private static void CheckColours(GieGroup gie, NvInferConfig? infer, GroupReader r)
    {
        foreach (var (cls, c) in gie.BboxBorderColors.Concat(gie.BboxBgColors))
        {
            if (infer is { NetworkType: 0, NumDetectedClasses: > 0 } && cls >= infer.NumDetectedClasses)
            {
                r.Warning(null, $"colour for class {cls} but the detector has {infer.NumDetectedClasses} classes (0..{infer.NumDetectedClasses - 1})");
            }

            if (!c.IsInRange)
            {
                r.Warning(null, $"colour {c} of class {cls} has components outside 0-1");
            }
        }
    }
}
