namespace DeepStreamNet.Config;

/// <summary><c>[osd] process-mode</c> (NvOSD_Mode).</summary>
public enum OsdProcessMode
{
    Cpu = 0,
    Gpu = 1,

    /// <summary>HW in ≤6.1.1, NONE (treated as GPU) in 6.2+.</summary>
    HwOrNone = 2,
}
