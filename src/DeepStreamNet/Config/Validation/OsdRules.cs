namespace DeepStreamNet.Config;

/// <summary>OSD rules: colour components within 0–1.</summary>
internal static class OsdRules
{
    public static void Check(OsdGroup o, ValidationReport report)
    {
        var r = ConfigValidator.ReaderOf(o.Group, report);
        if (r is null)
        {
            return;
        }

        foreach (var (key, c) in new[] { (OsdKeys.TextColor, (Rgba?)o.TextColor), (OsdKeys.TextBgColor, o.TextBgColor), (OsdKeys.ClockColor, o.ClockColor) })
        {
            if (c is { IsInRange: false } bad && r.Has(key.Name))
            {
                r.Warning(key.Name, $"colour {bad} has components outside 0-1");
            }
        }
    }
}
