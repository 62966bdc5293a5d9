using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>An OSD colour (NvOSD_ColorParams): red, green, blue, alpha in 0..1.</summary>
public readonly record struct OsdColor(double Red, double Green, double Blue, double Alpha = 1)
{
    /// <summary>Opaque red.</summary>
    public static OsdColor Red1 => new(1, 0, 0);

    /// <summary>Opaque green.</summary>
    public static OsdColor Green1 => new(0, 1, 0);

    /// <summary>Opaque white.</summary>
    public static OsdColor White => new(1, 1, 1);

    /// <summary>Opaque black.</summary>
    public static OsdColor Black => new(0, 0, 0);

    internal static OsdColor From(in NvOSD_ColorParams c) => new(c.red, c.green, c.blue, c.alpha);

    internal NvOSD_ColorParams ToNative() => new() { red = Red, green = Green, blue = Blue, alpha = Alpha };
}
