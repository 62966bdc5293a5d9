using System.Diagnostics;
using System.Globalization;
using DeepStreamNet.Interop;
using DeepStreamNet.Metadata;
using DeepStreamNet.GStreamer;

namespace DeepStreamNet.Benchmarks;

/// <summary>
/// <c>pixel-probe</c>: a probe reading pixels through the pixel API (<see cref="BufferSurface"/> →
/// <see cref="FramePixels"/>: NvBufSurfaceMap, zero-copy planes, <see cref="FramePixels.CopyRgba"/> of every object box
/// into a buffer the probe owns) against the same work done by hand on the raw mapped buffer (gst_buffer_map + slot
/// arithmetic, what FaceMaskAlerts did before). One real portable batch: 4 RGBA 1280×720 frames with their
/// NvBufSurface description (DsNetSurfaceMeta) and 8 objects each. Prints ns per batch for both, the ratio, and managed
/// bytes allocated per batch (budget 0: nothing beyond what the user copies into their own buffer).
/// </summary>
internal static unsafe class PixelProbeBench
{
    private const int Width = 1280;
    private const int Height = 720;

    public static int Run(string[] args)
    {
        var frames = BenchArgs.Int(args, "--frames", 4);
        var objects = BenchArgs.Int(args, "--objects", 8);
        var iterations = BenchArgs.Int(args, "--iterations", 2000);
        GstStartup.Initialize();

        var buffer = Gst.gst_buffer_new_allocate(null, (nuint)(Width * Height * 4 * frames), null);
        NvBufSurfaceApi.dsnet_buffer_add_surface_meta(buffer, Width, Height, (uint)frames)->surface.numFilled = (uint)frames;
        Fill(buffer);
        var batch = MakeBatch(frames, objects);
        var scratch = new byte[200 * 200 * 4]; // the probe's own buffer: the copy the user asked for
        try
        {
            for (var i = 0; i < 3; i++)
            {
                ApiRepeat(buffer, batch, scratch, iterations / 4);
                RawRepeat(buffer, batch, scratch, iterations / 4);
            }

            double bestApi = double.MaxValue, bestRaw = double.MaxValue;
            long allocated = long.MaxValue;
            long check1 = 0, check2 = 0;
            for (var round = 0; round < 5; round++)
            {
                var a0 = GC.GetAllocatedBytesForCurrentThread();
                var t0 = Stopwatch.GetTimestamp();
                check1 = ApiRepeat(buffer, batch, scratch, iterations);
                var api = Stopwatch.GetElapsedTime(t0).TotalNanoseconds / iterations;
                allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - a0);
                t0 = Stopwatch.GetTimestamp();
                check2 = RawRepeat(buffer, batch, scratch, iterations);
                var raw = Stopwatch.GetElapsedTime(t0).TotalNanoseconds / iterations;
                bestApi = Math.Min(bestApi, api);
                bestRaw = Math.Min(bestRaw, raw);
            }

            if (check1 != check2)
            {
                Console.Error.WriteLine($"the two readers disagree: API {check1} vs raw {check2}");
                return 1;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pixel-probe: {frames} RGBA {Width}x{Height} frames x {objects} boxes (copied to RGBA), best of 5 rounds x {iterations} batches"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  pixel API:      {bestApi / 1000:F2} us/batch"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  raw gst map:    {bestRaw / 1000:F2} us/batch"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ratio API/raw: {bestApi / bestRaw:F2}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  managed bytes allocated per batch: {(double)allocated / iterations:F3} (budget 0) {(allocated == 0 ? "OK" : "OVER")}"));
            return allocated == 0 ? 0 : 1;
        }
        finally
        {
            NvDs.nvds_destroy_batch_meta(batch);
            Gst.gst_mini_object_unref((GstMiniObject*)buffer);
        }
    }

    // What a probe does: per frame, map its surface, read the centre pixel of each box zero-copy, copy the box out.
    private static long ApiProbe(GstBuffer* buffer, BatchMeta batch, byte[] scratch)
    {
        long sum = 0;
        using var surface = BufferSurface.Map(buffer);
        foreach (var frame in batch.Frames)
        {
            using var px = surface.MapFrame(frame);
            var plane = px.Plane(0);
            foreach (var obj in frame.Objects)
            {
                var rect = PixelRect.Clip(obj.Rect, px.Width, px.Height);
                sum += plane.Pixel(rect.Left + (rect.Width / 2), rect.Top + (rect.Height / 2))[1];
                px.CopyRgba(rect, scratch);
                sum += scratch[(rect.Width * rect.Height * 4) - 4];
            }
        }

        return sum;
    }

    private static long RawProbe(GstBuffer* buffer, BatchMeta batch, byte[] scratch)
    {
        long sum = 0;
        GstMapInfo map;
        if (!Gst.gst_buffer_map(buffer, &map, GstMapFlags.GST_MAP_READ))
        {
            throw new InvalidOperationException("map failed");
        }

        const int stride = Width * 4;
        foreach (var frame in batch.Frames)
        {
            var slot = map.data + ((long)frame.BatchId * stride * Height);
            foreach (var obj in frame.Objects)
            {
                var rect = PixelRect.Clip(obj.Rect, Width, Height);
                sum += slot[((rect.Top + (rect.Height / 2)) * stride) + ((rect.Left + (rect.Width / 2)) * 4) + 1];
                fixed (byte* d = scratch)
                {
                    for (var y = 0; y < rect.Height; y++)
                    {
                        Buffer.MemoryCopy(slot + ((rect.Top + y) * stride) + (rect.Left * 4), d + (y * rect.Width * 4), scratch.Length, rect.Width * 4);
                    }
                }

                sum += scratch[(rect.Width * rect.Height * 4) - 4];
            }
        }

        Gst.gst_buffer_unmap(buffer, &map);
        return sum;
    }

    private static long ApiRepeat(GstBuffer* buffer, NvDsBatchMeta* batch, byte[] scratch, int n)
    {
        long sum = 0;
        for (var i = 0; i < n; i++)
        {
            sum += ApiProbe(buffer, new BatchMeta(batch), scratch);
        }

        return sum;
    }

    private static long RawRepeat(GstBuffer* buffer, NvDsBatchMeta* batch, byte[] scratch, int n)
    {
        long sum = 0;
        for (var i = 0; i < n; i++)
        {
            sum += RawProbe(buffer, new BatchMeta(batch), scratch);
        }

        return sum;
    }

    private static void Fill(GstBuffer* buffer)
    {
        GstMapInfo map;
        Gst.gst_buffer_map(buffer, &map, GstMapFlags.GST_MAP_WRITE);
        var bytes = new Span<byte>(map.data, (int)map.size);
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 31);
        }

        Gst.gst_buffer_unmap(buffer, &map);
    }

    private static NvDsBatchMeta* MakeBatch(int frames, int objects)
    {
        var batch = NvDs.nvds_create_batch_meta((uint)frames);
        var rng = new Random(11);
        for (var f = 0; f < frames; f++)
        {
            var frame = NvDs.nvds_acquire_frame_meta_from_pool(batch);
            frame->batch_id = (uint)f;
            frame->source_id = (uint)f;
            NvDs.nvds_add_frame_meta_to_batch(batch, frame);
            for (var o = 0; o < objects; o++)
            {
                var obj = NvDs.nvds_acquire_obj_meta_from_pool(batch);
                obj->rect_params.left = rng.Next(0, Width - 200);
                obj->rect_params.top = rng.Next(0, Height - 200);
                obj->rect_params.width = rng.Next(40, 199);
                obj->rect_params.height = rng.Next(40, 199);
                NvDs.nvds_add_obj_meta_to_frame(frame, obj, null);
            }
        }

        return batch;
    }
}
