using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>Copies a rectangle of a mapped frame into tightly packed RGBA, converting from the frame's format.</summary>
internal static unsafe class PixelConversion
{
    /// <summary>Whether <see cref="CopyRgba"/> reads <paramref name="format"/>.</summary>
    public static bool CanConvert(NvBufSurfaceColorFormat format) => Kind(format) != SourceKind.Unsupported;

    /// <summary>Copies <paramref name="rect"/> (inside the frame) into <paramref name="dst"/> (rect.Width × rect.Height × 4 bytes).</summary>
    public static void CopyRgba(in FramePixels frame, PixelRect rect, Span<byte> dst)
    {
        var kind = Kind(frame.Format);
        if (kind == SourceKind.Unsupported)
        {
            throw Unsupported(frame.Format);
        }

        var rowBytes = (long)rect.Width * 4;
        fixed (byte* d0 = dst)
        {
            if (kind is SourceKind.Nv12 or SourceKind.Nv21)
            {
                for (var y = 0; y < rect.Height; y++)
                {
                    YuvRow(kind, frame, rect.Left, rect.Top + y, rect.Width, d0 + (y * rowBytes));
                }

                return;
            }

            // packed formats: plane base and pitch once, then one row copy / convert per line
            long pitch = frame.PlanePitch(0);
            var s = frame.PlaneBase(0) + (rect.Top * pitch) + ((long)rect.Left * BytesPerPixel(kind));
            var plainCopy = frame.Format == NvBufSurfaceColorFormat.NVBUF_COLOR_FORMAT_RGBA;
            for (var y = 0; y < rect.Height; y++, s += pitch)
            {
                if (plainCopy)
                {
                    Buffer.MemoryCopy(s, d0 + (y * rowBytes), rowBytes, rowBytes);
                }
                else
                {
                    PackedRow(kind, s, d0 + (y * rowBytes), rect.Width, frame.Format);
                }
            }
        }
    }

    public static PixelAccessException Unsupported(NvBufSurfaceColorFormat format) =>
        new($"frame format {format} cannot be converted to RGBA here (supported: RGBA, BGRA, RGBx, BGRx, RGB, BGR, GRAY8, NV12, NV21); " +
            "read its planes with FramePixels.Plane(i), or convert the stream to RGBA before the probe (nvvideoconvert)");

    private enum SourceKind
    {
        Unsupported,
        Rgba,
        Bgra,
        Rgb,
        Bgr,
        Gray,
        Nv12,
        Nv21,
    }

    private static SourceKind Kind(NvBufSurfaceColorFormat f) => f switch
    {
        NvBufSurfaceColorFormat.NVBUF_COLOR_FORMAT_RGBA or NvBufSurfaceColorFormat.NVBUF_COLOR_FORMAT_RGBx => SourceKind.Rgba,
        NvBufSurfaceColorFormat.NVBUF_COLOR_FORMAT_BGRA or NvBufSurfaceColorFormat.NVBUF_COLOR_FORMAT_BGRx => SourceKind.Bgra,
        NvBufSurfaceColorFormat.NVBUF_COLOR_FORMAT_RGB => SourceKind.Rgb,
        NvBufSurfaceColorFormat.NVBUF_COLOR_FORMAT_BGR => SourceKind.Bgr,
        NvBufSurfaceColorFormat.NVBUF_COLOR_FORMAT_GRAY8 => SourceKind.Gray,
        NvBufSurfaceColorFormat.NVBUF_COLOR_FORMAT_NV12 or NvBufSurfaceColorFormat.NVBUF_COLOR_FORMAT_NV12_ER
            or NvBufSurfaceColorFormat.NVBUF_COLOR_FORMAT_NV12_709 or NvBufSurfaceColorFormat.NVBUF_COLOR_FORMAT_NV12_709_ER
            or NvBufSurfaceColorFormat.NVBUF_COLOR_FORMAT_NV12_2020 => SourceKind.Nv12,
        NvBufSurfaceColorFormat.NVBUF_COLOR_FORMAT_NV21 or NvBufSurfaceColorFormat.NVBUF_COLOR_FORMAT_NV21_ER => SourceKind.Nv21,
        _ => SourceKind.Unsupported,
    };

