namespace DeepStreamNet.Metadata;

/// <summary>A whole-pixel rectangle inside a frame (left, top, width, height).</summary>
public readonly record struct PixelRect(int Left, int Top, int Width, int Height)
{
    /// <summary>Left + Width.</summary>
    public int Right => Left + Width;

    /// <summary>Top + Height.</summary>
    public int Bottom => Top + Height;

    /// <summary>True when it covers no pixel.</summary>
    public bool IsEmpty => Width <= 0 || Height <= 0;

    /// <summary>
    /// The pixels <paramref name="box"/> touches (outwards to whole pixels), clipped to a <paramref name="width"/> ×
    /// <paramref name="height"/> frame; empty when the box lies outside it.
    /// </summary>
    public static PixelRect Clip(RectF box, int width, int height)
    {
        var x0 = Math.Clamp((int)MathF.Floor(box.Left), 0, width);
        var y0 = Math.Clamp((int)MathF.Floor(box.Top), 0, height);
        var x1 = Math.Clamp((int)MathF.Ceiling(box.Right), 0, width);
        var y1 = Math.Clamp((int)MathF.Ceiling(box.Bottom), 0, height);
        return new PixelRect(x0, y0, Math.Max(0, x1 - x0), Math.Max(0, y1 - y0));
    }
}
