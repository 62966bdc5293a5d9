using System.Collections.Concurrent;
using DeepStreamNet.Hosting;
using DeepStreamNet.Metadata;
using DeepStreamNet.Probes;
using DeepStreamNet.Runner;

namespace DeepStreamNet.Tests.Runner;

/// <summary>
/// Counts frames per source id after the muxer and keeps the runner's source events: what the tests of streams added
/// and removed at run time assert on, through the runner's C# methods or over REST (linked into the service tests).
/// </summary>
internal sealed class SourceFrameCounter : IPipelineAttachment, IDisposable
{
    private readonly ConcurrentDictionary<uint, int> _frames = new();
    private ProbeRegistration? _probe;

    public ConcurrentQueue<SourceEvent> Events { get; } = new();

    public int Frames(uint sourceId) => _frames.GetValueOrDefault(sourceId);

    public void Attach(PipelineRunner runner)
    {
        _probe = runner.AddProbe(ProbeAttachPoint.AfterMuxer, (ref BatchMeta batch, in ProbeContext _) =>
        {
            foreach (var f in batch.Frames)
            {
                _frames.AddOrUpdate(f.SourceId, 1, (_, n) => n + 1);
            }
        });
        runner.SourceChanged += (_, e) => Events.Enqueue(e);
    }

    public void Dispose() => _probe?.Dispose();
}
