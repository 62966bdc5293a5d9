using DeepStreamNet.InferImages;
using DeepStreamNet.Interop;
using DeepStreamNet.Metadata;
using DeepStreamNet.Probes;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Probes;

/// <summary>
/// Frame pixels from a probe on the portable runtime, read through the same NvBufSurface calls as on DeepStream
/// (descriptor → NvBufSurfaceMap → pitch-addressed planes), checked against the image decoded independently.
/// </summary>
[TestFixture]
public sealed unsafe class PixelAccessTests
{
    [OneTimeSetUp]
    public void Init() => ProbeTestEnv.Init();

    [Test]
    public void MappedFrameIsTheDecodedImageAndCropsCopyTheBox()
    {
        using var expected = ImageDecoder.Decode(ProbeTestEnv.FaceImage);
        var reference = BufferBytes(expected.Buffer);
        var checkedFrames = 0;
        var crops = new List<(RectF Box, RgbaImage Crop, byte[] Jpeg)>();
        using var pipeline = new LaunchedPipeline(ProbeTestEnv.FaceImagePipeline(2));
        using var reg = pipeline.AddProbe("infer", "src", (ref BatchMeta batch, in ProbeContext ctx) =>
        {
            using var surface = ctx.MapSurface();
            Assert.That((surface.BatchSize, surface.NumFilled, surface.IsPortable), Is.EqualTo((1, 1, true)));
            Assert.That(surface.MemoryType, Is.EqualTo(NvBufSurfaceMemType.NVBUF_MEM_SYSTEM));
            foreach (var frame in batch.Frames)
            {
                using var px = surface.MapFrame(frame);
                Assert.That((px.Width, px.Height, px.Format, px.PlaneCount), Is.EqualTo((512, 366, NvBufSurfaceColorFormat.NVBUF_COLOR_FORMAT_RGBA, 1)));
                var plane = px.Plane(0);
                Assert.That((plane.Pitch, plane.BytesPerPixel, plane.Width, plane.Height), Is.EqualTo((2048, 4, 512, 366)));
                Assert.That(px.Native->mappedAddr.addr[0], Is.Not.EqualTo((nint)0), "NvBufSurfaceMap filled mappedAddr");
                for (var y = 0; y < 366; y += 61)
                {
                    Assert.That(plane.Row(y).SequenceEqual(reference.AsSpan(y * 2048, 2048)), Is.True, $"row {y}");
                }

                foreach (var obj in frame.Objects)
                {
                    crops.Add((obj.Rect, px.Crop(obj.Rect), px.EncodeJpeg(obj.Rect, 95)));
                }

                checkedFrames++;
            }

            Assert.That(surface.Native->surfaceList[0].mappedAddr.addr[0], Is.EqualTo((nint)0), "disposing the frame view unmapped it");
        });
        pipeline.RunToEnd(TimeSpan.FromSeconds(60));

        Assert.That(reg.Stats.Faults, Is.Zero, reg.Stats.LastFault);
        Assert.That(checkedFrames, Is.EqualTo(2));
        Assert.That(crops, Has.Count.GreaterThanOrEqualTo(4), "2 frames with 2+ faces each");
        foreach (var (box, crop, jpeg) in crops)
        {
            var r = PixelRect.Clip(box, 512, 366);
            Assert.That((crop.Width, crop.Height), Is.EqualTo((r.Width, r.Height)));
            for (var y = 0; y < r.Height; y++)
            {
                var want = reference.AsSpan(((r.Top + y) * 2048) + (r.Left * 4), r.Width * 4);
                Assert.That(crop.Pixels.AsSpan(y * r.Width * 4, r.Width * 4).SequenceEqual(want), Is.True, $"crop row {y} of {box}");
            }

            Assert.That(jpeg.AsSpan(0, 2).SequenceEqual(new byte[] { 0xFF, 0xD8 }), Is.True, "JPEG SOI");
            AssertJpegShows(jpeg, crop);
        }
    }

    [Test]
    public void EachFrameOfABatchReadsItsOwnSurface()
    {
        var colours = new Dictionary<uint, (byte R, byte G, byte B)>();
        var desc =
            "videotestsrc num-buffers=4 pattern=red ! video/x-raw,format=RGBA,width=64,height=48,framerate=25/1 ! m.sink_0 " +
            "videotestsrc num-buffers=4 pattern=blue ! video/x-raw,format=RGBA,width=64,height=48,framerate=25/1 ! m.sink_1 " +
            "dsnetstreammux name=m batch-size=2 width=32 height=24 batched-push-timeout=2000000 ! identity name=after ! fakesink name=sink";
        using var pipeline = new LaunchedPipeline(desc);
        using var reg = pipeline.AddProbe("after", "src", (ref BatchMeta batch, in ProbeContext ctx) =>
        {
            using var surface = ctx.MapSurface();
            Assert.That(surface.NumFilled, Is.EqualTo((int)batch.NumFrames));
            foreach (var frame in batch.Frames)
            {
                using var px = surface.MapFrame(frame);
                var p = px.Plane(0).Pixel(20, 10);
                colours[frame.SourceId] = (p[0], p[1], p[2]);
            }
        });
        pipeline.RunToEnd(TimeSpan.FromSeconds(60));

        Assert.That(reg.Stats.Faults, Is.Zero, reg.Stats.LastFault);
        Assert.That(colours[0], Is.EqualTo(((byte)255, (byte)0, (byte)0)));
        Assert.That(colours[1], Is.EqualTo(((byte)0, (byte)0, (byte)255)));
    }

