using System.Globalization;
using DeepStreamNet.GStreamer;
using DeepStreamNet.InferImages;
using DeepStreamNet.Interop;

namespace DeepStreamNet.Assets.Recipes;

/// <summary>
/// Rebuilds the demo clip (facemask-demo-720p.mp4) and its segments / annotations tables from the public sources with
/// GStreamer: the 44 Kaggle "Face Mask Detection" PNGs and VOC files (CC0 1.0) and the two Intel sample GIFs
/// (CC BY 4.0). Same segments, same frame ranges, same annotations (byte-identical tables); the video is an equivalent
/// encode (Lanczos scaling, x264 constrained baseline, quantizer 23, no B-frames, CAVLC, keyframe every 50 frames,
/// mp4mux faststart), not a byte copy.
/// </summary>
public static unsafe class DemoClipRecipe
{
    public const string ClipName = "facemask-demo-720p.mp4";
    public const string SegmentsName = "facemask-demo-720p-segments.tsv";
    public const string AnnotationsName = "facemask-demo-720p-annotations.tsv";

    /// <summary>Total frames of the clip (708 at 25 fps, 28.32 s).</summary>
    public const int ExpectedFrames = 708;

    /// <summary>
    /// Builds the three files into <paramref name="outputFolder"/>. <paramref name="kaggleFolder"/> holds
    /// <c>images/maksssksksssN.png</c> and <c>annotations/maksssksksssN.xml</c>; <paramref name="gifFolder"/> the GIFs.
    /// </summary>
    public static IReadOnlyList<DemoSegment> Build(string kaggleFolder, string gifFolder, string outputFolder, Action<string>? progress = null)
    {
        GstStartup.Initialize();
        Directory.CreateDirectory(outputFolder);
        var segments = new List<DemoSegment>();
        var pictures = new List<IReadOnlyList<DecodedImage>>();
        var frame = 0;
        try
        {
            foreach (var (n, i) in DemoClipLayout.KaggleNumbers.Select((n, i) => (n, i)))
            {
                var name = $"maksssksksss{n}";
                var image = ImageDecoder.Decode(Path.Combine(kaggleFolder, "images", name + ".png"));
                pictures.Add([image]);
                var boxes = VocObject.Read(Path.Combine(kaggleFolder, "annotations", name + ".xml"));
                var count = DemoClipLayout.StillFrames(i);
                segments.Add(new DemoSegment("kaggle", name + ".png", frame, frame + count - 1, image.Width, image.Height, boxes));
                frame += count;
            }

            var gifFrameOrder = new List<IReadOnlyList<int>>();
            foreach (var gif in DemoClipLayout.Gifs)
            {
                var path = Path.Combine(gifFolder, gif);
                var delays = GifTiming.FrameDelays(path);
                var frames = DecodeGif(path, delays.Count);
                pictures.Add(frames);
                var count = DemoClipLayout.GifFrames(delays.Aggregate(TimeSpan.Zero, (a, d) => a + d));
                gifFrameOrder.Add(GifTiming.Resample(delays, count, DemoClipLayout.Fps));
                segments.Add(new DemoSegment("gif", gif, frame, frame + count - 1, frames[0].Width, frames[0].Height, []));
                frame += count;
            }

            File.WriteAllText(Path.Combine(outputFolder, SegmentsName), DemoClipLayout.SegmentsTsv(segments));
            File.WriteAllText(Path.Combine(outputFolder, AnnotationsName), DemoClipLayout.AnnotationsTsv(segments));
            Encode(segments, pictures, gifFrameOrder, Path.Combine(outputFolder, ClipName), progress);
        }
        finally
        {
            foreach (var image in pictures.SelectMany(p => p))
            {
                image.Dispose();
            }
        }

        return segments;
    }

    /// <summary>Encoded video frames in an MP4 (demuxed, not decoded).</summary>
    public static int CountFrames(string mp4)
    {
        GstStartup.Initialize();
        using var pipeline = new LaunchedPipeline($"filesrc location={ImageDecoder.Quote(mp4)} ! qtdemux ! appsink name=out sync=false");
        var sink = (GstAppSink*)Element(pipeline, "out");
        try
        {
            pipeline.SetState(GstState.GST_STATE_PLAYING);
            var count = 0;
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
            while (!GstApp.gst_app_sink_is_eos(sink) && DateTime.UtcNow < deadline)
            {
                var sample = GstApp.gst_app_sink_try_pull_sample(sink, 100UL * 1_000_000);
                if (sample is not null)
                {
                    count++;
                    Gst.gst_mini_object_unref((GstMiniObject*)sample);
                }
            }

            return count;
        }
        finally
        {
            Gst.gst_object_unref(sink);
        }
    }

