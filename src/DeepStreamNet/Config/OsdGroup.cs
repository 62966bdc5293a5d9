namespace DeepStreamNet.Config;

/// <summary><c>[osd]</c>.</summary>
public sealed record OsdGroup
{
    public bool Enable { get; init; }

    public int GpuId { get; init; }

    /// <summary>deepstream-app passes 0 (CPU) when the key is absent.</summary>
    public OsdProcessMode ProcessMode { get; init; }

    public int BorderWidth { get; init; }

    public int TextSize { get; init; }

    public Rgba TextColor { get; init; }

    public Rgba? TextBgColor { get; init; }

    public string? Font { get; init; }

    public bool ShowClock { get; init; }

    public int ClockXOffset { get; init; }

    public int ClockYOffset { get; init; }

    public int ClockTextSize { get; init; }

    public Rgba? ClockColor { get; init; }

    public string? HwBlendColorAttr { get; init; }

    public int NvbufMemoryType { get; init; }

    public bool DisplayText { get; init; } = OsdKeys.DisplayText.Default;

    public bool DisplayBbox { get; init; } = OsdKeys.DisplayBbox.Default;

    public bool DisplayMask { get; init; }

    public KeyFileGroup? Group { get; init; }

    internal static OsdGroup Read(GroupReader r) => new()
    {
        Enable = r.Value(CommonKeys.Enable),
        GpuId = r.Value(CommonKeys.GpuId),
        ProcessMode = r.Enum<OsdProcessMode>(OsdKeys.ProcessMode) ?? OsdProcessMode.Cpu,
        BorderWidth = r.Value(OsdKeys.BorderWidth),
        TextSize = r.Value(OsdKeys.TextSize),
        TextColor = r.Value(OsdKeys.TextColor) ?? default,
        TextBgColor = r.Value(OsdKeys.TextBgColor),
        Font = r.Value(OsdKeys.Font),
        ShowClock = r.Value(OsdKeys.ShowClock),
        ClockXOffset = r.Value(OsdKeys.ClockXOffset),
        ClockYOffset = r.Value(OsdKeys.ClockYOffset),
        ClockTextSize = r.Value(OsdKeys.ClockTextSize),
        ClockColor = r.Value(OsdKeys.ClockColor),
        HwBlendColorAttr = r.Value(OsdKeys.HwBlendColorAttr),
        NvbufMemoryType = r.Value(CommonKeys.NvbufMemoryType),
        DisplayText = r.Value(OsdKeys.DisplayText),
        DisplayBbox = r.Value(OsdKeys.DisplayBbox),
        DisplayMask = r.Value(OsdKeys.DisplayMask),
        Group = r.Group,
    };
}
