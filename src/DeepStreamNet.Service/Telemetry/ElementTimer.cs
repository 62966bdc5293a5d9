using System.Collections.Concurrent;
using System.Diagnostics;
using DeepStreamNet.Metadata;
using DeepStreamNet.Probes;

namespace DeepStreamNet.Service.Telemetry;

/// <summary>Processing time of one element: its sink-pad probe notes when a batch (by PTS) went in, its src-pad probe
/// records the difference when the batch comes out.</summary>
internal sealed unsafe class ElementTimer(string element, PipelineMetrics metrics)
{
    private readonly ConcurrentDictionary<ulong, long> _in = new();
    private readonly KeyValuePair<string, object?> _tag = new("element", element);

    public IBatchProbe In => new Side(this, entering: true);

    public IBatchProbe Out => new Side(this, entering: false);

    private sealed class Side(ElementTimer owner, bool entering) : IBatchProbe
    {
        public void OnBatch(ref BatchMeta batch, in ProbeContext context)
        {
            var pts = context.Buffer->pts;
            if (entering)
            {
                if (owner._in.Count > 256)
                {
                    owner._in.Clear(); // batches that never came out (dropped inside the element)
                }

                owner._in[pts] = Stopwatch.GetTimestamp();
            }
            else if (owner._in.TryRemove(pts, out var start))
            {
                owner.ElementTime(Stopwatch.GetElapsedTime(start).TotalSeconds);
            }
        }
    }

    private void ElementTime(double seconds) => metrics.ElementTime.Record(seconds, _tag);
}
