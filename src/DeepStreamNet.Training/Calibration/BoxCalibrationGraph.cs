using DeepStreamNet.Onnx;
using DeepStreamNet.Training.Onnx;

namespace DeepStreamNet.Training.Calibration;

/// <summary>
/// Bakes a <see cref="BoxCalibration"/> into a detector's ONNX graph so that configs and parsers need no change: each
/// box output is renamed and new nodes produce the corrected tensor under its old name. Corner outputs (UltraFace's
/// <c>boxes</c> [1, N, 4]) get one MatMul by the 4×4 calibration matrix. Centre/log-size outputs (YuNet, RetinaFace;
/// see <see cref="BoxEncoding"/>) get the same correction in their own units: moving the centre by k·w and scaling
/// the size by (1 + c − a) is <c>dx' = dx + k/α·exp(β·dw)</c>, <c>dw' = dw + ln(1 + c − a)/β</c>, built from
/// MatMul (picks β·dw, β·dh), Exp, Mul and Add; the other columns (scores, landmarks) pass unchanged.
/// </summary>
public static class BoxCalibrationGraph
{
    /// <summary>Corner-box output <paramref name="outputName"/>.</summary>
    public static void Write(string modelPath, string outputName, BoxCalibration calibration, string path) =>
        Write(modelPath, BoxEncoding.Corners(outputName), calibration, path);

    /// <summary><paramref name="inputSize"/>: also fix the image input at that width × height (<see cref="InputSizeGraph"/>).</summary>
    /// <exception cref="InvalidDataException">The model lacks an output of the encoding, or its last axis is too short;
    /// or it cannot run at <paramref name="inputSize"/>.</exception>
    public static void Write(string modelPath, BoxEncoding encoding, BoxCalibration calibration, string path, (int Width, int Height)? inputSize = null)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(encoding);
        var model = OnnxModel.Load(modelPath);
        var g = model.Graph;
        foreach (var outputName in encoding.Outputs)
        {
            var output = g.Output.FirstOrDefault(o => o.Name == outputName)
                ?? throw new InvalidDataException($"{modelPath}: no output '{outputName}' for box encoding {encoding.Name} (outputs: {string.Join(", ", g.Output.Select(o => o.Name))})");
            var dims = OnnxModel.Dims(output);
            if (dims.Length == 0 || dims[^1] is not { } k || (encoding.IsCorners ? k != 4 : k < 4))
            {
                throw new InvalidDataException($"{modelPath}: output '{outputName}' must end in an axis of {(encoding.IsCorners ? "4 corner coordinates" : "at least 4 box values")}; found {OnnxModel.Describe(model)}");
            }

            var raw = outputName + "_uncalibrated";
            Rename(g, outputName, raw);
            var prefix = "dsnet_box_calibration_" + outputName;
            if (encoding.IsCorners)
            {
                g.Initializer.Add(OnnxModel.FloatTensor(prefix, [4, 4], calibration.Matrix()));
                g.Node.Add(OnnxModel.Node("MatMul", prefix + "_matmul", [raw, prefix], [outputName]));
            }
            else
            {
                AddCentreLogNodes(g, raw, outputName, (int)k, encoding, calibration, prefix);
            }
        }

        model.MetadataProps.Add(new DeepStreamNet.Onnx.Proto.StringStringEntryProto { Key = "dsnet.box_calibration", Value = calibration.ToJson() });
        if (inputSize is { } size)
        {
            InputSizeGraph.Apply(model, size.Width, size.Height, modelPath);
        }

        OnnxModel.Save(model, path);
    }

    private static void AddCentreLogNodes(DeepStreamNet.Onnx.Proto.GraphProto g, string raw, string outputName, int k, BoxEncoding e, BoxCalibration c, string prefix)
    {
        var pick = new float[k * k]; // [.., k]·pick = [β·dw, β·dh, 0, …]
        pick[(2 * k) + 0] = (float)e.SizeScale;
        pick[(3 * k) + 1] = (float)e.SizeScale;
        var gain = new float[k];
        gain[0] = (float)((c.Left + c.Right) / (2 * e.OffsetScale));
        gain[1] = (float)((c.Top + c.Bottom) / (2 * e.OffsetScale));
        var shift = new float[k];
        shift[2] = (float)(Math.Log(1 + c.Right - c.Left) / e.SizeScale);
        shift[3] = (float)(Math.Log(1 + c.Bottom - c.Top) / e.SizeScale);
        g.Initializer.Add(OnnxModel.FloatTensor(prefix + "_pick", [k, k], pick));
        g.Initializer.Add(OnnxModel.FloatTensor(prefix + "_gain", [k], gain));
        g.Initializer.Add(OnnxModel.FloatTensor(prefix + "_shift", [k], shift));
        g.Node.Add(OnnxModel.Node("MatMul", prefix + "_matmul", [raw, prefix + "_pick"], [prefix + "_logsize"]));
        g.Node.Add(OnnxModel.Node("Exp", prefix + "_exp", [prefix + "_logsize"], [prefix + "_size"]));
        g.Node.Add(OnnxModel.Node("Mul", prefix + "_mul", [prefix + "_size", prefix + "_gain"], [prefix + "_move"]));
        g.Node.Add(OnnxModel.Node("Add", prefix + "_add_shift", [prefix + "_move", prefix + "_shift"], [prefix + "_delta"]));
        g.Node.Add(OnnxModel.Node("Add", prefix + "_add", [raw, prefix + "_delta"], [outputName]));
    }

    private static void Rename(DeepStreamNet.Onnx.Proto.GraphProto g, string from, string to)
    {
        foreach (var node in g.Node)
        {
            for (var i = 0; i < node.Output.Count; i++)
            {
                if (node.Output[i] == from)
                {
                    node.Output[i] = to;
                }
            }

            for (var i = 0; i < node.Input.Count; i++)
            {
                if (node.Input[i] == from)
                {
                    node.Input[i] = to;
                }
            }
        }
    }
}
