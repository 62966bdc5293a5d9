namespace FaceMaskAlerts;

/// <summary>Settings of <see cref="MaskAlertProbe"/>.</summary>
public sealed record AlertOptions
{
    /// <summary>Consecutive <c>no-mask</c> frames of one track before it raises an alert.</summary>
    public int ConsecutiveFrames { get; init; } = 5;

    /// <summary>Folder for the JPEG crop of each alerted face; null = no crops.</summary>
    public string? CropDirectory { get; init; }

    /// <summary>Frames after which a track that was not seen is forgotten.</summary>
    public int ForgetAfterFrames { get; init; } = 150;
}
