namespace FaceMaskAlerts;

/// <summary>Settings of <see cref="MaskAlertProbe"/> (the <c>[Alerts]</c> group of the settings INI).</summary>
public sealed class AlertOptions
{
    /// <summary>Consecutive <c>no-mask</c> frames of one track before it raises an alert.</summary>
    public int ConsecutiveFrames { get; set; } = 5;

    /// <summary>Folder for the JPEG crop of each alerted face; empty = no crops.</summary>
    public string? CropDirectory { get; set; }

    /// <summary>Frames after which a track that was not seen is forgotten.</summary>
    public int ForgetAfterFrames { get; set; } = 150;

    /// <summary>Stop the host (EOS, files finalised) after this many frames of source 0; 0 = run to the end.</summary>
    public int MaxFrames { get; set; }

    /// <summary>JPEG quality of the crops.</summary>
    public int JpegQuality { get; set; } = 90;
}
