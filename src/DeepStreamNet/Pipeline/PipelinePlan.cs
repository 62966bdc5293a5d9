using DeepStreamNet.Config;
using DeepStreamNet.GStreamer;

namespace DeepStreamNet.Pipeline;

/// <summary>
/// The one way from a deepstream-app config to a pipeline graph: load the config (with overrides), resolve the
/// backend, validate for that backend, build the graph (which adds what the backend cannot run). <c>dsnet validate</c>,
/// <c>describe</c>, <c>run</c>, <c>infer-images</c> and the hosted service all make one, so they give the same
/// verdict for the same config and backend.
/// </summary>
/// <remarks>
/// Resolving <see cref="PipelineBackend.Auto"/>: DeepStream when the GStreamer registry has <c>nvinfer</c>. Otherwise
/// portable — unless the config is written for DeepStream only (a GIE with <c>plugin-type=1</c> or an nvinfer file
/// without <c>onnx-file</c>: a TensorRT/TLT model the portable runtime cannot run). Such a config is checked for a
/// DeepStream machine elsewhere (<see cref="ValidationTarget.DeepStreamElsewhere"/>): valid when it would run there,
/// and a run on this machine stops before starting, naming the DeepStream elements that are not installed.
/// </remarks>
public sealed class PipelinePlan
{
    private PipelinePlan(string configPath, PipelineBackend requested, PipelineBackend backend, ValidationTarget target, AppConfigResult loaded, PipelineGraph? graph)
    {
        ConfigPath = configPath;
        RequestedBackend = requested;
        Backend = backend;
        Target = target;
        Config = loaded.Config;
        Report = loaded.Report;
        Graph = graph;
    }

    /// <summary>Full path of the deepstream-app config.</summary>
    public string ConfigPath { get; }

    /// <summary>The backend asked for (may be <see cref="PipelineBackend.Auto"/>).</summary>
    public PipelineBackend RequestedBackend { get; }

    /// <summary>The backend the config was validated and built for (never Auto).</summary>
    public PipelineBackend Backend { get; }

    /// <summary>What the config was validated for.</summary>
    public ValidationTarget Target { get; }

    /// <summary>The config model; null when the file could not be read at all.</summary>
    public AppConfig? Config { get; }

    /// <summary>Every finding: the config's, the nvinfer files', and the backend's.</summary>
    public ValidationReport Report { get; }

    /// <summary>The graph; null when the config could not be read.</summary>
    public PipelineGraph? Graph { get; }

    /// <summary>A graph exists and no error was found.</summary>
    public bool IsValid => Graph is not null && Report.IsValid;

    /// <summary>The one-line verdict: <c>app.txt: valid (2 warning(s))</c> / <c>app.txt: invalid (1 error(s), 0 warning(s))</c>.</summary>
    public string Verdict
    {
        get
        {
            var name = Path.GetFileName(ConfigPath);
            var errors = Report.Errors.Count();
            var warnings = Report.Warnings.Count();
            return errors == 0 && Graph is not null ? $"{name}: valid ({warnings} warning(s))" : $"{name}: invalid ({errors} error(s), {warnings} warning(s))";
        }
    }

    /// <summary>Loads, resolves, validates and builds.</summary>
    /// <param name="configPath">deepstream-app config file.</param>
    /// <param name="overrides"><c>group.key=value</c> overrides applied after the file (in order).</param>
    /// <param name="backend">Backend asked for.</param>
    /// <param name="platform">DeepStream platform (null: detected).</param>
    /// <param name="factoryExists">Whether an element factory is installed (default: the GStreamer registry; tests pass their own).</param>
    public static PipelinePlan Create(string configPath, IEnumerable<string>? overrides = null, PipelineBackend backend = PipelineBackend.Auto,
        TargetPlatform? platform = null, Func<string, bool>? factoryExists = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(configPath);
        var path = Path.GetFullPath(configPath);
        var overrideList = overrides?.ToList() ?? [];
        factoryExists ??= ElementRegistry.HasFactory;
        var deepStreamHere = backend != PipelineBackend.Portable && factoryExists("nvinfer");
        var resolved = backend != PipelineBackend.Auto ? backend : deepStreamHere ? PipelineBackend.DeepStream : PipelineBackend.Portable;
        var target = TargetFor(resolved, deepStreamHere);
        var loaded = AppConfigLoader.Load(path, overrideList, target);
        if (backend == PipelineBackend.Auto && resolved == PipelineBackend.Portable && loaded.Config is { } config && WrittenForDeepStream(config))
        {
            resolved = PipelineBackend.DeepStream;
            target = TargetFor(resolved, deepStreamHere);
            loaded = AppConfigLoader.Load(path, overrideList, target);
        }

        var graph = loaded.Config is null ? null
            : PipelineGraphBuilder.Build(loaded.Config, resolved, platform ?? DetectPlatform(), loaded.Report);
        return new PipelinePlan(path, backend, resolved, target, loaded, graph);
    }

    /// <summary>
    /// The platform deepstream-app is built for on this machine: its aarch64 build is the Jetson one (IS_TEGRA,
    /// <c>__aarch64__</c>), x86_64 the dGPU one. <c>--platform</c> overrides it.
    /// </summary>
    public static TargetPlatform DetectPlatform() => PlatformFor(System.Runtime.InteropServices.RuntimeInformation.OSArchitecture);

    /// <summary>Jetson for Arm64, dGPU otherwise.</summary>
    public static TargetPlatform PlatformFor(System.Runtime.InteropServices.Architecture architecture) =>
        architecture == System.Runtime.InteropServices.Architecture.Arm64 ? TargetPlatform.Jetson : TargetPlatform.DGpu;

    /// <summary>A GIE the portable runtime cannot run: Triton, or an nvinfer file without an ONNX model.</summary>
    private static bool WrittenForDeepStream(AppConfig config) =>
        new[] { config.PrimaryGie }.Concat(config.SecondaryGies).OfType<GieGroup>()
            .Any(g => g.PluginType == 1 || g.Infer is { OnnxFile: null });

    private static ValidationTarget TargetFor(PipelineBackend backend, bool deepStreamHere) => backend switch
    {
        PipelineBackend.DeepStream => deepStreamHere ? ValidationTarget.DeepStream : ValidationTarget.DeepStreamElsewhere,
        _ => ValidationTarget.Portable,
    };
}
