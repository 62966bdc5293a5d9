namespace DeepStreamNet.Config;

/// <summary>Stream-muxer rules: output size required, batch size against the number of sources, its config file.</summary>
internal static class StreamMuxRules
{
    public static void Check(AppConfig config, int n, ValidationReport report)
    {
        var m = config.StreamMux;
        var r = ConfigValidator.ReaderOf(m.Group, report);
        if (r is null)
        {
            report.Error(config.Path, 0, "streammux", null, "no [streammux] group: the muxer output width and height are required");
            return;
        }

        if ((m.Width <= 0 || m.Height <= 0) && !r.IsMalformed("width", KeyType.Int) && !r.IsMalformed("height", KeyType.Int))
        {
            r.Error(m.Width <= 0 ? "width" : "height", "[streammux] width and height must both be set (> 0): nvstreammux scales every frame to them", "e.g. width=1920 and height=1080");
        }

        // With [source-list] deepstream-app forces the muxer and primary GIE batch sizes to the number of listed sources.
        if (config.SourceList is null && m.BatchSize == 0 && n > 1)
        {
            r.Warning(null, $"batch-size is not set with {n} sources", $"set batch-size={n}");
        }
        else if (config.SourceList is null && m.BatchSize > 0 && m.BatchSize < n)
        {
            r.Warning("batch-size", $"batch-size {m.BatchSize} is smaller than the number of sources ({n}): frames of some sources wait for later batches", $"set batch-size={n}");
        }

        if (m.ConfigFile is { } cf && FileLimits.Problem(cf, FileLimits.MaxTextBytes) is { } problem)
        {
            r.Error("config-file", $"{problem}: {cf}");
        }
    }
}
