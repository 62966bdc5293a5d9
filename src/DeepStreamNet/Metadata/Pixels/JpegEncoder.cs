using System.Globalization;
using System.Text;
using DeepStreamNet.InferImages;
using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>
/// Encodes RGBA images to JPEG with GStreamer's <c>jpegenc</c> (libjpeg-turbo underneath): the one encoder present
/// wherever DeepStreamNet runs — DeepStream installs, Jetsons and the portable runtime all carry gst-plugins-good —
/// so crops encode the same everywhere without another native dependency. One small pipeline per quality
/// (<c>appsrc ! jpegenc ! appsink</c>) is kept PLAYING; calls are serialised. GStreamer must be initialised.
/// </summary>
public sealed unsafe class JpegEncoder : IDisposable
{
    /// <summary>Quality used when none is given.</summary>
    public const int DefaultQuality = 90;

    private static readonly Lazy<JpegEncoder> SharedEncoder = new(() => new JpegEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Dictionary<int, Pipeline> _pipelines = [];
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>A process-wide encoder (what <see cref="RgbaImage.EncodeJpeg"/> uses).</summary>
    public static JpegEncoder Shared => SharedEncoder.Value;

    /// <summary>How long one encode may take before it fails.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>JPEG bytes of a tightly packed RGBA image (alpha ignored).</summary>
    /// <exception cref="InvalidOperationException">The encoder failed (GStreamer's message).</exception>
    public byte[] Encode(ReadOnlySpan<byte> rgba, int width, int height, int stride, int quality = DefaultQuality)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNotEqual(stride, width * 4, nameof(stride));
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        if (rgba.Length < stride * height)
        {
            throw new ArgumentException($"{width}x{height} RGBA needs {stride * height} bytes, got {rgba.Length}", nameof(rgba));
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_pipelines.TryGetValue(quality, out var pipeline))
            {
                pipeline = new Pipeline(quality);
                _pipelines[quality] = pipeline;
            }

            return pipeline.Encode(rgba[..(stride * height)], width, height, Timeout);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var p in _pipelines.Values)
            {
                p.Dispose();
            }

            _pipelines.Clear();
            _disposed = true;
        }
    }

    // appsrc (RGBx: jpegenc reads RGBA memory as RGBx, no conversion) ! jpegenc ! appsink, fed one image at a time.
    private sealed class Pipeline : IDisposable
    {
        private readonly LaunchedPipeline _pipeline;
        private readonly GstElement* _src;
        private readonly GstElement* _sink;
        private (int W, int H) _caps;

        public Pipeline(int quality)
        {
            _pipeline = new LaunchedPipeline(string.Create(CultureInfo.InvariantCulture,
                $"appsrc name=src format=time ! jpegenc quality={quality} ! appsink name=sink sync=false"));
            _src = Element("src");
            _sink = Element("sink");
            _pipeline.SetState(GstState.GST_STATE_PLAYING);
        }

        public byte[] Encode(ReadOnlySpan<byte> rgba, int width, int height, TimeSpan timeout)
        {
            if (_caps != (width, height))
            {
                var text = string.Create(CultureInfo.InvariantCulture, $"video/x-raw,format=RGBx,width={width},height={height},framerate=0/1\0");
                fixed (byte* t = Encoding.ASCII.GetBytes(text))
                {
                    var caps = Gst.gst_caps_from_string(t);
                    GstApp.gst_app_src_set_caps((GstAppSrc*)_src, caps);
                    Gst.gst_caps_unref(caps);
                }

                _caps = (width, height);
            }

            var buffer = Gst.gst_buffer_new_allocate(null, (nuint)rgba.Length, null);
            fixed (byte* p = rgba)
            {
                Gst.gst_buffer_fill(buffer, 0, p, (nuint)rgba.Length);
            }

            var flow = GstApp.gst_app_src_push_buffer((GstAppSrc*)_src, buffer);
            if (flow != GstFlowReturn.GST_FLOW_OK)
            {
                throw new InvalidOperationException($"jpegenc refused the image ({flow}){Pending()}");
            }

            var sample = GstApp.gst_app_sink_try_pull_sample((GstAppSink*)_sink, (ulong)timeout.Ticks * 100);
            if (sample is null)
            {
                throw new InvalidOperationException($"jpegenc gave no image within {timeout}{Pending()}");
            }

            try
            {
                var outBuf = Gst.gst_sample_get_buffer(sample);
                GstMapInfo map;
                if (!Gst.gst_buffer_map(outBuf, &map, GstMapFlags.GST_MAP_READ))
                {
                    throw new InvalidOperationException("the JPEG buffer does not map");
                }

                var bytes = new ReadOnlySpan<byte>(map.data, checked((int)map.size)).ToArray();
                Gst.gst_buffer_unmap(outBuf, &map);
                return bytes;
            }
            finally
            {
                Gst.gst_sample_unref(sample);
            }
        }

        public void Dispose()
        {
            Gst.gst_object_unref(_src);
            Gst.gst_object_unref(_sink);
            _pipeline.Dispose();
        }

        private GstElement* Element(string name)
        {
            fixed (byte* n = Encoding.ASCII.GetBytes(name + "\0"))
            {
                return Gst.gst_bin_get_by_name(_pipeline.Bin, n);
            }
        }

        private string Pending()
        {
            try
            {
                _pipeline.WaitForEnd(TimeSpan.Zero);
                return ": the encoder pipeline ended";
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
    }
}
