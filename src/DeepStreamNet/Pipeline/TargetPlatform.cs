namespace DeepStreamNet.Pipeline;

/// <summary>The DeepStream platform a graph is built for (changes the renderer and the CSI source).</summary>
public enum TargetPlatform
{
    /// <summary>x86 with a discrete GPU: <c>nveglglessink</c>, CSI replaced by <c>videotestsrc</c>.</summary>
    DGpu,

    /// <summary>Jetson (integrated GPU): <c>nv3dsink</c>, <c>nvarguscamerasrc</c>.</summary>
    Jetson,
}
