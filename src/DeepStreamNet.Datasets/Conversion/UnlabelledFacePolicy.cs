namespace DeepStreamNet.Datasets.Conversion;

/// <summary>What to do with faces that no rule maps to mask / no-mask but that remain in a written image.</summary>
public enum UnlabelledFacePolicy
{
    /// <summary>Write them as KITTI <c>DontCare</c> lines so they can be excluded instead of acting as background (default).</summary>
    DontCare,

    /// <summary>Do not write images that contain such faces.</summary>
    SkipImage,

    /// <summary>Leave them out of the label file (the recipe's behaviour: they become background).</summary>
    Omit,
}
