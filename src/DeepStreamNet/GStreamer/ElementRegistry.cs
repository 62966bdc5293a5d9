using DeepStreamNet.Interop;

namespace DeepStreamNet.GStreamer;

/// <summary>What the GStreamer registry has: element factories, and what to install for one that is missing.</summary>
public static unsafe class ElementRegistry
{
    /// <summary>Whether an element factory is installed (initialises GStreamer; throws when it cannot start).</summary>
    public static bool FactoryExists(string factory)
    {
        GstStartup.Initialize();
        using var f = new Utf8Z(factory);
        var found = Gst.gst_element_factory_find(f.P);
        if (found is null)
        {
            return false;
        }

        Gst.gst_object_unref(found);
        return true;
    }

    /// <summary>Like <see cref="FactoryExists"/>, but a GStreamer that cannot start (or is not installed) has no factories.</summary>
    public static bool HasFactory(string factory)
    {
        try
        {
            return FactoryExists(factory);
        }
        catch (Exception e) when (e is InvalidOperationException or DllNotFoundException)
        {
            return false;
        }
    }

    /// <summary>What to install or build for a missing element factory.</summary>
    public static string InstallHint(string factory) => factory switch
    {
        _ when factory.StartsWith("dsnet", StringComparison.Ordinal) =>
            "it comes from the portable plugin libgstdsnet.so: add the NuGet package DeepStreamNet.Runtime.Portable to the app (dotnet add package DeepStreamNet.Runtime.Portable), or in a checkout build it (cmake -S . -B build/native && cmake --build build/native); `dsnet doctor` shows where the plugin was looked for",
        _ when factory.StartsWith("nv", StringComparison.Ordinal) =>
            "it is an NVIDIA DeepStream 6.3 element: install DeepStream (or run with --backend portable)",
        "x264enc" => "install gstreamer1.0-plugins-ugly (x264enc)",
        "x265enc" => "install gstreamer1.0-plugins-bad (x265enc)",
        "avenc_mpeg4" or "avdec_h264" => "install gstreamer1.0-libav",
        "rtspsrc" or "rtph264pay" or "rtph265pay" or "rtph264depay" or "rtph265depay" or "udpsink" or "udpsrc" or "mp4mux" or "qtmux" or "matroskamux" or "autovideosink" or "v4l2src" =>
            "install gstreamer1.0-plugins-good",
        "h264parse" or "h265parse" or "mpeg4videoparse" => "install gstreamer1.0-plugins-bad (videoparsersbad)",
        _ => "install the GStreamer plugin package that provides it (gst-inspect-1.0 " + factory + " must find it)",
    };
}
