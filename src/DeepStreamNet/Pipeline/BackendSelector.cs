namespace DeepStreamNet.Pipeline;

/// <summary>Resolves <see cref="PipelineBackend.Auto"/>: DeepStream when its <c>nvinfer</c> element factory exists.</summary>
public static class BackendSelector
{
    /// <param name="requested">What the user asked for.</param>
    /// <param name="factoryExists">Tells whether a GStreamer element factory is installed (the real check comes
    /// with the interop; tests pass a delegate).</param>
    public static PipelineBackend Resolve(PipelineBackend requested, Func<string, bool> factoryExists)
    {
        ArgumentNullException.ThrowIfNull(factoryExists);
        return requested != PipelineBackend.Auto ? requested : factoryExists("nvinfer") ? PipelineBackend.DeepStream : PipelineBackend.Portable;
    }

    /// <summary>
    /// The real factory check: asks the GStreamer registry (<c>gst_element_factory_find</c>, initialising GStreamer
    /// once). A GStreamer that cannot start has no factories.
    /// </summary>
    public static bool FactoryInRegistry(string factory)
    {
        try
        {
            return Runtime.GStreamerRuntime.FactoryExists(factory);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Platform guess from the machine: Jetson boards have <c>/etc/nv_tegra_release</c>.</summary>
    public static TargetPlatform DetectPlatform() => File.Exists("/etc/nv_tegra_release") ? TargetPlatform.Jetson : TargetPlatform.DGpu;
}
