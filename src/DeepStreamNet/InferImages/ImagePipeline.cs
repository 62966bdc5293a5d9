using System.Globalization;
using DeepStreamNet.Interop;
using DeepStreamNet.Metadata;
using DeepStreamNet.Probes;

namespace DeepStreamNet.InferImages;

/// <summary>
/// One inference pipeline for images of one size: <c>appsrc ! dsnetstreammux (image size, no rescale; the [streammux]
/// size when the chain has a [pre-process]; with --scale-to-muxer the image scaled into that size keeping its aspect
/// ratio; boxes scaled back to the image) ! chain ! fakesink</c>,
/// kept PLAYING and fed one image at a time; a probe on the sink collects the objects of each image.
/// </summary>
internal sealed unsafe class ImagePipeline : IDisposable
{
    private readonly LaunchedPipeline _pipeline;
    private readonly ProbeRegistration _probe;
    private readonly GstElement* _src;
    private readonly SemaphoreSlim _done = new(0);
    private readonly float _scoreThreshold;
    private readonly float _scaleX, _scaleY; // muxer frame → image pixels
    private List<Detection> _current = [];
    private ulong _pts;

    public ImagePipeline(InferenceChain chain, int width, int height, float scoreThreshold)
    {
        Width = width;
        Height = height;
        _scoreThreshold = scoreThreshold;
        var caps = string.Create(CultureInfo.InvariantCulture, $"video/x-raw,format=RGBA,width={width},height={height},framerate=1/1");
        var (muxWidth, muxHeight) = chain.MuxerFrame(width, height);
        _scaleX = (float)width / muxWidth;
        _scaleY = (float)height / muxHeight;
        _pipeline = new LaunchedPipeline(
            $"appsrc name=src format=time caps=\"{caps}\" ! m.sink_0 " +
            string.Create(CultureInfo.InvariantCulture, $"dsnetstreammux name=m batch-size=1 width={muxWidth} height={muxHeight} ! ") +
            chain.ToLaunch() + " ! fakesink name=sink sync=false async=false");
        _probe = _pipeline.AddProbe("sink", "sink", Collect);
        fixed (byte* n = "src\0"u8)
        {
            _src = Gst.gst_bin_get_by_name(_pipeline.Bin, n);
        }

        _pipeline.SetState(GstState.GST_STATE_PLAYING);
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Runs inference on one decoded image of this pipeline's size; returns its objects.</summary>
    public List<Detection> Infer(DecodedImage image, TimeSpan timeout)
    {
        _current = [];
        var buffer = image.TakeCopy();
        buffer->pts = _pts;
        buffer->duration = 1_000_000_000;
        _pts += 1_000_000_000;
        var flow = GstApp.gst_app_src_push_buffer((GstAppSrc*)_src, buffer);
        if (flow != GstFlowReturn.GST_FLOW_OK)
        {
            throw new InvalidOperationException($"the inference pipeline refused the image ({flow}){PendingError()}");
        }

        var deadline = DateTime.UtcNow + timeout;
        while (!_done.Wait(100))
        {
            if (PendingError() is { Length: > 0 } error)
            {
                throw new InvalidOperationException("inference failed" + error);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no inference result within {timeout}");
            }
        }

        if (_probe.Stats.Faults > 0)
        {
            throw new InvalidOperationException($"collecting the objects failed: {_probe.Stats.LastFault}");
        }

        return _current;
    }

    public void Dispose()
    {
        GstApp.gst_app_src_end_of_stream((GstAppSrc*)_src);
        _probe.Dispose();
        Gst.gst_object_unref(_src);
        _pipeline.Dispose();
        _done.Dispose();
    }

    private string PendingError()
    {
        try
        {
            _pipeline.WaitForEnd(TimeSpan.Zero);
            return ": the pipeline ended";
        }
        catch (TimeoutException)
        {
            return string.Empty;
        }
        catch (InvalidOperationException e)
        {
            return ": " + e.Message;
        }
    }

    private void Collect(ref BatchMeta batch, in ProbeContext ctx)
    {
        var list = new List<Detection>();
        foreach (var f in batch.Frames)
        {
            foreach (var o in f.Objects)
            {
                if (o.Confidence >= _scoreThreshold)
                {
                    var r = o.Rect;
                    list.Add(new Detection(ClassifierLabel(o) ?? o.Label, o.ClassId, o.Confidence, new RectF(r.Left * _scaleX, r.Top * _scaleY, r.Width * _scaleX, r.Height * _scaleY)));
                }
            }
        }

        _current = list;
        _done.Release();
    }

    /// <summary>
    /// In a cascade (detector → classifier) the object's class is the first secondary classifier's label, as the OSD
    /// shows it; null when no classifier labelled the object.
    /// </summary>
    private static string? ClassifierLabel(ObjectMeta o)
    {
        foreach (var c in o.Classifiers)
        {
            foreach (var l in c.Labels)
            {
                if (!l.LabelUtf8.IsEmpty)
                {
                    return l.Label;
                }
            }
        }

        return null;
    }
}
