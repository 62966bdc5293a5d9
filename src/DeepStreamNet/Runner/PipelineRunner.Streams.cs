using DeepStreamNet.Pipeline;

namespace DeepStreamNet.Runner;

/// <summary>Streams added and removed while playing (portable backend; the graph's <see cref="PipelineGraph.RuntimeSources"/>).</summary>
public sealed partial class PipelineRunner
{
    private static readonly TimeSpan LoopAnswer = TimeSpan.FromSeconds(30);
    private DynamicSources? _dynamic;

    /// <summary>A source was added, reached its end of stream, or was removed (raised on the main-loop thread).</summary>
    public event EventHandler<SourceEvent>? SourceChanged;

    /// <summary>The sources feeding the muxer now (configured and added ones; empty before <see cref="Build"/>).</summary>
    public IReadOnlyList<RunningSource> Sources => _dynamic?.Snapshot() ?? [];

    /// <summary>Adds a source reading <paramref name="uri"/> while the pipeline plays; its frames carry the returned
    /// <see cref="SourceChange.SourceId"/> as <c>source_id</c>. Fails (never throws) for an empty or duplicate sensor id,
    /// a URI that cannot be read, more than <c>[source-list] max-batch-size</c> sources, or a pipeline that is not playing.</summary>
    public Task<SourceChange> AddSourceAsync(string uri, string sensorId, string? sensorName = null, CancellationToken cancellationToken = default) =>
        OnLoopAsync(d => d.Add(uri, sensorId, sensorName), cancellationToken);

    /// <summary>Removes source <paramref name="sourceId"/>: its elements leave, the muxer gets its end of stream, its muxer
    /// pad is released (<see cref="SourceEventKind.Removed"/>). The other sources go on without losing a frame.</summary>
    public Task<SourceChange> RemoveSourceAsync(int sourceId, CancellationToken cancellationToken = default) =>
        OnLoopAsync(d => d.Remove(sourceId), cancellationToken);

    /// <summary>Removes the source with sensor id <paramref name="sensorId"/> (see <see cref="RemoveSourceAsync(int, CancellationToken)"/>).</summary>
    public Task<SourceChange> RemoveSourceAsync(string sensorId, CancellationToken cancellationToken = default) =>
        OnLoopAsync(d => d.IdOf(sensorId) is { } id ? d.Remove(id) : SourceChange.Fail(SourceChangeError.UnknownSource, $"no active source has sensor id '{sensorId}'"), cancellationToken);

    /// <summary>Blocking <see cref="AddSourceAsync"/>.</summary>
    public SourceChange AddSource(string uri, string sensorId, string? sensorName = null) => AddSourceAsync(uri, sensorId, sensorName).GetAwaiter().GetResult();

    /// <summary>Blocking <see cref="RemoveSourceAsync(int, CancellationToken)"/>.</summary>
    public SourceChange RemoveSource(int sourceId) => RemoveSourceAsync(sourceId).GetAwaiter().GetResult();

    /// <summary>The muxer's sink pad names, read on the main loop (what the runner has requested and not released).</summary>
    internal Task<IReadOnlyList<string>> MuxerPadNamesAsync() => OnLoopAsync(_ => _instance!.MuxerPadNames(), default);

    /// <summary>Called by <see cref="Build"/>: the graph's sources become the first running ones.</summary>
    private void CreateDynamicSources()
    {
        if (Graph.RuntimeSources is not null)
        {
            _dynamic = new DynamicSources(Graph, _instance!, _sources, _probes, _log, e => SourceChanged?.Invoke(this, e));
        }
    }

    /// <summary>The muxer's per-source end of stream (bus, main-loop thread).</summary>
    private void OnStreamEos(int id) => _dynamic?.OnStreamEos(id);

    private async Task<T> OnLoopAsync<T>(Func<DynamicSources, T> action, CancellationToken cancellationToken)
    {
        var notRunning = SourceChange.Fail(SourceChangeError.NotRunning, Graph.RuntimeSources is null
            ? $"sources cannot be added or removed on the {Graph.Backend} backend here (DeepStream: nvmultiurisrcbin's REST API)"
            : "the pipeline is not playing");
        if (_disposed || _dynamic is null || _outcome is not null || _state.EosSent)
        {
            return notRunning is T n ? n : throw new InvalidOperationException(notRunning.Reason);
        }

        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _loop.Post(() =>
        {
            if (_outcome is not null || _state.EosSent)
            {
                done.TrySetException(new InvalidOperationException(notRunning.Reason));
                return;
            }

            try
            {
                done.TrySetResult(action(_dynamic));
            }
#pragma warning disable CA1031 // handed to the caller
            catch (Exception ex)
#pragma warning restore CA1031
            {
                done.TrySetException(ex);
            }
        });
        try
        {
            return await done.Task.WaitAsync(LoopAnswer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException && typeof(T) == typeof(SourceChange))
        {
            return (T)(object)(ex is TimeoutException ? SourceChange.Fail(SourceChangeError.NotRunning, "the pipeline's main loop did not answer within 30 s") : notRunning);
        }
    }
}
