using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace DeepStreamNet.Datasets.Tests;

/// <summary>
/// Test-side writer of MAT v5 bytes, written from the format description, to cover cases the shared fixtures do not
/// (every numeric class, complex, logical, sparse, cell, object, big-endian, small elements).
/// </summary>
internal sealed class MatBuilder(bool bigEndian = false)
{
    public const int MiInt8 = 1, MiUInt8 = 2, MiInt16 = 3, MiUInt16 = 4, MiInt32 = 5, MiUInt32 = 6, MiSingle = 7, MiDouble = 9,
        MiInt64 = 12, MiUInt64 = 13, MiMatrix = 14, MiCompressed = 15, MiUtf8 = 16;

    public byte[] U32(uint v)
    {
        var b = new byte[4];
        if (bigEndian) BinaryPrimitives.WriteUInt32BigEndian(b, v); else BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        return b;
    }

    public byte[] U16(ushort v)
    {
        var b = new byte[2];
        if (bigEndian) BinaryPrimitives.WriteUInt16BigEndian(b, v); else BinaryPrimitives.WriteUInt16LittleEndian(b, v);
        return b;
    }

    public byte[] U64(ulong v)
    {
        var b = new byte[8];
        if (bigEndian) BinaryPrimitives.WriteUInt64BigEndian(b, v); else BinaryPrimitives.WriteUInt64LittleEndian(b, v);
        return b;
    }

    public byte[] Header(string text = "MATLAB 5.0 MAT-file, written by a test")
    {
        var h = new byte[128];
        Array.Fill(h, (byte)' ', 0, 116);
        Encoding.ASCII.GetBytes(text).CopyTo(h, 0);
        Array.Clear(h, 116, 8);
        U16(0x0100).CopyTo(h, 124);
        h[126] = bigEndian ? (byte)'M' : (byte)'I';
        h[127] = bigEndian ? (byte)'I' : (byte)'M';
        return h;
    }

    /// <summary>A data element; small (packed) form when allowed and the data fits in 4 bytes.</summary>
    public byte[] Element(int type, byte[] data, bool allowSmall = true)
    {
        var ms = new MemoryStream();
        if (allowSmall && data.Length <= 4 && type != MiMatrix)
        {
            ms.Write(U32(((uint)data.Length << 16) | (uint)type));
            ms.Write(data);
            ms.Write(new byte[4 - data.Length]);
            return ms.ToArray();
        }

        ms.Write(U32((uint)type));
        ms.Write(U32((uint)data.Length));
        ms.Write(data);
        if (type != MiCompressed)
        {
            ms.Write(new byte[(8 - (data.Length % 8)) % 8]);
        }

        return ms.ToArray();
    }

    public byte[] Matrix(string name, int mxClass, int[] dims, params byte[][] body) => Matrix(name, mxClass, dims, 0, body);

    public byte[] Matrix(string name, int mxClass, int[] dims, uint extraFlags, params byte[][] body)
    {
        var ms = new MemoryStream();
        ms.Write(Element(MiUInt32, [.. U32((uint)mxClass | extraFlags), .. U32(0)], allowSmall: false));
        ms.Write(Element(MiInt32, dims.SelectMany(d => U32((uint)d)).ToArray(), allowSmall: false));
        ms.Write(Element(MiInt8, Encoding.ASCII.GetBytes(name)));
        foreach (var b in body)
        {
            ms.Write(b);
        }

        return Element(MiMatrix, ms.ToArray());
    }

    public byte[] Doubles(params double[] v) => Element(MiDouble, v.SelectMany(x => U64((ulong)BitConverter.DoubleToInt64Bits(x))).ToArray());

    public byte[] Int16s(params short[] v) => Element(MiInt16, v.SelectMany(x => U16((ushort)x)).ToArray());

    public byte[] Int32s(params int[] v) => Element(MiInt32, v.SelectMany(x => U32((uint)x)).ToArray());

    public byte[] UInt8s(params byte[] v) => Element(MiUInt8, v);

    public byte[] Int64s(params long[] v) => Element(MiInt64, v.SelectMany(x => U64((ulong)x)).ToArray());

    public byte[] Singles(params float[] v) => Element(MiSingle, v.SelectMany(x => U32((uint)BitConverter.SingleToInt32Bits(x))).ToArray());

    public byte[] Utf16(string s) => Element(MiUInt16, s.SelectMany(c => U16(c)).ToArray());

    public byte[] Compressed(byte[] element)
    {
        var ms = new MemoryStream();
        using (var z = new ZLibStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(element);
        }

        return Element(MiCompressed, ms.ToArray(), allowSmall: false);
    }

    public static byte[] File(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
