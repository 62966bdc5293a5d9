namespace DeepStreamNet.Config;

/// <summary>What a file named by an nvinfer <c>[property]</c> key is, which decides how a missing one is reported.</summary>
public enum NvInferPathRole
{
    /// <summary>Not a file.</summary>
    None,

    /// <summary>A model nvinfer builds an engine from (at least one, or an engine, must exist).</summary>
    Model,

    /// <summary>A TensorRT engine (missing: nvinfer rebuilds it).</summary>
    Engine,

    /// <summary>An INT8 calibration cache (missing: a warning).</summary>
    Calibration,

    /// <summary>A file nvinfer needs when set (parser library, mean image).</summary>
    Required,

    /// <summary>The label file: needed when set, and read by the host too (so at most <see cref="FileLimits.MaxTextBytes"/>).</summary>
    Labels,
}
