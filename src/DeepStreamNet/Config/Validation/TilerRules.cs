namespace DeepStreamNet.Config;

/// <summary>Tiler rules: output size, tile aspect against the muxer's, grid against the number of sources.</summary>
internal static class TilerRules
{
    public static void Check(AppConfig config, int n, ValidationReport report)
    {
        var t = config.TiledDisplay;
        if (t.Mode == TilerMode.Disabled)
        {
            return;
        }

        var r = ConfigValidator.ReaderOf(ConfigValidator.FindGroup(config, "tiled-display"), report);
        if (r is null)
        {
            return;
        }

        if (t.Mode != TilerMode.Identity && (t.Width <= 0 || t.Height <= 0) && !r.IsMalformed("width", KeyType.Int) && !r.IsMalformed("height", KeyType.Int))
        {
            // deepstream_tiled_display_bin.c:52-62 sets the size only when non-zero: the tiler keeps its default.
            r.Warning(t.Width <= 0 ? "width" : "height", "tiler width/height not set: the tiler keeps its default output size", "set width and height (e.g. 1280x720)");
        }

        var mux = config.StreamMux;
        var (gridRows, gridColumns) = t.GridFor(n);
        if (t.Width > 0 && t.Height > 0 && mux.Width > 0 && mux.Height > 0 && gridRows > 0 && gridColumns > 0)
        {
            // Each tile is (width/columns) x (height/rows); frames are scaled into it without keeping their aspect.
            var tileAspect = (double)t.Width / gridColumns / ((double)t.Height / gridRows);
            var muxAspect = (double)mux.Width / mux.Height;
            if (Math.Abs(tileAspect / muxAspect - 1) > 0.02)
            {
                r.Warning("width", $"tiles of {t.Width / gridColumns}x{t.Height / gridRows} stretch the {mux.Width}x{mux.Height} muxer frames (aspect {tileAspect:0.###} vs {muxAspect:0.###})",
                    $"e.g. width={(int)Math.Round(t.Height / (double)gridRows * muxAspect * gridColumns)} for height={t.Height}");
            }
        }

        if ((long)t.Rows * t.Columns < n)
        {
            r.Warning(t.Rows * t.Columns == 0 ? null : "rows", $"rows x columns ({t.Rows}x{t.Columns}) is smaller than the number of sources ({n}); deepstream-app uses {gridRows}x{gridColumns}", $"set rows={gridRows} and columns={gridColumns}");
        }
    }
}
