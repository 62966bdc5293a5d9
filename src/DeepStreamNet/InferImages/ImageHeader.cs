using System.Buffers.Binary;

namespace DeepStreamNet.InferImages;

/// <summary>
/// Picture size from a PNG or JPEG header, read before anything is decoded: <c>infer-images</c> refuses a picture whose
/// decoded size would be too large (a valid 25000×25000 PNG is 1.9 MB on disk and 2.5 GB as RGBA) instead of letting the
/// decoder and converter allocate it.
/// </summary>
internal static class ImageHeader
{
    /// <summary>Largest picture decoded: 100 megapixels (400 MB as RGBA).</summary>
    public const long MaxPixels = 100_000_000;

    /// <summary>Largest width or height decoded.</summary>
    public const int MaxSide = 32_767;

    /// <summary>Why the file is not decoded (too large, empty, not a regular file, not PNG/JPEG), or null when it may be.</summary>
    public static string? Refusal(string path)
    {
        if (Directory.Exists(path))
        {
            return "is a folder, not an image";
        }

        var info = new FileInfo(path);
        if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target)
        {
            info = target; // a link's own Length is the length of the path it holds
        }

        if (info.Length == 0)
        {
            return "empty, or not a regular file (FIFO, device)";
        }

        (int Width, int Height)? size;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
            size = ReadSize(file);
        }
        catch (EndOfStreamException)
        {
            size = null;
        }

        if (size is not { } s)
        {
            return "not a PNG or JPEG file (no picture header)";
        }

        if (s.Width <= 0 || s.Height <= 0 || s.Width > MaxSide || s.Height > MaxSide || (long)s.Width * s.Height > MaxPixels)
        {
            return FormattableString.Invariant(
                $"picture is {s.Width}x{s.Height}, over the limit of {MaxPixels / 1_000_000} megapixels and {MaxSide} pixels a side: not decoded");
        }

        return null;
    }

    /// <summary>Width and height from the PNG IHDR or the JPEG frame header (SOFn), or null.</summary>
    public static (int Width, int Height)? ReadSize(Stream s)
    {
        ArgumentNullException.ThrowIfNull(s);
        Span<byte> b = stackalloc byte[24];
        s.ReadExactly(b[..2]);
        if (b[0] == 0x89 && b[1] == (byte)'P')
        {
            s.ReadExactly(b[2..24]); // signature 8, IHDR length 4, "IHDR" 4, width 4, height 4
            return b[12..16].SequenceEqual("IHDR"u8)
                ? (BinaryPrimitives.ReadInt32BigEndian(b[16..]), BinaryPrimitives.ReadInt32BigEndian(b[20..]))
                : null;
        }

        if (b[0] != 0xFF || b[1] != 0xD8)
        {
            return null;
        }

        while (true)
        {
            s.ReadExactly(b[..2]);
            if (b[0] != 0xFF)
            {
                return null;
            }

            var marker = b[1];
            if (marker == 0xFF)
            {
                s.Seek(-1, SeekOrigin.Current); // fill byte
                continue;
            }

            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue; // markers without a length
            }

            if (marker is 0xD9 or 0xDA)
            {
                return null; // end of image or scan data before any frame header
            }

            s.ReadExactly(b[..2]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(b);
            if (length < 2)
            {
                return null;
            }

            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                s.ReadExactly(b[..5]); // precision 1, height 2, width 2
                return (BinaryPrimitives.ReadUInt16BigEndian(b[3..]), BinaryPrimitives.ReadUInt16BigEndian(b[1..]));
            }

            s.Seek(length - 2, SeekOrigin.Current);
        }
    }
}
