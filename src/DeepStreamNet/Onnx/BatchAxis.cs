using DeepStreamNet.Onnx.Proto;

namespace DeepStreamNet.Onnx;

/// <summary>
/// Gives a model exported with a fixed batch of 1 a symbolic batch axis, so one ONNX Runtime run serves a whole muxer
/// batch: the first dimension of the image input and of every output becomes <c>batch</c>, recorded intermediate shapes
/// are dropped (ONNX Runtime infers them again), and <c>Reshape</c> targets held as constants whose first entry is 1
/// get 0 ("copy the input's first dimension"). A model that bakes the batch into other constants fails to load, and the
/// caller keeps the original.
/// </summary>
internal static class BatchAxis
{
    public const string Symbol = "batch";

    /// <summary>True when the model's image input has a first dimension fixed at 1.</summary>
    public static bool IsFixedAtOne(ModelProto model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return ImageInput(model) is { } input && OnnxModel.Dims(input) is [1, ..];
    }

    /// <summary>Makes the batch axis symbolic in place; false when the model has no input fixed at batch 1.</summary>
    public static bool MakeDynamic(ModelProto model)
    {
        if (!IsFixedAtOne(model))
        {
            return false;
        }

        var g = model.Graph;
        foreach (var v in g.Output.Append(ImageInput(model)!))
        {
            if (v.Type?.TensorType?.Shape is { Dim.Count: > 0 } shape && shape.Dim[0].HasDimValue && shape.Dim[0].DimValue == 1)
            {
                shape.Dim[0] = new TensorShapeProto.Types.Dimension { DimParam = Symbol };
            }
        }

        g.ValueInfo.Clear();
        // Names are unique in a valid model; a broken one keeps its first (ONNX Runtime refuses it later, by name).
        var initializers = g.Initializer.DistinctBy(t => t.Name, StringComparer.Ordinal).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var constants = g.Node.Where(n => n.OpType == "Constant" && n.Output.Count == 1).DistinctBy(n => n.Output[0], StringComparer.Ordinal)
            .ToDictionary(n => n.Output[0], n => n.Attribute.FirstOrDefault(a => a.Name == "value")?.T, StringComparer.Ordinal);
        foreach (var reshape in g.Node.Where(n => n.OpType == "Reshape" && n.Input.Count == 2))
        {
            var target = initializers.GetValueOrDefault(reshape.Input[1]) ?? constants.GetValueOrDefault(reshape.Input[1]);
            if (target is null || target.DataType != (int)TensorProto.Types.DataType.Int64)
            {
                continue;
            }

            var dims = OnnxModel.Int64Data(target);
            if (dims is [1, ..])
            {
                dims[0] = 0;
                var replacement = OnnxModel.Int64Tensor(target.Name, [.. target.Dims], dims);
                target.RawData = replacement.RawData;
                target.Int64Data.Clear();
            }
        }

        return true;
    }

    private static ValueInfoProto? ImageInput(ModelProto model)
    {
        if (model.Graph is null)
        {
            return null; // an empty file parses as an empty model
        }

        var initializers = model.Graph.Initializer.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        return model.Graph.Input.FirstOrDefault(i => !initializers.Contains(i.Name));
    }
}
