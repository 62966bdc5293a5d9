using System.Text;
using DeepStreamNet.GStreamer;
using DeepStreamNet.Interop;

namespace DeepStreamNet.InferImages;

/// <summary>Decodes one image file (PNG 8/16-bit, with or without alpha, JPEG, …) with GStreamer to RGBA.</summary>
internal static unsafe class ImageDecoder
{
    /// <summary>filesrc ! decodebin ! videoconvert ! RGBA ! appsink; throws <see cref="InvalidDataException"/> naming the file when it cannot.</summary>
    public static DecodedImage Decode(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"image not found: {path}", path);
        }

        if (ImageHeader.Refusal(path) is { } refused)
        {
            throw new InvalidDataException($"{path}: {refused}");
        }

        using var pipeline = new LaunchedPipeline(
            $"filesrc location={Quote(path)} ! decodebin ! videoconvert ! video/x-raw,format=RGBA ! appsink name=out sync=false max-buffers=1");
        pipeline.SetState(GstState.GST_STATE_PLAYING);
        GstElement* sink;
        fixed (byte* n = "out\0"u8)
        {
            sink = Gst.gst_bin_get_by_name(pipeline.Bin, n);
        }

        try
        {
            var sample = Pull(pipeline, (GstAppSink*)sink, path);
            try
            {
                var buffer = GstSamples.VideoFrame(sample, out var w, out var h);
                if (buffer is null)
                {
                    throw new InvalidDataException($"{path}: decoded to an empty picture");
                }

                Gst.gst_mini_object_ref((GstMiniObject*)buffer);
                return new DecodedImage(buffer, w, h);
            }
            finally
            {
                Gst.gst_mini_object_unref((GstMiniObject*)sample);
            }
        }
        finally
        {
            Gst.gst_object_unref(sink);
        }
    }

    // Pulls in short slices so a decoder error (which never brings EOS to the appsink) is seen at once.
    private static GstSample* Pull(LaunchedPipeline pipeline, GstAppSink* sink, string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var sample = GstApp.gst_app_sink_try_pull_sample(sink, 50UL * 1_000_000);
            if (sample is not null)
            {
                return sample;
            }

            try
            {
                pipeline.WaitForEnd(TimeSpan.Zero);
                throw new InvalidDataException($"{path}: cannot decode: no picture in it");
            }
            catch (TimeoutException)
            {
                // nothing on the bus yet: keep waiting
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidDataException($"{path}: cannot decode: {e.Message}", e);
            }
        }

        throw new InvalidDataException($"{path}: cannot decode: no picture within 30 s");
    }

    /// <summary>A gst-launch quoted string.</summary>
    public static string Quote(string s)
    {
        var b = new StringBuilder("\"");
        foreach (var c in s)
        {
            if (c is '"' or '\\')
            {
                b.Append('\\');
            }

            b.Append(c);
        }

        return b.Append('"').ToString();
    }
}
