using System.Runtime.InteropServices;
using DeepStreamNet.Assets;
using DeepStreamNet.GStreamer;
using DeepStreamNet.Interop;

namespace DeepStreamNet.Diagnostics;

/// <summary>
/// What this machine has and lacks for each backend (<c>dsnet doctor</c>): GStreamer and its plugins, the portable
/// plugin (and where it was found), the metadata library, ONNX Runtime, DeepStream, display, V4L2 cameras, assets.
/// Every missing piece comes with the command that fixes it.
/// </summary>
public static unsafe class MachineDoctor
{
    private const string AptInstall = "sudo apt-get install ";

    // Elements every config uses (file sources, conversion, queues) and those only some sinks/sources use.
    private static readonly string[] RequiredStock = ["uridecodebin", "decodebin", "qtdemux", "h264parse", "avdec_h264", "videoconvert", "videoscale", "queue", "capsfilter", "fakesink"];
    private static readonly string[] OptionalStock = ["x264enc", "mp4mux", "filesink", "rtspsrc", "rtph264pay", "udpsink", "v4l2src", "autovideosink", "xvimagesink"];
    private static readonly string[] PortableElements = ["dsnetstreammux", "dsnetinfer", "dsnettracker", "dsnetosd", "dsnetmultistreamtiler", "dsnetstreamdemux", "dsnetvideoconvert"];
    private static readonly string[] DeepStreamElements = ["nvstreammux", "nvinfer", "nvtracker", "nvdsosd", "nvmultistreamtiler", "nvvideoconvert"];

    /// <summary>Examines the machine; <paramref name="assetRoot"/> is a folder holding <c>assets/manifest.tsv</c> (null: skip).</summary>
    public static DoctorReport Examine(PipelineBackend requested, string? assetRoot)
    {
        var checks = new List<DoctorCheck>();
        var gstreamer = CheckGStreamer(checks);
        CheckPortable(checks, gstreamer);
        CheckDeepStream(checks, gstreamer);
        CheckMachine(checks);
        CheckAssets(checks, assetRoot);
        var chosen = requested != PipelineBackend.Auto ? requested
            : gstreamer && ElementRegistry.HasFactory("nvinfer") ? PipelineBackend.DeepStream : PipelineBackend.Portable;
        return new DoctorReport(checks, requested, chosen);
    }

    private static bool CheckGStreamer(List<DoctorCheck> checks)
    {
        try
        {
            GstStartup.Initialize();
        }
        catch (Exception ex) when (ex is DllNotFoundException or InvalidOperationException)
        {
            checks.Add(new("GStreamer", "GStreamer 1.x", CheckStatus.Missing, ex.Message, AptInstall + "libgstreamer1.0-0 gstreamer1.0-plugins-base"));
            return false;
        }

        uint major, minor, micro, nano;
        Gst.gst_version(&major, &minor, &micro, &nano);
        var library = NativeLibraryResolver.LoadedPath(LibraryNames.GStreamer);
        checks.Add(major == 1 && minor >= 20
            ? new("GStreamer", "GStreamer ≥ 1.20", CheckStatus.Ok, $"{major}.{minor}.{micro} ({library})")
            : new("GStreamer", "GStreamer ≥ 1.20", CheckStatus.Missing, $"{major}.{minor}.{micro} is too old", "use Debian 12 / Ubuntu 22.04 or newer (GStreamer 1.20+)"));
        checks.Add(new("GStreamer", "registry", CheckStatus.Info, Environment.GetEnvironmentVariable("GST_REGISTRY_1_0") ?? "GStreamer's default (~/.cache/gstreamer-1.0)"));
        AddFactories(checks, "GStreamer", "plugins", RequiredStock, CheckStatus.Missing);
        AddFactories(checks, "GStreamer", "plugins for some sinks/sources", OptionalStock, CheckStatus.Warning);
        return true;
    }

    private static void CheckPortable(List<DoctorCheck> checks, bool gstreamer)
    {
        const string section = "portable backend";
        var searched = PortablePlugin.SearchedFolders();
        var plugin = PluginFolderFromEnvironment() ?? PortablePlugin.FindLibDir();
        if (plugin is not null)
        {
            var how = searched.FirstOrDefault(s => s.Folder == plugin).How ?? "GST_PLUGIN_PATH_1_0";
            checks.Add(new(section, "plugin libgstdsnet.so", CheckStatus.Ok, $"{Path.Combine(plugin, PortablePlugin.PluginFile)} ({how})"));
        }
        else
        {
            checks.Add(new(section, "plugin libgstdsnet.so", CheckStatus.Missing,
                "not found; looked in: " + string.Join(", ", searched.Select(s => s.Folder).DefaultIfEmpty("(no candidate folder)")),
                "dotnet add package DeepStreamNet.Runtime.Portable (an app) or dotnet tool update --global dsnet (the tool); in a checkout: ./setup.sh"));
        }

        if (gstreamer)
        {
            AddFactories(checks, section, "elements", PortableElements, CheckStatus.Missing);
        }

        try
        {
            checks.Add(new(section, "metadata library", CheckStatus.Ok, NativeLibraryResolver.LoadedPath(LibraryNames.NvDsMeta)));
        }
        catch (DllNotFoundException ex)
        {
            checks.Add(new(section, "metadata library", CheckStatus.Missing, ex.Message, "dotnet add package DeepStreamNet.Runtime.Portable"));
        }

        var ort = FindOnnxRuntime(plugin);
        checks.Add(ort is not null
            ? new(section, "ONNX Runtime", CheckStatus.Ok, ort)
            : new(section, "ONNX Runtime", CheckStatus.Missing, "libonnxruntime.so not beside the plugin nor on the loader's path",
                "dotnet add package Microsoft.ML.OnnxRuntime (DeepStreamNet.Runtime.Portable depends on it; restore the app)"));
    }

