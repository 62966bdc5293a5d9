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

    public bool DisplayText { get; init; } = true;

    public bool DisplayBbox { get; init; } = true;

    public bool DisplayMask { get; init; }

    public KeyFileGroup? Group { get; init; }

    internal static OsdGroup Read(GroupReader r) => new()
    {
        Enable = r.GetIntBool("enable", false),
        GpuId = r.GetInt("gpu-id", 0),
        ProcessMode = r.Enum<OsdProcessMode>("process-mode", "OSD process mode", "0 (CPU), 1 (GPU), 2 (NONE in 6.2+, treated as GPU)") ?? OsdProcessMode.Cpu,
        BorderWidth = r.GetInt("border-width", 0),
        TextSize = r.GetInt("text-size", 0),
        TextColor = r.GetColour("text-color") ?? default,
        TextBgColor = r.GetColour("text-bg-color"),
        Font = r.GetString("font"),
        ShowClock = r.GetIntBool("show-clock", false),
        ClockXOffset = r.GetInt("clock-x-offset", 0),
        ClockYOffset = r.GetInt("clock-y-offset", 0),
        ClockTextSize = r.GetInt("clock-text-size", 0),
        ClockColor = r.GetColour("clock-color"),
        HwBlendColorAttr = r.GetString("hw-blend-color-attr"),
        NvbufMemoryType = r.GetInt("nvbuf-memory-type", 0),
        DisplayText = r.GetBool("display-text", true),
        DisplayBbox = r.GetBool("display-bbox", true),
        DisplayMask = r.GetBool("display-mask", false),
        Group = r.Group,
    };
}
