using DeepStreamNet.GStreamer;
using DeepStreamNet.Runner;

namespace DeepStreamNet.Tests.Probes;

/// <summary>Shared set-up of the pipeline tests: GStreamer on this checkout's build, the portable face-mask configs
/// with their model paths resolving into ../shared/assets (a symlink in a temp folder, no bytes copied).</summary>
internal static class ProbeTestEnv
{
    private static readonly Lazy<string> Configs = new(MakeConfigTree);

    public static string NativeLibDir => Path.Combine(TestPaths.RepositoryRoot, "build", "native", "lib");

    /// <summary>configs/face-mask/portable inside a temp tree whose assets/ points at ../shared/assets.</summary>
    public static string PortableConfigDir => Configs.Value;

    /// <summary>The nvinfer config of the UltraFace detector.</summary>
    public static string InferConfig => Path.Combine(PortableConfigDir, "config_infer_primary_ultraface.txt");

    /// <summary>A Kaggle dev image (512x366, 3 faces: 2 without mask, 1 with).</summary>
    public static string FaceImage => Path.Combine(TestPaths.Shared, "datasets", "kaggle-facemask-dev", "images", "maksssksksss0.png");

    public static void Init()
    {
        if (!File.Exists(Path.Combine(NativeLibDir, "libgstdsnet.so")))
        {
            NUnit.Framework.Assert.Fail($"libgstdsnet.so is not built in {NativeLibDir}: run cmake -S . -B build/native && cmake --build build/native");
        }

        // Same isolated registry as the runtime tests (Runtime/GstSetUp.cs), whichever fixture runs first.
        if (!GstStartup.IsInitialized)
        {
            GstStartup.UseIsolatedRegistry(NativeLibDir, Path.Combine(TestPaths.RepositoryRoot, "build", "native", "gst-registry-dotnet-tests.bin"));
            GstStartup.Initialize();
        }
    }

    /// <summary>
    /// videotestsrc → dsnetstreammux → [dsnetinfer name=infer] → identity name=after → fakesink name=sink.
    /// </summary>
    public static string TestSrcPipeline(int buffers, bool infer = false, string extra = "", int width = 160, int height = 120) =>
        $"videotestsrc num-buffers={buffers} ! video/x-raw,width={width},height={height},framerate=100/1 ! m.sink_0 " +
        $"dsnetstreammux name=m batch-size=1 width={width} height={height} ! " +
        (infer ? $"dsnetinfer name=infer config-file-path=\"{InferConfig}\" ! " : string.Empty) +
        $"identity name=after ! fakesink name=sink {extra}";

    /// <summary>The face image repeated <paramref name="buffers"/> times → mux (512x366) → dsnetinfer name=infer → identity name=after → fakesink.</summary>
    public static string FaceImagePipeline(int buffers) =>
        $"filesrc location=\"{FaceImage}\" ! pngdec ! imagefreeze num-buffers={buffers} ! video/x-raw,framerate=25/1 ! videoconvert ! m.sink_0 " +
        "dsnetstreammux name=m batch-size=1 width=512 height=366 ! " +
        $"dsnetinfer name=infer config-file-path=\"{InferConfig}\" ! identity name=after ! fakesink name=sink";

    private static string MakeConfigTree()
    {
        var root = Path.Combine(Path.GetTempPath(), $"dsnet-probe-tests-{Environment.ProcessId}");
        var dst = Path.Combine(root, "configs", "face-mask", "portable");
        Directory.CreateDirectory(dst);
        foreach (var f in Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "configs", "face-mask", "portable")))
        {
            File.Copy(f, Path.Combine(dst, Path.GetFileName(f)), overwrite: true);
        }

        var assets = Path.Combine(root, "assets");
        if (!Directory.Exists(assets))
        {
            Directory.CreateSymbolicLink(assets, TestPaths.SharedAssets);
        }

        return dst;
    }
}
