namespace DeepStreamNet.Datasets.Kitti;

/// <summary>An axis-aligned box in pixels, corners inclusive of left/top and exclusive-ish of right/bottom (KITTI x1 y1 x2 y2).</summary>
public readonly record struct Box(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;

    public double Height => Bottom - Top;

    public double Area => Width > 0 && Height > 0 ? Width * Height : 0;

    /// <summary>True when the box has positive width and height and finite coordinates.</summary>
    public bool IsValid => double.IsFinite(Left) && double.IsFinite(Top) && double.IsFinite(Right) && double.IsFinite(Bottom) && Right > Left && Bottom > Top;

    /// <summary>Box from a top-left corner and a size (MAFA, WIDER FACE store boxes this way).</summary>
    public static Box FromXywh(double x, double y, double w, double h) => new(x, y, x + w, y + h);

    /// <summary>Intersection over union; 0 when either box is empty.</summary>
    public double IoU(Box other)
    {
        var iw = Math.Min(Right, other.Right) - Math.Max(Left, other.Left);
        var ih = Math.Min(Bottom, other.Bottom) - Math.Max(Top, other.Top);
        if (iw <= 0 || ih <= 0)
        {
            return 0;
        }

        var inter = iw * ih;
        var union = Area + other.Area - inter;
        return union > 0 ? inter / union : 0;
    }

    public Box Clip(double width, double height) =>
        new(Math.Clamp(Left, 0, width), Math.Clamp(Top, 0, height), Math.Clamp(Right, 0, width), Math.Clamp(Bottom, 0, height));

    public Box Scale(double sx, double sy) => new(Left * sx, Top * sy, Right * sx, Bottom * sy);
}
