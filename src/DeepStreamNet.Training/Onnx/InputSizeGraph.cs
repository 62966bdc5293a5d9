using System.Globalization;
using DeepStreamNet.Onnx;
using DeepStreamNet.Onnx.Proto;
using Microsoft.ML.OnnxRuntime;

namespace DeepStreamNet.Training.Onnx;

/// <summary>
/// Fixes a fully convolutional detector's image input (NCHW) at another height × width — e.g. 640×384 for 16:9 video
/// instead of the exported, padded 640×640 — so neither runtime computes the padding. Only the declared shapes change:
/// the input's H and W are set, recorded intermediate shapes are dropped, and the outputs get the shapes ONNX Runtime
/// computes by running the edited graph once on zeros (which also proves the graph has no size baked into a
/// <c>Reshape</c> or <c>Resize</c>). Parsers that derive their grids from the network size (NvDsInferParseYuNet,
/// NvDsInferParseRetinaFace) decode the result unchanged; nvinfer and dsnetinfer read the size from the model.
/// </summary>
public static class InputSizeGraph
{
    /// <summary>Writes a copy of <paramref name="modelPath"/> whose image input is <paramref name="width"/> × <paramref name="height"/>.</summary>
    /// <exception cref="InvalidDataException">See <see cref="Apply"/>.</exception>
    public static void Write(string modelPath, int width, int height, string path)
    {
        var model = OnnxModel.Load(modelPath);
        Apply(model, width, height, modelPath);
        OnnxModel.Save(model, path);
    }

    /// <summary>Edits <paramref name="model"/> in place.</summary>
    /// <exception cref="InvalidDataException">No 4-D NCHW image input with fixed H and W, a <c>Resize</c> with fixed
    /// output sizes, or the graph does not run at the new size (the message says why).</exception>
    internal static void Apply(ModelProto model, int width, int height, string what = "model")
    {
        ArgumentNullException.ThrowIfNull(model);
        if (width <= 0 || height <= 0)
        {
            throw new InvalidDataException($"{what}: input size {width}x{height} must be positive");
        }

        var g = model.Graph;
        var initializers = g.Initializer.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var input = g.Input.FirstOrDefault(i => !initializers.Contains(i.Name))
            ?? throw new InvalidDataException($"{what}: no image input ({OnnxModel.Describe(model)})");
        if (OnnxModel.Dims(input) is not [_, { } channels, { } h, { } w] || channels is not (1 or 3))
        {
            throw new InvalidDataException($"{what}: the input size can only be set on an NCHW image input with fixed height and width; found {OnnxModel.Describe(model)}");
        }

        foreach (var resize in g.Node.Where(n => n.OpType == "Resize" && n.Input.Count >= 4 && n.Input[3].Length > 0))
        {
            throw new InvalidDataException($"{what}: Resize node '{resize.Name}' resizes to fixed sizes ('{resize.Input[3]}'), so the graph is not fully convolutional");
        }

        if (input.Type.TensorType.ElemType != (int)TensorProto.Types.DataType.Float)
        {
            throw new InvalidDataException($"{what}: the image input '{input.Name}' is not float32");
        }

        var shape = input.Type.TensorType.Shape;
        shape.Dim[2] = new TensorShapeProto.Types.Dimension { DimValue = height };
        shape.Dim[3] = new TensorShapeProto.Types.Dimension { DimValue = width };
        g.ValueInfo.Clear();
        foreach (var o in g.Output.Where(o => o.Type?.TensorType is not null))
        {
            o.Type.TensorType.Shape = null;
        }

        var batch = OnnxModel.Dims(input)[0] ?? 1;
        var outputs = RunOnZeros(model, input.Name, [batch, channels, height, width], what);
        foreach (var o in g.Output.Where(o => o.Type?.TensorType is not null))
        {
            var dims = outputs[o.Name];
            o.Type.TensorType.Shape = new TensorShapeProto();
            for (var i = 0; i < dims.Length; i++)
            {
                // a symbolic batch stays symbolic
                o.Type.TensorType.Shape.Dim.Add(i == 0 && OnnxModel.Dims(input)[0] is null
                    ? new TensorShapeProto.Types.Dimension { DimParam = BatchAxis.Symbol }
                    : new TensorShapeProto.Types.Dimension { DimValue = dims[i] });
            }
        }

        model.MetadataProps.Add(new StringStringEntryProto
        {
            Key = "dsnet.input_size",
            Value = string.Create(CultureInfo.InvariantCulture, $"{width}x{height} (exported at {w}x{h})"),
        });
    }

    /// <summary>Parses <c>WxH</c> (e.g. <c>640x384</c>).</summary>
    /// <exception cref="FormatException">Not two positive integers separated by x.</exception>
    public static (int Width, int Height) ParseSize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('x', 'X');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w > 0
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h > 0
            ? (w, h)
            : throw new FormatException($"input size '{text}' is not WIDTHxHEIGHT (e.g. 640x384)");
    }

    private static Dictionary<string, long[]> RunOnZeros(ModelProto model, string inputName, long[] dims, string what)
    {
        try
        {
            using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL };
            using var session = new InferenceSession(Google.Protobuf.MessageExtensions.ToByteArray(model), options);
            using var zeros = OrtValue.CreateTensorValueFromMemory(new float[dims.Aggregate(1L, (a, d) => a * d)], dims);
            using var runOptions = new RunOptions();
            var names = session.OutputNames;
            using var results = session.Run(runOptions, [inputName], [zeros], names);
            return names.Zip(results).ToDictionary(p => p.First, p => p.Second.GetTensorTypeAndShape().Shape, StringComparer.Ordinal);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"{what} does not run at {dims[3]}x{dims[2]} (is the size a multiple of its largest stride, and the graph free of fixed-size reshapes?): {e.Message}", e);
        }
    }
}
