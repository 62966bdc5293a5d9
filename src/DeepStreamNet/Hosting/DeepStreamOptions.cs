using DeepStreamNet.Pipeline;

namespace DeepStreamNet.Hosting;

/// <summary>What the hosted DeepStream service runs.</summary>
public sealed class DeepStreamOptions
{
    /// <summary>deepstream-app config file (required).</summary>
    public string? ConfigPath { get; set; }

    /// <summary>Key overrides <c>group.key=value</c>, applied after the file (as <c>dsnet run --set</c>).</summary>
    public IList<string> Overrides { get; } = [];

    /// <summary>Element set; Auto = DeepStream when <c>nvinfer</c> is installed, else portable.</summary>
    public PipelineBackend Backend { get; set; } = PipelineBackend.Auto;

    /// <summary>DeepStream platform (null: detected).</summary>
    public TargetPlatform? Platform { get; set; }

    /// <summary>Route GStreamer's own log into the host's logging (GST_DEBUG still sets what GStreamer produces).</summary>
    public bool BridgeGStreamerLog { get; set; } = true;

    /// <summary>Stop the whole host when the pipeline ends (EOS or error); the exit code is set from the run.</summary>
    public bool StopHostWhenDone { get; set; } = true;

    /// <summary>How long a stop waits for EOS to reach the sinks before forcing the pipeline down.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the pipeline hands free native heap pages back to the system (glibc <c>malloc_trim</c>), so
    /// resident memory stays flat over days of video; zero turns it off (the process trims its heap itself).</summary>
    public TimeSpan HeapTrimInterval { get; set; } = TimeSpan.FromSeconds(30);
}
