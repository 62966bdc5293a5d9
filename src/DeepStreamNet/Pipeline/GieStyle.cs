using DeepStreamNet.Config;

namespace DeepStreamNet.Pipeline;

/// <summary>
/// How deepstream-app styles the objects of one GIE before the OSD (its own probe): border colour per class
/// (<c>bbox-border-color&lt;N&gt;</c>, else <c>bbox-border-color</c>), border width from <c>[osd]</c>, fill only from
/// <c>bbox-bg-color&lt;N&gt;</c>. Kept as data for the probe that applies it.
/// </summary>
public sealed record GieStyle(
    string Gie,
    int GieUniqueId,
    Rgba BorderColor,
    IReadOnlyDictionary<int, Rgba> ClassBorderColors,
    IReadOnlyDictionary<int, Rgba> ClassBackgroundColors,
    int BorderWidth)
{
    /// <summary>Border colour of <paramref name="classId"/>.</summary>
    public Rgba BorderColorOf(int classId) => ClassBorderColors.TryGetValue(classId, out var c) ? c : BorderColor;

    /// <summary>Fill colour of <paramref name="classId"/>, or null (no fill).</summary>
    public Rgba? BackgroundColorOf(int classId) => ClassBackgroundColors.TryGetValue(classId, out var c) ? c : null;
}
