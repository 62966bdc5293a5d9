namespace DeepStreamNet.Training.Classifier;

/// <summary>
/// Random changes applied to a face crop before the backbone (training only): horizontal flip, box jitter (shift of
/// each edge by up to <see cref="Jitter"/> of the box size) and brightness (× a factor in 1 ± <see cref="Brightness"/>).
/// </summary>
public sealed record CropAugmentation(bool Flip, double Jitter, double Brightness)
{
    /// <summary>No change: the crop the deployed model will see.</summary>
    public static CropAugmentation None { get; } = new(false, 0, 0);

    public bool IsNone => !Flip && Jitter <= 0 && Brightness <= 0;
}