    private static List<DecodedImage> DecodeGif(string path, int count)
    {
        // avdec_gif gives every frame (in order) but not their timing, and loops: take exactly one pass.
        using var pipeline = new LaunchedPipeline(
            $"filesrc location={ImageDecoder.Quote(path)} ! avdemux_gif ! avdec_gif ! videoconvert ! video/x-raw,format=RGBA ! appsink name=out sync=false max-buffers=4");
        var sink = (GstAppSink*)Element(pipeline, "out");
        var frames = new List<DecodedImage>();
        try
        {
            pipeline.SetState(GstState.GST_STATE_PLAYING);
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
            while (frames.Count < count)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new InvalidDataException($"{path}: {frames.Count} of {count} frames decoded in a minute");
                }

                var sample = GstApp.gst_app_sink_try_pull_sample(sink, 100UL * 1_000_000);
                if (sample is null)
                {
                    continue;
                }

                frames.Add(ToImage(sample, path));
            }

            Gst.gst_element_set_state(pipeline.Element, GstState.GST_STATE_NULL);
            return frames;
        }
        finally
        {
            Gst.gst_object_unref(sink);
        }
    }

    private static DecodedImage ToImage(GstSample* sample, string path)
    {
        try
        {
            var buffer = GstSamples.VideoFrame(sample, out var w, out var h);
            if (buffer is null)
            {
                throw new InvalidDataException($"{path}: decoded an empty frame");
            }

            // A copy: the decoder may reuse its buffers.
            return new DecodedImage((GstBuffer*)Gst.gst_mini_object_copy((GstMiniObject*)buffer), w, h);
        }
        finally
        {
            Gst.gst_mini_object_unref((GstMiniObject*)sample);
        }
    }

    private static void Encode(List<DemoSegment> segments, List<IReadOnlyList<DecodedImage>> pictures, List<IReadOnlyList<int>> gifOrder, string output, Action<string>? progress)
    {
        var partial = output + ".partial";
        using (var pipeline = new LaunchedPipeline(
            "appsrc name=src format=time block=true ! videoconvert ! videoscale method=lanczos add-borders=true ! " +
            $"video/x-raw,format=I420,width={DemoClipLayout.Width},height={DemoClipLayout.Height},pixel-aspect-ratio=1/1 ! " +
            "x264enc pass=quant quantizer=23 bframes=0 cabac=false key-int-max=50 ! video/x-h264,profile=constrained-baseline ! " +
            $"h264parse ! mp4mux faststart=true ! filesink location={ImageDecoder.Quote(partial)}"))
        {
            var src = (GstAppSrc*)Element(pipeline, "src");
            try
            {
                pipeline.SetState(GstState.GST_STATE_PLAYING);
                var gif = 0;
                for (var i = 0; i < segments.Count; i++)
                {
                    var s = segments[i];
                    SetCaps(src, s.Width, s.Height);
                    var order = s.Kind == "gif" ? gifOrder[gif++] : null;
                    for (var f = s.FrameFirst; f <= s.FrameLast; f++)
                    {
                        var picture = pictures[i][order?[f - s.FrameFirst] ?? 0];
                        var buffer = picture.TakeCopy();
                        buffer->pts = (ulong)f * 1_000_000_000UL / DemoClipLayout.Fps;
                        buffer->duration = 1_000_000_000UL / DemoClipLayout.Fps;
                        var flow = GstApp.gst_app_src_push_buffer(src, buffer);
                        if (flow != GstFlowReturn.GST_FLOW_OK)
                        {
                            pipeline.WaitForEnd(TimeSpan.FromSeconds(5));
                            throw new InvalidOperationException($"the encoder refused frame {f} ({flow})");
                        }
                    }

                    progress?.Invoke($"segment {i + 1}/{segments.Count}: {s.Source}, frames {s.FrameFirst}-{s.FrameLast}");
                }

                GstApp.gst_app_src_end_of_stream(src);
                pipeline.WaitForEnd(TimeSpan.FromMinutes(10));
                Gst.gst_element_set_state(pipeline.Element, GstState.GST_STATE_NULL);
            }
            finally
            {
                Gst.gst_object_unref(src);
            }
        }

        File.Move(partial, output, overwrite: true);
    }

    private static void SetCaps(GstAppSrc* src, int width, int height)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"video/x-raw,format=RGBA,width={width},height={height},framerate={DemoClipLayout.Fps}/1,pixel-aspect-ratio=1/1\0");
        var utf8 = System.Text.Encoding.UTF8.GetBytes(text);
        fixed (byte* p = utf8)
        {
            var caps = Gst.gst_caps_from_string(p);
            GstApp.gst_app_src_set_caps(src, caps);
            Gst.gst_mini_object_unref((GstMiniObject*)caps);
        }
    }

    private static GstElement* Element(LaunchedPipeline pipeline, string name)
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes(name + "\0");
        fixed (byte* p = utf8)
        {
            return Gst.gst_bin_get_by_name(pipeline.Bin, p);
        }
    }
}
