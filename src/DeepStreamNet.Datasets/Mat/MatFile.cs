using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DeepStreamNet.Datasets.Limits;

namespace DeepStreamNet.Datasets.Mat;

/// <summary>
/// Reader for MATLAB level-5 MAT files (the format of <c>save -v6</c>/<c>-v7</c> and <c>scipy.io.savemat</c>):
/// numeric arrays of every class (stored in any numeric data type), logical, complex, sparse (expanded to dense),
/// char, cell, struct and object arrays, zlib-compressed variables, both byte orders. v7.3 (HDF5) and v4 files are
/// rejected with a clear message.
/// </summary>
public sealed class MatFile
{
    private const int HeaderSize = 128;

    private readonly List<MatArray> _variables;

    private MatFile(string headerText, List<MatArray> variables, bool bigEndian)
    {
        HeaderText = headerText;
        _variables = variables;
        IsBigEndian = bigEndian;
    }

    /// <summary>The descriptive text of the 128-byte header (trailing spaces removed).</summary>
    public string HeaderText { get; }

    public bool IsBigEndian { get; }

    public IReadOnlyList<MatArray> Variables => _variables;

    /// <summary>The variable called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such variable; the message lists the ones present.</exception>
    public MatArray this[string name] =>
        _variables.Find(v => v.Name == name)
        ?? throw new KeyNotFoundException($"MAT file has no variable '{name}' (variables: {string.Join(", ", _variables.Select(v => v.Name))})");

    public static MatFile Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = BoundedFile.ReadAllBytes(path, InputLimits.MaxMatFileBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MatFormatException(e.Message.StartsWith(path, StringComparison.Ordinal) ? e.Message : $"{path}: {e.Message}", e);
        }

