using System.Globalization;

namespace DeepStreamNet.Config;

/// <summary>A deepstream-app colour (<c>r;g;b;a</c>, components nominally 0–1), as NvOSD_ColorParams.</summary>
public readonly record struct Rgba(double R, double G, double B, double A)
{
    /// <summary>True when every component is within 0–1.</summary>
    public bool IsInRange => R is >= 0 and <= 1 && G is >= 0 and <= 1 && B is >= 0 and <= 1 && A is >= 0 and <= 1;

    /// <summary>True when any component is above 0 (deepstream-app's test for "set" on text-bg-color).</summary>
    public bool AnyPositive => R > 0 || G > 0 || B > 0 || A > 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{R};{G};{B};{A}");
}
