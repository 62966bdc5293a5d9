using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace DeepStreamNet.Datasets.Tests;

/// <summary>Valid images written byte by byte, for sizes no encoder should be asked to allocate.</summary>
internal static class TestImages
{
    /// <summary>
    /// A complete, valid 1-bit greyscale PNG of <paramref name="width"/>×<paramref name="height"/> black pixels: the rows
    /// are streamed through zlib, so a 25000×25000 picture costs a few hundred kB and no pixel buffer.
    /// </summary>
    public static void WriteBlackPng(string path, int width, int height)
    {
        using var file = File.Create(path);
        file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 1; // bit depth
        ihdr[9] = 0; // greyscale
        Chunk(file, "IHDR", ihdr);
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[1 + ((width + 7) / 8)]; // filter byte 0 + packed bits
            for (var y = 0; y < height; y++)
            {
                z.Write(row);
            }
        }

        Chunk(file, "IDAT", compressed.ToArray());
        Chunk(file, "IEND", []);
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var head = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(head, data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(head, 4);
        s.Write(head);
        s.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. head.AsSpan(4), .. data]));
        s.Write(crc);
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c ^= b;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
        }

        return c ^ 0xFFFFFFFFu;
    }
}
