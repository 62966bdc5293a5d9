using System.Diagnostics.Metrics;

namespace DeepStreamNet.Service.Telemetry;

/// <summary>
/// The service's instruments (<see cref="System.Diagnostics.Metrics"/>, meter <c>DeepStreamNet</c>), exported through
/// OpenTelemetry to Prometheus at <c>/metrics</c> (names there: dots become underscores, units are suffixed, counters
/// end in <c>_total</c>).
/// </summary>
public sealed class PipelineMetrics : IDisposable
{
    /// <summary>The meter name to enable in an OpenTelemetry pipeline.</summary>
    public const string MeterName = "DeepStreamNet";

    private readonly Meter _meter = new(MeterName, "1.0");

    public PipelineMetrics(PipelineMonitor monitor, Sink.BrokerSinkAttachment brokers, Sink.NoMaskEventAttachment? noMask = null)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        ArgumentNullException.ThrowIfNull(brokers);
        Frames = _meter.CreateCounter<long>("dsnet.frames", "{frame}", "frames that reached the sinks, per source");
        Dropped = _meter.CreateCounter<long>("dsnet.frames.dropped", "{frame}", "frames lost between the muxer and the sinks (gaps in frame_num), per source");
        Objects = _meter.CreateCounter<long>("dsnet.objects", "{object}", "objects in frames that reached the sinks, per source and label");
        Latency = _meter.CreateHistogram<double>("dsnet.latency", "s", "end-to-end latency from the muxer output to the sinks, per source");
        ElementTime = _meter.CreateHistogram<double>("dsnet.element.processing_time", "s", "time a batch spends inside an element (sink pad to src pad)");
        _meter.CreateObservableGauge("dsnet.source.fps", () => monitor.Sources().Select(s => new Measurement<double>(s.Fps, Tag(s.SourceId))), "{frame}/s",
            "frames per second of each source over the last second");
        _meter.CreateObservableCounter("dsnet.probe.faults", () => monitor.ProbeFaults + brokers.ProbeFaults + (noMask?.ProbeFaults ?? 0), "{fault}", "exceptions thrown by probes (caught; the buffer passed on)");
        _meter.CreateObservableGauge("dsnet.broker.queue.depth", () => brokers.Sinks.Select(b => new Measurement<int>(b.Publisher.QueueDepth, Sink(b))), "{message}",
            "messages waiting in memory for the broker");
        _meter.CreateObservableGauge("dsnet.broker.spool.depth", () => brokers.Sinks.Select(b => new Measurement<int>(b.Publisher.Spool.Count, Sink(b))), "{message}",
            "messages waiting in the on-disk spool");
        _meter.CreateObservableCounter("dsnet.broker.delivered", () => brokers.Sinks.Select(b => new Measurement<long>(b.Publisher.Delivered, Sink(b))), "{message}",
            "messages acknowledged by the broker");
        _meter.CreateObservableCounter("dsnet.broker.spool.dropped", () => brokers.Sinks.Select(b => new Measurement<long>(b.Publisher.Spool.Dropped, Sink(b))), "{message}",
            "messages dropped because the spool was full");
        monitor.Metrics = this; // last: the monitor records into these instruments from now on
    }

    public Counter<long> Frames { get; }

    public Counter<long> Dropped { get; }

    public Counter<long> Objects { get; }

    public Histogram<double> Latency { get; }

    public Histogram<double> ElementTime { get; }

    public static KeyValuePair<string, object?> Tag(uint source) => new("source", source);

    private static KeyValuePair<string, object?> Sink(Sink.BrokerSink b) => new("sink", b.Name);

    public void Dispose() => _meter.Dispose();
}
