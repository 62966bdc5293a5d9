namespace DeepStreamNet.Config;

/// <summary>Tracker rules: the low-level library (DeepStream only), its config file, the tracker size.</summary>
internal static class TrackerRules
{
    private static readonly string[] Klt5Libraries = ["libnvds_mot_klt.so", "libnvds_mot_iou.so", "libnvds_nvdcf.so"];

    public static void Check(TrackerGroup t, ValidationReport report, ValidationTarget target)
    {
        var r = ConfigValidator.ReaderOf(t.Group, report);
        if (r is null)
        {
            return;
        }

        if (t.LlLibFile is { } lib && Klt5Libraries.Any(k => lib.EndsWith(k, StringComparison.Ordinal)))
        {
            r.Warning("ll-lib-file", $"{Path.GetFileName(lib)} is a DeepStream 5.x tracker library; 6.x ships only the unified tracker", "use /opt/nvidia/deepstream/deepstream/lib/libnvds_nvmultiobjecttracker.so with an IOU/NvDCF/DeepSORT ll-config-file");
        }

        if (!t.Enable)
        {
            return;
        }

        if (t.LlLibFile is null)
        {
            BackendRules.DeepStreamOnly(r, target, "ll-lib-file", "ll-lib-file is required by nvtracker when the tracker is enabled", "point it at libnvds_nvmultiobjecttracker.so (the portable tracker does not need it)");
        }
        else if (FileLimits.Problem(t.LlLibFile) is { } libProblem)
        {
            BackendRules.DeepStreamOnly(r, target, "ll-lib-file", $"{libProblem}: {t.LlLibFile}", "on DeepStream point it at libnvds_nvmultiobjecttracker.so; the portable tracker ignores this key", missingFile: true);
        }

        // The tracker reads this file itself (portable: dsnettracker's YAML reader), so it gets the text-file limits too.
        if (t.LlConfigFile is { } cfg && FileLimits.Problem(cfg, FileLimits.MaxTextBytes) is { } problem)
        {
            if (problem == "file not found" && cfg.StartsWith(BackendRules.DeepStreamInstallDir, StringComparison.Ordinal))
            {
                BackendRules.DeepStreamOnly(r, target, "ll-config-file", $"file not found: {cfg}", "this is a file of the DeepStream installation", missingFile: true);
            }
            else
            {
                r.Error("ll-config-file", $"{problem}: {cfg}");
            }
        }

        if (t.TrackerWidth <= 0 || t.TrackerHeight <= 0)
        {
            r.Warning(null, "tracker-width/tracker-height are not set", "e.g. tracker-width=640 and tracker-height=384 (multiples of 32)");
        }
    }
}
