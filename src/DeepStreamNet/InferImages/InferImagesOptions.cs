namespace DeepStreamNet.InferImages;

/// <summary>Inputs of <see cref="ImageInference.Run"/> (<c>dsnet infer-images</c>).</summary>
public sealed record InferImagesOptions
{
    /// <summary>deepstream-app config whose [primary-gie] (and secondaries) run.</summary>
    public required string AppConfigPath { get; init; }

    /// <summary>Folder of images (png, jpg, jpeg; not recursive).</summary>
    public required string ImagesDirectory { get; init; }

    /// <summary>Where the KITTI files go (one per image stem).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Objects below this confidence are not written.</summary>
    public float ScoreThreshold { get; init; }

    /// <summary>
    /// When set, the primary detector runs with <c>pre-cluster-threshold</c> = this value in every class (a derived copy
    /// of its nvinfer config), e.g. low for AP over the whole precision/recall curve; null keeps the config's thresholds.
    /// </summary>
    public float? DetectorThreshold { get; init; }

    /// <summary>
    /// Scale every image into the config's [streammux] width × height before inference, keeping its aspect ratio, as
    /// deepstream-app's muxer scales its sources with <c>enable-padding=1</c> (without the black bands; boxes are written
    /// back in image pixels). Objects are then measured in muxer pixels, as nvinfer's
    /// secondary size limits (<c>input-object-min-width</c>/<c>-height</c>, never below 16) are; false = each image
    /// at its own size (unless the config has a [pre-process], which always uses the muxer size).
    /// </summary>
    public bool ScaleToMuxer { get; init; }

    /// <summary>When set, this nvinfer config runs as the primary detector instead of the app config's (e.g. its INT8 copy).</summary>
    public string? PrimaryConfigOverride { get; init; }

    /// <summary>Inference pipelines kept open at once (one per image size).</summary>
    public int MaxOpenPipelines { get; init; } = 4;

    /// <summary>Images done of all, after each image (written or skipped); null = none.</summary>
    public IProgress<(string Stage, int Done, int Total)>? Progress { get; init; }

    /// <summary>Per-image messages (skipped images); null = none.</summary>
    public TextWriter? Log { get; init; }
}
