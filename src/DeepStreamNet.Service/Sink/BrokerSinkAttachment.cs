using DeepStreamNet.Hosting;
using DeepStreamNet.Probes;
using DeepStreamNet.Runner;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Service.Sink;

/// <summary>
/// The hook of the broker sinks into the pipeline, through the hosting seam (<see cref="IPipelineAttachment"/>): for
/// every type-6 sink the graph lists (<c>PipelineGraph.MessageSinks</c>: portable backend only), a <see cref="BrokerSink"/>
/// probe on the sink pad of the <c>sinkN_sink</c> element the graph builder put at the end of that sink's branch. Sinks (and their
/// spools and broker connections) outlive pipeline re-creations; they are closed when the host stops.
/// </summary>
public sealed class BrokerSinkAttachment(ServiceOptions options, ILoggerFactory loggers) : IPipelineAttachment, IAsyncDisposable
{
    private readonly Dictionary<string, BrokerSink> _sinks = new(StringComparer.Ordinal);
    private readonly List<ProbeRegistration> _registrations = [];
    private readonly Lock _gate = new();
    private long _earlierFaults;

    /// <summary>Faults of the sink probes (caught at the boundary), over every pipeline so far.</summary>
    public long ProbeFaults
    {
        get
        {
            lock (_gate)
            {
                return _earlierFaults + _registrations.Sum(r => r.Stats.Faults);
            }
        }
    }

    /// <summary>The sinks created so far.</summary>
    public IReadOnlyList<BrokerSink> Sinks
    {
        get
        {
            lock (_gate)
            {
                return [.. _sinks.Values];
            }
        }
    }

    public void Attach(PipelineRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        lock (_gate)
        {
            foreach (var old in _registrations)
            {
                _earlierFaults += old.Stats.Faults;
                old.Dispose();
            }

            _registrations.Clear();
            // On DeepStream nvmsgconv + nvmsgbroker do this; the graph lists type-6 sinks only on the portable runtime.
            foreach (var (element, group) in runner.Graph.MessageSinks)
            {
                if (!_sinks.TryGetValue(group.Name, out var sink))
                {
                    sink = BrokerSink.FromSinkGroup(group, options.SpoolDirectory, loggers.CreateLogger($"DeepStreamNet.Service.BrokerSink.{group.Name}"));
                    _sinks[group.Name] = sink;
                }

                var reg = runner.AddProbe(element, "sink", sink, loggers.CreateLogger<BrokerSink>());
                _registrations.Add(reg);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sink in Sinks)
        {
            await sink.DisposeAsync().ConfigureAwait(false);
        }
    }
}
