namespace DeepStreamNet.Config;

/// <summary><c>[osd]</c> keys.</summary>
public static class OsdKeys
{
    private const string NeverParsed = "the name is defined by deepstream-app but never parsed; it has no effect (per-class box colours are bbox-border-color<N> of the GIE groups)";

    /// <summary>deepstream-app passes 0 (CPU) when the key is absent.</summary>
    public static readonly Key<int?> ProcessMode = Declare.Choice<OsdProcessMode>("process-mode", "OSD process mode", "0 (CPU), 1 (GPU), 2 (NONE in 6.2+, treated as GPU)");
    public static readonly Key<int> BorderWidth = Declare.Int("border-width", 0, min: 0, max: 1024);
    public static readonly Key<int> TextSize = Declare.Int("text-size", 0, min: 0, max: 1024);
    public static readonly Key<Rgba?> TextColor = Declare.Colour("text-color");
    public static readonly Key<Rgba?> TextBgColor = Declare.Colour("text-bg-color");
    public static readonly Key<string?> Font = Declare.Text("font");
    public static readonly Key<bool> ShowClock = Declare.Flag("show-clock");
    public static readonly Key<int> ClockXOffset = Declare.Int("clock-x-offset", 0, min: 0, max: CommonKeys.MaxDimension);
    public static readonly Key<int> ClockYOffset = Declare.Int("clock-y-offset", 0, min: 0, max: CommonKeys.MaxDimension);
    public static readonly Key<int> ClockTextSize = Declare.Int("clock-text-size", 0, min: 0, max: 1024);
    public static readonly Key<Rgba?> ClockColor = Declare.Colour("clock-color");
    public static readonly Key<string?> HwBlendColorAttr = Declare.Text("hw-blend-color-attr", on: KeyBackends.DeepStream);
    public static readonly Key<bool> DisplayText = Declare.Bool("display-text", true);
    public static readonly Key<bool> DisplayBbox = Declare.Bool("display-bbox", true);
    public static readonly Key<bool> DisplayMask = Declare.Bool("display-mask");

    public static readonly KeySpec[] All =
    [
        CommonKeys.Enable, CommonKeys.GpuId, ProcessMode, BorderWidth, TextSize, TextColor, TextBgColor, Font, ShowClock,
        ClockXOffset, ClockYOffset, ClockTextSize, ClockColor, HwBlendColorAttr, CommonKeys.NvbufMemoryType, DisplayText,
        DisplayBbox, DisplayMask, Declare.NotRead("border-color", KeyType.Colour, "5.0", NeverParsed),
    ];
}
