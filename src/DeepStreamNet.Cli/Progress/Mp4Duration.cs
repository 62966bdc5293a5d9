using System.Buffers.Binary;

namespace DeepStreamNet.Cli.Progress;

/// <summary>
/// The presentation length of an MP4 / QuickTime file from its <c>moov/mvhd</c> box (timescale and duration), read
/// by seeking over the other boxes: what the demo's progress counts down, without decoding anything.
/// </summary>
internal static class Mp4Duration
{
    /// <summary>The length, or null when the file is not an MP4 with a movie header.</summary>
    public static TimeSpan? TryRead(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
            return Find(file, file.Length, inMoov: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private static TimeSpan? Find(FileStream file, long end, bool inMoov)
    {
        Span<byte> head = stackalloc byte[16];
        while (file.Position + 8 <= end)
        {
            var start = file.Position;
            file.ReadExactly(head[..8]);
            long size = BinaryPrimitives.ReadUInt32BigEndian(head);
            var type = System.Text.Encoding.ASCII.GetString(head[4..8]);
            var headerSize = 8;
            if (size == 1)
            {
                file.ReadExactly(head[8..16]);
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(head[8..]);
                headerSize = 16;
            }
            else if (size == 0)
            {
                size = end - start;
            }

            if (size < headerSize || start + size > end)
            {
                return null;
            }

            if (type == "moov" && !inMoov)
            {
                return Find(file, start + size, inMoov: true);
            }

            if (type == "mvhd" && inMoov)
            {
                return MovieHeader(file);
            }

            file.Position = start + size;
        }

        return null;
    }

    private static TimeSpan? MovieHeader(FileStream file)
    {
        Span<byte> b = stackalloc byte[32];
        file.ReadExactly(b[..4]);
        var version = b[0];
        ulong timescale, duration;
        if (version == 1)
        {
            file.ReadExactly(b[..28]); // creation 8, modification 8, timescale 4, duration 8
            timescale = BinaryPrimitives.ReadUInt32BigEndian(b[16..]);
            duration = BinaryPrimitives.ReadUInt64BigEndian(b[20..]);
        }
        else
        {
            file.ReadExactly(b[..16]); // creation 4, modification 4, timescale 4, duration 4
            timescale = BinaryPrimitives.ReadUInt32BigEndian(b[8..]);
            duration = BinaryPrimitives.ReadUInt32BigEndian(b[12..]);
        }

        return timescale == 0 || duration == 0 || duration == uint.MaxValue || duration == ulong.MaxValue
            ? null
            : TimeSpan.FromSeconds((double)duration / timescale);
    }
}
