namespace DeepStreamNet.Metadata;

/// <summary>An axis-aligned box in pixels of the muxer frame (left, top, width, height — DeepStream's order).</summary>
public readonly record struct RectF(float Left, float Top, float Width, float Height)
{
    /// <summary>Left + Width.</summary>
    public float Right => Left + Width;

    /// <summary>Top + Height.</summary>
    public float Bottom => Top + Height;

    /// <summary>Whether the box lies inside a <paramref name="width"/> × <paramref name="height"/> frame (with a tolerance in pixels).</summary>
    public bool IsInside(float width, float height, float tolerance = 0.5f) =>
        Left >= -tolerance && Top >= -tolerance && Right <= width + tolerance && Bottom <= height + tolerance && Width >= 0 && Height >= 0;
}
