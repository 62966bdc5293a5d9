using DeepStreamNet.Onnx;

namespace DeepStreamNet.Training.Calibration;

/// <summary>
/// Bakes a <see cref="BoxCalibration"/> into a detector whose graph outputs corner boxes (x1, y1, x2, y2 in the last
/// axis, e.g. UltraFace's <c>boxes</c> [1, N, 4], normalised): the output is renamed and a MatMul with the 4×4
/// calibration matrix produces the output under its old name, so configs and parsers need no change.
/// </summary>
public static class BoxCalibrationGraph
{
    /// <exception cref="InvalidDataException">The model has no such output, or its last axis is not 4.</exception>
    public static void Write(string modelPath, string outputName, BoxCalibration calibration, string path)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        var model = OnnxModel.Load(modelPath);
        var g = model.Graph;
        var output = g.Output.FirstOrDefault(o => o.Name == outputName)
            ?? throw new InvalidDataException($"{modelPath}: no output '{outputName}' (outputs: {string.Join(", ", g.Output.Select(o => o.Name))})");
        var dims = OnnxModel.Dims(output);
        if (dims.Length == 0 || dims[^1] != 4)
        {
            throw new InvalidDataException($"{modelPath}: output '{outputName}' must end in an axis of 4 corner coordinates; found {OnnxModel.Describe(model)}");
        }

        var raw = outputName + "_uncalibrated";
        foreach (var node in g.Node)
        {
            for (var i = 0; i < node.Output.Count; i++)
            {
                if (node.Output[i] == outputName)
                {
                    node.Output[i] = raw;
                }
            }

            for (var i = 0; i < node.Input.Count; i++)
            {
                if (node.Input[i] == outputName)
                {
                    node.Input[i] = raw;
                }
            }
        }

        g.Initializer.Add(OnnxModel.FloatTensor("dsnet_box_calibration", [4, 4], calibration.Matrix()));
        g.Node.Add(OnnxModel.Node("MatMul", "dsnet_box_calibration_matmul", [raw, "dsnet_box_calibration"], [outputName]));
        model.MetadataProps.Add(new DeepStreamNet.Onnx.Proto.StringStringEntryProto { Key = "dsnet.box_calibration", Value = calibration.ToJson() });
        OnnxModel.Save(model, path);
    }
}
