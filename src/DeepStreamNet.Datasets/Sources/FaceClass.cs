namespace DeepStreamNet.Datasets.Sources;

/// <summary>What a source annotation becomes in the KITTI output.</summary>
public enum FaceClass
{
    /// <summary>Face wearing a mask: KITTI class <c>mask</c>.</summary>
    Mask,

    /// <summary>Face without a mask: KITTI class <c>no-mask</c>.</summary>
    NoMask,

    /// <summary>A face that no rule maps (occluded, invalid, mask worn incorrectly, unknown class): by default written as <c>DontCare</c>.</summary>
    Ignore,

    /// <summary>Not a face at all (e.g. a box around the mask itself): dropped.</summary>
    NotAFace,
}
