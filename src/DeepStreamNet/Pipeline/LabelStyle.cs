using DeepStreamNet.Config;

namespace DeepStreamNet.Pipeline;

/// <summary>
/// Label text styling deepstream-app applies when it rebuilds object labels (tiler off or one source):
/// <c>[osd] font</c>, <c>text-size</c>, <c>text-color</c>, <c>text-bg-color</c> (only when a component is &gt; 0),
/// and <c>border-width</c> for every box.
/// </summary>
public sealed record LabelStyle(string? Font, int TextSize, Rgba TextColor, Rgba? TextBackground, int BorderWidth);
