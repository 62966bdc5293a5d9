namespace DeepStreamNet.Config;

/// <summary>
/// The graph inputs and outputs of an ONNX model (names and dims, -1 = dynamic), read straight from the protobuf
/// (ModelProto.graph → input/output ValueInfoProto; inputs that are initializers are weights, not inputs), so
/// <c>dsnet validate</c> can compare an nvinfer config with its model without loading a runtime.
/// </summary>
internal sealed record OnnxModelInfo(IReadOnlyList<OnnxTensorInfo> Inputs, IReadOnlyList<OnnxTensorInfo> Outputs)
{
    /// <summary>Reads <paramref name="path"/>; <see cref="InvalidDataException"/> when it is not an ONNX model.</summary>
    public static OnnxModelInfo Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        ReadOnlySpan<byte> graph = default;
        var found = false;
        foreach (var f in new ProtoReader(bytes))
        {
            if (f.Number == 7 && f.WireType == 2)
            {
                graph = bytes.AsSpan(f.Offset, f.Length);
                found = true;
            }
        }

        if (!found)
        {
            throw new InvalidDataException($"{path} is not an ONNX model (no graph)");
        }

        var graphBytes = graph.ToArray();
        var inputs = new List<OnnxTensorInfo>();
        var outputs = new List<OnnxTensorInfo>();
        var initializers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in new ProtoReader(graphBytes))
        {
            if (f.WireType != 2)
            {
                continue;
            }

            var body = graphBytes.AsSpan(f.Offset, f.Length).ToArray();
            switch (f.Number)
            {
                case 5: // TensorProto initializer: name = 8
                    initializers.Add(StringField(body, 8) ?? string.Empty);
                    break;
                case 11:
                    inputs.Add(ValueInfo(body));
                    break;
                case 12:
                    outputs.Add(ValueInfo(body));
                    break;
            }
        }

        return new OnnxModelInfo(inputs.Where(i => !initializers.Contains(i.Name)).ToList(), outputs);
    }

    private static OnnxTensorInfo ValueInfo(byte[] body)
    {
        var name = StringField(body, 1) ?? string.Empty;
        var dims = new List<long>();
        if (Message(body, 2) is { } type && Message(type, 1) is { } tensor && Message(tensor, 2) is { } shape)
        {
            foreach (var d in new ProtoReader(shape))
            {
                if (d.Number != 1 || d.WireType != 2)
                {
                    continue;
                }

                var dim = shape.AsSpan(d.Offset, d.Length).ToArray();
                var value = -1L;
                foreach (var v in new ProtoReader(dim))
                {
                    if (v.Number == 1 && v.WireType == 0)
                    {
                        value = (long)v.Varint;
                    }
                }

                dims.Add(value);
            }
        }

        return new OnnxTensorInfo(name, dims);
    }

    private static byte[]? Message(byte[] body, int number)
    {
        foreach (var f in new ProtoReader(body))
        {
            if (f.Number == number && f.WireType == 2)
            {
                return body.AsSpan(f.Offset, f.Length).ToArray();
            }
        }

        return null;
    }

    private static string? StringField(byte[] body, int number) =>
        Message(body, number) is { } b ? System.Text.Encoding.UTF8.GetString(b) : null;

    /// <summary>One protobuf field: number, wire type, varint value or the span of a length-delimited body.</summary>
    private readonly record struct ProtoField(int Number, int WireType, ulong Varint, int Offset, int Length);

    /// <summary>Walks the top-level fields of one protobuf message.</summary>
    private readonly struct ProtoReader(byte[] data)
    {
        public IEnumerator<ProtoField> GetEnumerator()
        {
            var p = 0;
            while (p < data.Length)
            {
                var key = ReadVarint(data, ref p);
                var number = (int)(key >> 3);
                var wire = (int)(key & 7);
                switch (wire)
                {
                    case 0:
                        yield return new ProtoField(number, wire, ReadVarint(data, ref p), 0, 0);
                        break;
                    case 1:
                        p += 8;
                        break;
                    case 2:
                        var len = (int)ReadVarint(data, ref p);
                        if (len < 0 || p + len > data.Length)
                        {
                            throw new InvalidDataException("truncated ONNX protobuf");
                        }

                        yield return new ProtoField(number, wire, 0, p, len);
                        p += len;
                        break;
                    case 5:
                        p += 4;
                        break;
                    default:
                        throw new InvalidDataException($"not an ONNX protobuf (wire type {wire})");
                }
            }
        }

        private static ulong ReadVarint(byte[] d, ref int p)
        {
            ulong v = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                if (p >= d.Length)
                {
                    throw new InvalidDataException("truncated ONNX protobuf");
                }

                var b = d[p++];
                v |= (ulong)(b & 0x7f) << shift;
                if ((b & 0x80) == 0)
                {
                    return v;
                }
            }

            throw new InvalidDataException("bad varint in ONNX protobuf");
        }
    }
}

/// <summary>A graph input or output: name and dims (batch first, -1 = dynamic or symbolic).</summary>
internal sealed record OnnxTensorInfo(string Name, IReadOnlyList<long> Dims);
