using DeepStreamNet.Config;
using DeepStreamNet.Hosting;
using DeepStreamNet.Pipeline;
using DeepStreamNet.Probes;
using DeepStreamNet.Runtime;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Service.Sink;

/// <summary>
/// The hook of the broker sinks into the pipeline, through the hosting seam (<see cref="IPipelineAttachment"/>): for
/// every enabled type-6 sink of the running config on the portable backend, a <see cref="BrokerSink"/> probe on the sink
/// pad of the <c>sinkN_sink</c> element the graph builder put at the end of that sink's branch. Sinks (and their
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
            if (runner.Graph.Backend != PipelineBackend.Portable || runner.Config is not { } config)
            {
                return; // on DeepStream nvmsgconv + nvmsgbroker do this
            }

            foreach (var group in config.Sinks.Where(s => s.Type == SinkType.MsgConvBroker))
            {
                if (!_sinks.TryGetValue(group.Name, out var sink))
                {
                    sink = BrokerSink.FromSinkGroup(group, options.SpoolDirectory, loggers.CreateLogger($"DeepStreamNet.Service.BrokerSink.{group.Name}"));
                    _sinks[group.Name] = sink;
                }

                var reg = runner.AddProbe($"{group.Name}_sink", "sink", sink, loggers.CreateLogger<BrokerSink>());
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
