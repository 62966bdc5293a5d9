namespace DeepStreamNet.Config;

/// <summary>The backends on which a key has an effect.</summary>
[Flags]
public enum KeyBackends
{
    /// <summary>Read by deepstream-app / nvinfer 6.3 and by the portable runtime.</summary>
    Both = Portable | DeepStream,

    /// <summary>Only the portable runtime reads it.</summary>
    Portable = 1,

    /// <summary>Only NVIDIA DeepStream reads it (GPU, TensorRT, library keys): the portable runtime ignores it.</summary>
    DeepStream = 2,
}