        return Parse(bytes, path);
    }

    /// <summary>Parses MAT-file bytes; <paramref name="sourceName"/> names the source in error messages.</summary>
    /// <param name="maxInflatedBytes">What one compressed variable may inflate to (default <see cref="InputLimits.MaxMatInflatedBytes"/>).</param>
    /// <exception cref="MatFormatException">Not a readable MAT file, or over a limit of <see cref="InputLimits"/>: never another exception.</exception>
    public static MatFile Parse(byte[] bytes, string sourceName = "<memory>", long maxInflatedBytes = InputLimits.MaxMatInflatedBytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < HeaderSize)
        {
            throw new MatFormatException($"{sourceName}: {bytes.Length} bytes is too short for a MAT-file header (128 bytes)");
        }

        var text = Encoding.ASCII.GetString(bytes, 0, 116).TrimEnd(' ', '\0');
        if (text.StartsWith("MATLAB 7.3", StringComparison.Ordinal))
        {
            throw new MatFormatException($"{sourceName}: MAT-file v7.3 (HDF5) is not supported; re-save it with save(..., '-v7')");
        }

        bool bigEndian;
        if (bytes[126] == (byte)'I' && bytes[127] == (byte)'M')
        {
            bigEndian = false;
        }
        else if (bytes[126] == (byte)'M' && bytes[127] == (byte)'I')
        {
            bigEndian = true;
        }
        else
        {
            throw new MatFormatException($"{sourceName}: no MAT-file v5 endian indicator at offset 126 (not a level-5 MAT file; v4 files are not supported)");
        }

        var reader = new Reader(sourceName, bigEndian);
        var variables = new List<MatArray>();
        var pos = HeaderSize;
        while (pos + 8 <= bytes.Length)
        {
            var at = pos;
            var (type, data) = reader.NextElement(bytes, ref pos, 0);
            if (type == MatDataType.Compressed)
            {
                var inflated = Inflate(data, sourceName, at, maxInflatedBytes);
                var ipos = 0;
                var (itype, idata) = reader.NextElement(inflated, ref ipos, 0);
                if (itype != MatDataType.Matrix)
                {
                    throw new MatFormatException($"{sourceName}: compressed element at offset {at} holds {itype}, expected miMATRIX");
                }

                variables.Add(reader.Matrix(idata, at, 0));
            }
            else if (type == MatDataType.Matrix)
            {
                variables.Add(reader.Matrix(data, at, 0));
            }
            else
            {
                throw new MatFormatException($"{sourceName}: unexpected top-level element {type} at offset {at}");
            }
        }

        return new MatFile(text, variables, bigEndian);
    }

    /// <summary>Inflates one compressed variable, stopping at <paramref name="limit"/> bytes (a zip bomb is an error, not 4 GB).</summary>
    private static byte[] Inflate(byte[] data, string sourceName, int offset, long limit)
    {
        try
        {
            using var input = new MemoryStream(data, writable: false);
            using var z = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = z.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (output.Length + n > limit)
                {
                    throw new MatFormatException(
                        $"{sourceName}: the compressed element at offset {offset} inflates to more than {limit} bytes (the limit): not read");
                }

                output.Write(chunk, 0, n);
            }

            return output.ToArray();
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // ZLibException (an IOException) for some corrupt streams, InvalidDataException for others.
            throw new MatFormatException($"{sourceName}: corrupt zlib data in the compressed element at offset {offset}: {e.Message}", e);
        }
    }

    /// <summary>Element decoding with the file's byte order; offsets in messages are relative to the enclosing element.</summary>
    private sealed class Reader(string source, bool bigEndian)
    {
        public (MatDataType Type, byte[] Data) NextElement(byte[] buf, ref int pos, int baseOffset)
        {
            var span = (ReadOnlySpan<byte>)buf;
            if (pos + 8 > buf.Length)
            {
                throw Error(baseOffset + pos, "truncated data-element tag");
            }

            var first = U32(span[pos..]);
            if ((first >> 16) != 0)
            {
                // Small data element: type and size share the first word, data in the next four bytes.
                var sType = (MatDataType)(first & 0xFFFF);
                var sLen = (int)(first >> 16);
                if (sLen > 4)
                {
                    throw Error(baseOffset + pos, $"small data element claims {sLen} bytes (at most 4)");
                }

                var sData = span.Slice(pos + 4, sLen).ToArray();
                pos += 8;
                return (sType, sData);
            }

            var type = (MatDataType)first;
            var len = U32(span[(pos + 4)..]);
            if (len > (uint)(buf.Length - pos - 8))
            {
                throw Error(baseOffset + pos, $"{type} element of {len} bytes runs past the end ({buf.Length - pos - 8} left)");
            }

            var data = span.Slice(pos + 8, (int)len).ToArray();

            // Padding to 8 bytes is relative to the tag (a compressed element before it may end unaligned);
            // compressed elements themselves are not padded.
            var padded = type == MatDataType.Compressed ? (int)len : (int)((len + 7) & ~7u);
            pos = (int)Math.Min(buf.Length, (long)pos + 8 + padded);

            return (type, data);
        }

        public MatArray Matrix(byte[] data, int offset, int depth)
        {
            if (depth > InputLimits.MaxMatDepth)
            {
                throw Error(offset, $"cells or structs nested more than {InputLimits.MaxMatDepth} deep");
            }

            if (data.Length == 0)
            {
                // MATLAB writes an empty miMATRIX for an empty cell/field: a 0x0 double.
                return new MatNumericArray(string.Empty, MatClass.Double, [0, 0], Array.Empty<double>(), null, false, false);
            }

            var pos = 0;
            var (ft, flagsData) = NextElement(data, ref pos, offset);
            if (ft != MatDataType.UInt32 || flagsData.Length < 8)
            {
                throw Error(offset, $"array flags sub-element is {ft} of {flagsData.Length} bytes, expected miUINT32 of 8");
            }

            var flags = U32(flagsData);
            var cls = (MatClass)(flags & 0xFF);
            var complex = (flags & 0x0800) != 0;
            var logical = (flags & 0x0200) != 0;

            var (dt, dimData) = NextElement(data, ref pos, offset);
            if (dt != MatDataType.Int32 || dimData.Length < 8 || dimData.Length % 4 != 0)
            {
                throw Error(offset, $"dimensions sub-element is {dt} of {dimData.Length} bytes, expected miINT32 with at least 2 values");
            }

            var dims = new int[dimData.Length / 4];
            for (var i = 0; i < dims.Length; i++)
            {
                dims[i] = (int)U32(dimData.AsSpan(i * 4));
                if (dims[i] < 0)
                {
                    throw Error(offset, $"negative dimension {dims[i]}");
                }
            }

            var (_, nameData) = NextElement(data, ref pos, offset);
            var name = Encoding.ASCII.GetString(nameData).TrimEnd('\0');
            // Checked at every step: dimensions whose product overflows are an error, never a wrapped (empty) count.
            var count = 1L;
            foreach (var d in dims)
            {
                count *= d;
                if (count > int.MaxValue)
                {
                    throw Error(offset, $"array '{name}' has dimensions {string.Join('x', dims)}: more than {int.MaxValue} elements");
                }
            }

            // Every cell or struct field is a tagged element of at least 8 bytes: a count the data cannot hold is
            // refused before anything is allocated for it.
            var remaining = data.Length - pos;

            switch (cls)
            {
                case MatClass.Cell:
                {
                    if (count > remaining / 8)
                    {
                        throw Error(offset, $"cell array '{name}' claims {count} cells; {remaining} bytes hold at most {remaining / 8}");
                    }

                    var cells = new MatArray[count];
                    for (var i = 0; i < cells.Length; i++)
                    {
                        cells[i] = SubMatrix(data, ref pos, offset, name, depth);
                    }

                    return new MatCellArray(name, dims, cells);
                }

                case MatClass.Struct:
                case MatClass.Object:
                {
                    string? className = null;
                    if (cls == MatClass.Object)
                    {
                        var (_, cn) = NextElement(data, ref pos, offset);
                        className = Encoding.ASCII.GetString(cn).TrimEnd('\0');
                    }

                    var (_, lenData) = NextElement(data, ref pos, offset);
                    var nameLen = lenData.Length >= 4 ? (int)U32(lenData) : 0;
                    var (_, namesData) = NextElement(data, ref pos, offset);
                    if (nameLen <= 0 || namesData.Length % nameLen != 0)
                    {
                        throw Error(offset, $"struct '{name}': field-name length {nameLen} does not divide {namesData.Length} bytes of names");
                    }

                    var fields = new string[namesData.Length / nameLen];
                    var slots = count * fields.Length;
                    if (fields.Length > 0 ? slots > (data.Length - pos) / 8 : count > InputLimits.MaxMatElements)
                    {
                        throw Error(offset, $"struct array '{name}' claims {count} elements of {fields.Length} fields; the data cannot hold them");
                    }

                    for (var f = 0; f < fields.Length; f++)
                    {
                        var raw = namesData.AsSpan(f * nameLen, nameLen);
                        var z = raw.IndexOf((byte)0);
                        fields[f] = Encoding.ASCII.GetString(z >= 0 ? raw[..z] : raw);
                    }

                    var values = new MatArray[count][];
                    for (var e = 0; e < count; e++)
                    {
                        values[e] = fields.Length == 0 ? [] : new MatArray[fields.Length];
                        for (var f = 0; f < fields.Length; f++)
                        {
                            values[e][f] = SubMatrix(data, ref pos, offset, name, depth);
                        }
                    }

                    return new MatStructArray(name, cls, dims, fields, values, className);
                }

                case MatClass.Char:
                {
                    var (ct, chars) = NextElement(data, ref pos, offset);
                    var text = DecodeChars(ct, chars, offset, name);
                    if (text.Length != count)
                    {
                        throw Error(offset, $"char array '{name}' has {text.Length} characters for {count} elements");
                    }

                    return new MatCharArray(name, dims, text);
                }

                case MatClass.Sparse:
                    return Sparse(data, ref pos, offset, name, dims, complex, logical);

                case >= MatClass.Double and <= MatClass.UInt64:
                {
                    var (rt, realData) = NextElement(data, ref pos, offset);
                    var real = Numeric(rt, realData, cls, (int)count, offset, name);
                    Array? imag = null;
                    if (complex)
                    {
                        var (it, imagData) = NextElement(data, ref pos, offset);
                        imag = Numeric(it, imagData, cls, (int)count, offset, name);
                    }

                    return new MatNumericArray(name, cls, dims, real, imag, logical, false);
                }

                default:
                    throw Error(offset, $"array '{name}' has unknown class {(int)cls}");
            }
        }

        private MatArray SubMatrix(byte[] data, ref int pos, int offset, string parent, int depth)
        {
            var at = pos;
            var (t, d) = NextElement(data, ref pos, offset);
            if (t != MatDataType.Matrix)
            {
                throw Error(offset + at, $"element of '{parent}' is {t}, expected miMATRIX");
            }

            return Matrix(d, offset + at, depth + 1);
        }

        private MatNumericArray Sparse(byte[] data, ref int pos, int offset, string name, int[] dims, bool complex, bool logical)
        {
            var (_, irData) = NextElement(data, ref pos, offset);
            var (_, jcData) = NextElement(data, ref pos, offset);
            var rows = dims[0];
            var cols = dims.Length > 1 ? dims[1] : 1;
            if (jcData.Length < ((long)cols + 1) * 4)
            {
                throw Error(offset, $"sparse '{name}': column index array too short");
            }

            if ((long)rows * cols > InputLimits.MaxMatElements)
            {
                throw Error(offset, $"sparse '{name}' is {rows}x{cols}: more than {InputLimits.MaxMatElements} elements to expand");
            }

            var nnz = (int)U32(jcData.AsSpan(cols * 4));
            if (nnz < 0 || nnz > irData.Length / 4)
            {
                throw Error(offset, $"sparse '{name}': {nnz} stored values but {irData.Length / 4} row indices");
            }
            var (pt, prData) = NextElement(data, ref pos, offset);
            var pr = (double[])Numeric(pt, prData, MatClass.Double, nnz, offset, name);
            double[]? pi = null;
            if (complex)
            {
                var (it, piData) = NextElement(data, ref pos, offset);
                pi = (double[])Numeric(it, piData, MatClass.Double, nnz, offset, name);
            }

            var real = new double[(long)rows * cols];
            var imag = complex ? new double[real.Length] : null;
            for (var c = 0; c < cols; c++)
            {
                var start = (int)U32(jcData.AsSpan(c * 4));
                var end = (int)U32(jcData.AsSpan((c + 1) * 4));
                for (var k = start; k < end; k++)
                {
                    if (k < 0 || k >= nnz)
                    {
                        throw Error(offset, $"sparse '{name}': index {k} outside the {nnz} stored values");
                    }

                    var r = (int)U32(irData.AsSpan(k * 4));
                    if ((uint)r >= (uint)rows)
                    {
                        throw Error(offset, $"sparse '{name}': row {r} outside {rows} rows");
                    }

                    real[r + (c * rows)] = pr[k];
                    if (imag is not null)
                    {
                        imag[r + (c * rows)] = pi![k];
                    }
                }
            }

            return new MatNumericArray(name, MatClass.Double, [rows, cols], real, imag, logical, true);
        }

        private char[] DecodeChars(MatDataType type, byte[] bytes, int offset, string name)
        {
            switch (type)
            {
                case MatDataType.Utf8:
                    return Encoding.UTF8.GetString(bytes).ToCharArray();
                case MatDataType.UInt8:
                case MatDataType.Int8:
                    return Encoding.Latin1.GetString(bytes).ToCharArray();
                case MatDataType.UInt16:
                case MatDataType.Utf16:
                case MatDataType.Int16:
                {
                    var r = new char[bytes.Length / 2];
                    for (var i = 0; i < r.Length; i++)
                    {
                        r[i] = (char)U16(bytes.AsSpan(i * 2));
                    }

                    return r;
                }

                case MatDataType.Utf32:
                case MatDataType.UInt32:
                case MatDataType.Int32:
                {
                    var sb = new StringBuilder();
                    for (var i = 0; i + 4 <= bytes.Length; i += 4)
                    {
                        var code = U32(bytes.AsSpan(i));
                        if (code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
                        {
                            throw Error(offset, $"char array '{name}': 0x{code:X} is not a Unicode code point");
                        }

                        sb.Append(char.ConvertFromUtf32((int)code));
                    }

                    return sb.ToString().ToCharArray();
                }

                default:
                    throw Error(offset, $"char array '{name}' stored as {type}");
            }
        }

        /// <summary>Converts stored values (any numeric miTYPE) to an array of the class's own type.</summary>
        private Array Numeric(MatDataType stored, byte[] bytes, MatClass cls, int count, int offset, string name)
        {
            var size = stored switch
            {
                MatDataType.Int8 or MatDataType.UInt8 => 1,
                MatDataType.Int16 or MatDataType.UInt16 => 2,
                MatDataType.Int32 or MatDataType.UInt32 or MatDataType.Single => 4,
                MatDataType.Int64 or MatDataType.UInt64 or MatDataType.Double => 8,
                _ => throw Error(offset, $"numeric array '{name}' stored as {stored}"),
            };
            if (bytes.Length / size != count)
            {
                throw Error(offset, $"numeric array '{name}' holds {bytes.Length / size} {stored} values for {count} elements");
            }

            var span = (ReadOnlySpan<byte>)bytes;
            switch (cls)
            {
                case MatClass.Int64:
                {
                    var r = new long[count];
                    for (var i = 0; i < count; i++)
                    {
                        r[i] = stored == MatDataType.UInt64 ? (long)U64(span[(i * 8)..]) : ReadInt64(stored, span, i);
                    }

                    return r;
                }

                case MatClass.UInt64:
                {
                    var r = new ulong[count];
                    for (var i = 0; i < count; i++)
                    {
                        r[i] = stored == MatDataType.UInt64 ? U64(span[(i * 8)..]) : (ulong)ReadInt64(stored, span, i);
                    }

                    return r;
                }
            }

            var d = new double[count];
            for (var i = 0; i < count; i++)
            {
                d[i] = ReadDouble(stored, span, i);
            }

            return cls switch
            {
                MatClass.Double => d,
                MatClass.Single => Array.ConvertAll(d, v => (float)v),
                MatClass.Int8 => Array.ConvertAll(d, v => (sbyte)v),
                MatClass.UInt8 => Array.ConvertAll(d, v => (byte)v),
                MatClass.Int16 => Array.ConvertAll(d, v => (short)v),
                MatClass.UInt16 => Array.ConvertAll(d, v => (ushort)v),
                MatClass.Int32 => Array.ConvertAll(d, v => (int)v),
                MatClass.UInt32 => Array.ConvertAll(d, v => (uint)v),
                _ => throw Error(offset, $"array '{name}' has non-numeric class {cls}"),
            };
        }

        private long ReadInt64(MatDataType t, ReadOnlySpan<byte> s, int i) => t switch
        {
            MatDataType.Int64 => (long)U64(s[(i * 8)..]),
            MatDataType.Double or MatDataType.Single => (long)ReadDouble(t, s, i),
            _ => (long)ReadDouble(t, s, i),
        };

        private double ReadDouble(MatDataType t, ReadOnlySpan<byte> s, int i) => t switch
        {
            MatDataType.Int8 => (sbyte)s[i],
            MatDataType.UInt8 => s[i],
            MatDataType.Int16 => (short)U16(s[(i * 2)..]),
            MatDataType.UInt16 => U16(s[(i * 2)..]),
            MatDataType.Int32 => (int)U32(s[(i * 4)..]),
            MatDataType.UInt32 => U32(s[(i * 4)..]),
            MatDataType.Single => BitConverter.Int32BitsToSingle((int)U32(s[(i * 4)..])),
            MatDataType.Double => BitConverter.Int64BitsToDouble((long)U64(s[(i * 8)..])),
            MatDataType.Int64 => (long)U64(s[(i * 8)..]),
            MatDataType.UInt64 => U64(s[(i * 8)..]),
            _ => double.NaN,
        };

        private ushort U16(ReadOnlySpan<byte> s) => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s);

        private uint U32(ReadOnlySpan<byte> s) => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);

        private ulong U64(ReadOnlySpan<byte> s) => bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(s) : BinaryPrimitives.ReadUInt64LittleEndian(s);

        private MatFormatException Error(int offset, string message) => new($"{source}: offset {offset}: {message}");
    }
}
