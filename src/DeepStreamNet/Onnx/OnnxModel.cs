using DeepStreamNet.Onnx.Proto;
using Google.Protobuf;

namespace DeepStreamNet.Onnx;

/// <summary>
/// The one place that reads and writes ONNX protobuf (shared by the host's batch-axis edit and the model tools of
/// DeepStreamNet.Training): load and save models, build tensors, nodes and value infos. Everything else edits graphs
/// through these helpers.
/// </summary>
internal static class OnnxModel
{
    /// <summary>Reads an ONNX model file.</summary>
    /// <exception cref="InvalidDataException">The file is not an ONNX model (the message names it).</exception>
    public static ModelProto Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var model = ModelProto.Parser.ParseFrom(stream);
            if (model.Graph is null || model.Graph.Node.Count == 0)
            {
                throw new InvalidDataException($"{path}: not an ONNX model (no graph nodes)");
            }

            return model;
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidDataException($"{path}: not an ONNX model: {e.Message}", e);
        }
    }

    /// <summary>Writes the model through a temporary file and a rename, so a reader never sees half a model.</summary>
    public static void Save(ModelProto model, string path)
    {
        var tmp = path + ".tmp";
        using (var stream = File.Create(tmp))
        {
            model.WriteTo(stream);
        }

        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Opset version of the default (ai.onnx) domain, 0 when none is declared.</summary>
    public static long DefaultOpset(ModelProto model) =>
        model.OpsetImport.Where(o => string.IsNullOrEmpty(o.Domain) || o.Domain == "ai.onnx").Select(o => o.Version).DefaultIfEmpty(0).Max();

    /// <summary>A float32 initializer stored as little-endian raw data.</summary>
    public static TensorProto FloatTensor(string name, ReadOnlySpan<long> dims, ReadOnlySpan<float> data)
    {
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        t.Dims.AddRange(dims.ToArray());
        t.RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(data));
        return t;
    }

    /// <summary>An int64 initializer (shapes, axes).</summary>
    public static TensorProto Int64Tensor(string name, ReadOnlySpan<long> dims, ReadOnlySpan<long> data)
    {
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        t.Dims.AddRange(dims.ToArray());
        t.RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(data));
        return t;
    }

    /// <summary>The values of a float32 tensor (raw or typed storage).</summary>
    /// <exception cref="InvalidDataException">The tensor is not float32.</exception>
    public static float[] FloatData(TensorProto t)
    {
        if (t.DataType != (int)TensorProto.Types.DataType.Float)
        {
            throw new InvalidDataException($"tensor '{t.Name}' is not float32 (data type {t.DataType})");
        }

        return t.HasRawData
            ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(t.RawData.Span).ToArray()
            : [.. t.FloatData];
    }

    /// <summary>The values of an int64 tensor (raw or typed storage).</summary>
    /// <exception cref="InvalidDataException">The tensor is not int64.</exception>
    public static long[] Int64Data(TensorProto t)
    {
        if (t.DataType != (int)TensorProto.Types.DataType.Int64)
        {
            throw new InvalidDataException($"tensor '{t.Name}' is not int64 (data type {t.DataType})");
        }

        return t.HasRawData
            ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(t.RawData.Span).ToArray()
            : [.. t.Int64Data];
    }

    /// <summary>A node of the default domain.</summary>
    public static NodeProto Node(string opType, string name, IEnumerable<string> inputs, IEnumerable<string> outputs, params AttributeProto[] attributes)
    {
        var n = new NodeProto { OpType = opType, Name = name };
        n.Input.AddRange(inputs);
        n.Output.AddRange(outputs);
        n.Attribute.AddRange(attributes);
        return n;
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    /// <summary>A float32 tensor value info; a null dimension is symbolic (<paramref name="symbol"/>, e.g. the batch).</summary>
    public static ValueInfoProto FloatValue(string name, IEnumerable<long?> dims, string symbol = "batch")
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
        {
            shape.Dim.Add(d is { } v ? new TensorShapeProto.Types.Dimension { DimValue = v } : new TensorShapeProto.Types.Dimension { DimParam = symbol });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    /// <summary>Dimensions of a value info (null where symbolic or unknown).</summary>
    public static long?[] Dims(ValueInfoProto v) =>
        v.Type?.TensorType?.Shape is { } s
            ? [.. s.Dim.Select(d => d.HasDimValue ? d.DimValue : (long?)null)]
            : [];

    /// <summary>Describes inputs, outputs, opset and node count (for errors and <c>--verbose</c>).</summary>
    public static string Describe(ModelProto model)
    {
        static string Shape(ValueInfoProto v) => $"{v.Name}[{string.Join(',', Dims(v).Select(d => d?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"))}]";
        var g = model.Graph;
        return $"opset {DefaultOpset(model)}, IR {model.IrVersion}, {g.Node.Count} nodes, inputs {string.Join(' ', g.Input.Where(i => g.Initializer.All(t => t.Name != i.Name)).Select(Shape))}, outputs {string.Join(' ', g.Output.Select(Shape))}";
    }
}