    [Test]
    public void ABufferWithoutSurfaceSaysWhere()
    {
        // a plain video buffer (as before the stream muxer): neither an NvBufSurface nor a DsNetSurfaceMeta
        var buffer = Gst.gst_buffer_new_allocate(null, 16 * 16 * 4, null);
        try
        {
            var ex = Assert.Throws<PixelAccessException>(() =>
            {
                using var s = BufferSurface.Map(buffer);
            });
            Assert.That(ex!.Message, Does.Contain("no NvBufSurface").And.Contain("stream muxer"));
        }
        finally
        {
            Gst.gst_mini_object_unref((GstMiniObject*)buffer);
        }
    }

    [Test]
    public void HostSurfacesConvertNv12AndRgbFamiliesToRgba()
    {
        // An NV12 host surface made with the portable NvBufSurfaceCreate, as DeepStream's decoder output would be.
        NvBufSurface* created;
        var p = new NvBufSurfaceCreateParams { width = 8, height = 4, colorFormat = NvBufSurfaceColorFormat.NVBUF_COLOR_FORMAT_NV12, layout = NvBufSurfaceLayout.NVBUF_LAYOUT_PITCH, memType = NvBufSurfaceMemType.NVBUF_MEM_SYSTEM };
        Assert.That(NvBufSurfaceApi.NvBufSurfaceCreate(&created, 1, &p), Is.Zero);
        var surf = created;
        try
        {
            var e = &surf->surfaceList[0];
            var y = (byte*)e->dataPtr;
            var uv = y + e->planeParams.offset[1];
            new Span<byte>(y, (int)(e->planeParams.pitch[0] * 4)).Fill(81);       // BT.601 limited-range red: Y 81, Cb 90, Cr 240
            for (var row = 0; row < 2; row++)
            {
                for (var i = 0; i < 4; i++)
                {
                    uv[(row * e->planeParams.pitch[1]) + (i * 2)] = 90;
                    uv[(row * e->planeParams.pitch[1]) + (i * 2) + 1] = 240;
                }
            }

            using (var px = new FramePixels(surf, 0))
            {
                Assert.That(px.PlaneCount, Is.EqualTo(2));
                var img = px.Crop(new PixelRect(2, 1, 4, 2));
                var r = img.Pixel(1, 1);
                Assert.That(r[0], Is.InRange(250, 255));
                Assert.That(r[1], Is.InRange(0, 4));
                Assert.That(r[2], Is.InRange(0, 4));
                Assert.That(r[3], Is.EqualTo(255));
            }

            Assert.That(surf->surfaceList[0].mappedAddr.addr[0], Is.EqualTo((nint)0), "unmapped on dispose");
            e->colorFormat = NvBufSurfaceColorFormat.NVBUF_COLOR_FORMAT_YUV444_10LE;
            Assert.Throws<PixelAccessException>(() =>
            {
                using var px = new FramePixels(surf, 0);
                px.Crop();
            });
        }
        finally
        {
            Assert.That(NvBufSurfaceApi.NvBufSurfaceDestroy(surf), Is.Zero);
        }
    }

    [Test]
    public void DeviceMemoryIsRefusedWithWhatToChange()
    {
        NvBufSurface* created;
        var p = new NvBufSurfaceCreateParams { width = 4, height = 4, colorFormat = NvBufSurfaceColorFormat.NVBUF_COLOR_FORMAT_RGBA, memType = NvBufSurfaceMemType.NVBUF_MEM_SYSTEM };
        Assert.That(NvBufSurfaceApi.NvBufSurfaceCreate(&created, 1, &p), Is.Zero);
        var surf = created;
        surf->memType = NvBufSurfaceMemType.NVBUF_MEM_CUDA_DEVICE;
        var ex = Assert.Throws<PixelAccessException>(() =>
        {
            using var px = new FramePixels(surf, 0);
        });
        Assert.That(ex!.Message, Does.Contain("nvbuf-memory-type=3"));
        surf->memType = NvBufSurfaceMemType.NVBUF_MEM_SYSTEM;
        Assert.That(NvBufSurfaceApi.NvBufSurfaceDestroy(surf), Is.Zero);
    }

    private static byte[] BufferBytes(GstBuffer* buffer)
    {
        GstMapInfo map;
        Assert.That((bool)Gst.gst_buffer_map(buffer, &map, GstMapFlags.GST_MAP_READ), Is.True);
        var bytes = new ReadOnlySpan<byte>(map.data, (int)map.size).ToArray();
        Gst.gst_buffer_unmap(buffer, &map);
        return bytes;
    }

    // Decodes the JPEG independently and compares it with the crop it encoded (lossy: mean error only).
    private static void AssertJpegShows(byte[] jpeg, RgbaImage crop)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dsnet-pixels-{Guid.NewGuid():N}.jpg");
        File.WriteAllBytes(path, jpeg);
        try
        {
            using var decoded = ImageDecoder.Decode(path);
            Assert.That((decoded.Width, decoded.Height), Is.EqualTo((crop.Width, crop.Height)));
            var bytes = BufferBytes(decoded.Buffer);
            var stride = bytes.Length / decoded.Height;
            double sum = 0;
            for (var y = 0; y < crop.Height; y++)
            {
                for (var x = 0; x < crop.Width; x++)
                {
                    for (var c = 0; c < 3; c++)
                    {
                        sum += Math.Abs(bytes[(y * stride) + (x * 4) + c] - crop.Pixels[(((y * crop.Width) + x) * 4) + c]);
                    }
                }
            }

            Assert.That(sum / (crop.Width * crop.Height * 3), Is.LessThan(8), "mean absolute error of the JPEG");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
