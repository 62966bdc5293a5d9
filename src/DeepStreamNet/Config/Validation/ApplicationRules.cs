namespace DeepStreamNet.Config;

/// <summary><c>[application]</c> rules: output folders.</summary>
internal static class ApplicationRules
{
    public static void Check(AppConfig config, ValidationReport report)
    {
        var a = config.Application;
        var r = ConfigValidator.ReaderOf(ConfigValidator.FindGroup(config, "application"), report);
        foreach (var (key, dir) in new[] { (ApplicationKeys.GieKittiOutputDir, a.GieKittiOutputDir), (ApplicationKeys.KittiTrackOutputDir, a.KittiTrackOutputDir), (ApplicationKeys.ReidTrackOutputDir, a.ReidTrackOutputDir) })
        {
            if (dir is not null && !Directory.Exists(dir))
            {
                r?.Warning(key.Name, $"directory does not exist: {dir} (dsnet run creates it; deepstream-app does not)");
            }
        }
    }
}