    private static void CheckDeepStream(List<DoctorCheck> checks, bool gstreamer)
    {
        const string section = "deepstream backend";
        const string fix = "install DeepStream 6.3 (Jetson: sudo apt-get install deepstream-6.3 on JetPack 5.1.x; dGPU: NVIDIA's deepstream-6.3 .deb), see packaging/deploy-jetson-xavier.md";
        var libDir = Environment.GetEnvironmentVariable("DEEPSTREAM_LIB_DIR") is { Length: > 0 } d ? d : NativeLibraryResolver.DeepStreamLibDir;
        var versionFile = Path.Combine(libDir, "..", "version");
        var version = File.Exists(versionFile) ? File.ReadLines(versionFile).FirstOrDefault()?.Trim() : null;
        var meta = Path.Combine(libDir, "libnvds_meta.so");
        checks.Add(File.Exists(meta)
            ? new(section, "DeepStream libraries", CheckStatus.Ok, $"{libDir} ({version ?? "version file not found"})")
            : new(section, "DeepStream libraries", CheckStatus.Missing, $"{meta} not found", fix));
        if (gstreamer)
        {
            AddFactories(checks, section, "elements", DeepStreamElements, CheckStatus.Missing, fix);
        }
    }

    private static void CheckMachine(List<DoctorCheck> checks)
    {
        var display = Environment.GetEnvironmentVariable("DISPLAY") ?? Environment.GetEnvironmentVariable("WAYLAND_DISPLAY");
        checks.Add(string.IsNullOrEmpty(display)
            ? new("machine", "display", CheckStatus.Warning, "no DISPLAY / WAYLAND_DISPLAY: display sinks (type=2, 5) cannot open a window", "run in a desktop session, or xvfb-run dsnet run …, or use a file/RTSP sink")
            : new("machine", "display", CheckStatus.Ok, display));
        var cameras = Directory.Exists("/dev") ? Directory.GetFiles("/dev", "video*").Order(StringComparer.Ordinal).ToArray() : [];
        checks.Add(cameras.Length > 0
            ? new("machine", "V4L2 cameras", CheckStatus.Ok, string.Join(", ", cameras))
            : new("machine", "V4L2 cameras", CheckStatus.Warning, "no /dev/video* device: camera configs (type=1) cannot run", "plug in a USB camera (or sudo modprobe v4l2loopback for a virtual one)"));
        checks.Add(new("machine", "architecture", CheckStatus.Info, $"{PackagedNativeFolder.RuntimeIdentifier}, .NET {Environment.Version}"));
    }

    private static void CheckAssets(List<DoctorCheck> checks, string? assetRoot)
    {
        if (assetRoot is null)
        {
            checks.Add(new("assets", "models and demo media", CheckStatus.Warning, "no asset manifest in a checkout or in " + UserFolders.DataRoot, "dsnet assets fetch"));
            return;
        }

        AssetManifest manifest;
        try
        {
            manifest = AssetManifest.Load(AssetLocations.ManifestIn(assetRoot));
        }
        catch (AssetException ex)
        {
            checks.Add(new("assets", "manifest", CheckStatus.Warning, ex.Message, "dsnet assets fetch"));
            return;
        }

        var folder = Path.Combine(assetRoot, "assets");
        var missing = manifest.Entries.Where(e => new FileInfo(Path.Combine(folder, e.RelativePath)) is not { Exists: true } f || f.Length != e.Size).ToList();
        checks.Add(missing.Count == 0
            ? new("assets", "models and demo media", CheckStatus.Ok, $"{manifest.Entries.Count} files in {folder}")
            : new("assets", "models and demo media", CheckStatus.Warning,
                $"{missing.Count} of {manifest.Entries.Count} missing or incomplete in {folder} (first: {missing[0].RelativePath})", "dsnet assets fetch"));
    }

    private static void AddFactories(List<DoctorCheck> checks, string section, string item, string[] factories, CheckStatus ifMissing, string? fix = null)
    {
        var missing = factories.Where(f => !ElementRegistry.HasFactory(f)).ToList();
        if (missing.Count == 0)
        {
            checks.Add(new(section, item, CheckStatus.Ok, string.Join(' ', factories)));
            return;
        }

        var fixes = fix ?? string.Join("; ", missing.Select(ElementRegistry.InstallHint).Distinct(StringComparer.Ordinal));
        checks.Add(new(section, item, ifMissing, "missing: " + string.Join(' ', missing), fixes));
    }

    private static string? PluginFolderFromEnvironment() =>
        (Environment.GetEnvironmentVariable("GST_PLUGIN_PATH_1_0") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(f => File.Exists(Path.Combine(f, PortablePlugin.PluginFile)));

    /// <summary>Where dsnetinfer's loader (native/plugin/infer/infer_ort_loader.c) would find ONNX Runtime, or null.</summary>
    private static string? FindOnnxRuntime(string? pluginFolder)
    {
        string[] names = ["libonnxruntime.so.1", "libonnxruntime.so"];
        if (pluginFolder is not null)
        {
            foreach (var folder in new[] { pluginFolder, Path.GetDirectoryName(Path.GetFullPath(pluginFolder)) })
            {
                foreach (var name in names)
                {
                    var path = Path.Combine(folder ?? "", name);
                    if (File.Exists(path))
                    {
                        return path;
                    }
                }
            }
        }

        foreach (var name in names)
        {
            if (NativeLibrary.TryLoad(name, out var handle))
            {
                NativeLibrary.Free(handle);
                return name + " (loader's path)";
            }
        }

        return null;
    }
}
