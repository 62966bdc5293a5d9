using DeepStreamNet.Datasets.Kitti;

namespace DeepStreamNet.Datasets.Sources;

/// <summary>Tight axis-aligned box of a rotated ellipse (FDDB annotations).</summary>
public static class EllipseBox
{
    /// <summary>
    /// Box of the ellipse with semi-axes <paramref name="major"/> (along the direction <paramref name="angleRadians"/>
    /// from the x axis) and <paramref name="minor"/>, centred on (<paramref name="cx"/>, <paramref name="cy"/>).
    /// Half-width √((a cosθ)² + (b sinθ)²), half-height √((a sinθ)² + (b cosθ)²). The angle is in radians, as FDDB
    /// stores it (the recipe truncates it to an integer and reads it as degrees).
    /// </summary>
    public static Box Compute(double major, double minor, double angleRadians, double cx, double cy)
    {
        var c = Math.Cos(angleRadians);
        var s = Math.Sin(angleRadians);
        var hw = Math.Sqrt((major * c * major * c) + (minor * s * minor * s));
        var hh = Math.Sqrt((major * s * major * s) + (minor * c * minor * c));
        return new Box(cx - hw, cy - hh, cx + hw, cy + hh);
    }
}