    private static int BytesPerPixel(SourceKind kind) => kind switch
    {
        SourceKind.Rgb or SourceKind.Bgr => 3,
        SourceKind.Gray => 1,
        _ => 4,
    };

    private static void PackedRow(SourceKind kind, byte* s, byte* d, int width, NvBufSurfaceColorFormat format)
    {
        switch (kind)
        {
            case SourceKind.Rgba:
                Buffer.MemoryCopy(s, d, (long)width * 4, (long)width * 4);
                if (format == NvBufSurfaceColorFormat.NVBUF_COLOR_FORMAT_RGBx)
                {
                    for (var x = 0; x < width; x++)
                    {
                        d[(x * 4) + 3] = 255;
                    }
                }

                break;
            case SourceKind.Bgra:
                for (var x = 0; x < width; x++, s += 4, d += 4)
                {
                    d[0] = s[2];
                    d[1] = s[1];
                    d[2] = s[0];
                    d[3] = format == NvBufSurfaceColorFormat.NVBUF_COLOR_FORMAT_BGRx ? (byte)255 : s[3];
                }

                break;
            case SourceKind.Rgb:
            case SourceKind.Bgr:
                var r = kind == SourceKind.Rgb ? 0 : 2;
                for (var x = 0; x < width; x++, s += 3, d += 4)
                {
                    d[0] = s[r];
                    d[1] = s[1];
                    d[2] = s[2 - r];
                    d[3] = 255;
                }

                break;
            default:
                for (var x = 0; x < width; x++, d += 4)
                {
                    d[0] = d[1] = d[2] = s[x];
                    d[3] = 255;
                }

                break;
        }
    }

    // BT.601 (BT.709 for the _709 formats), limited range unless _ER; integer coefficients scaled by 2^16.
    private static void YuvRow(SourceKind kind, in FramePixels frame, int left, int y, int width, byte* d)
    {
        var full = frame.Format is NvBufSurfaceColorFormat.NVBUF_COLOR_FORMAT_NV12_ER or NvBufSurfaceColorFormat.NVBUF_COLOR_FORMAT_NV21_ER
            or NvBufSurfaceColorFormat.NVBUF_COLOR_FORMAT_NV12_709_ER;
        var bt709 = frame.Format is NvBufSurfaceColorFormat.NVBUF_COLOR_FORMAT_NV12_709 or NvBufSurfaceColorFormat.NVBUF_COLOR_FORMAT_NV12_709_ER;
        var (rv, gu, gv, bu) = bt709 ? (1.5748, 0.1873, 0.4681, 1.8556) : (1.402, 0.344136, 0.714136, 1.772);
        var yScale = full ? 1.0 : 255.0 / 219.0;
        var cScale = full ? 1.0 : 255.0 / 224.0;
        int ky = (int)(yScale * 65536), krv = (int)(rv * cScale * 65536), kgu = (int)(gu * cScale * 65536);
        int kgv = (int)(gv * cScale * 65536), kbu = (int)(bu * cScale * 65536);
        var yOffset = full ? 0 : 16;
        var luma = frame.PlaneBase(0) + ((long)y * frame.PlanePitch(0));
        var chroma = frame.PlaneBase(1) + ((long)(y / 2) * frame.PlanePitch(1));
        var (ui, vi) = kind == SourceKind.Nv12 ? (0, 1) : (1, 0);
        for (var x = left; x < left + width; x++, d += 4)
        {
            var c = chroma + ((x / 2) * 2);
            var yy = (luma[x] - yOffset) * ky;
            int u = c[ui] - 128, v = c[vi] - 128;
            d[0] = Clamp((yy + (krv * v)) >> 16);
            d[1] = Clamp((yy - (kgu * u) - (kgv * v)) >> 16);
            d[2] = Clamp((yy + (kbu * u)) >> 16);
            d[3] = 255;
        }
    }

    private static byte Clamp(int v) => (byte)Math.Clamp(v, 0, 255);
}
