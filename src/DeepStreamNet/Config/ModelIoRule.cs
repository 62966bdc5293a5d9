namespace DeepStreamNet.Config;

/// <summary>
/// nvinfer config against its ONNX model (<c>onnx-file</c>): the image input's C;H;W against <c>infer-dims</c> and
/// <c>model-color-format</c>, <c>output-blob-names</c> against the model's outputs, and the outputs the built-in
/// DetectNet_v2 parser needs. Both backends read the same model, so the findings hold for both.
/// </summary>
internal static class ModelIoRule
{
    public static void Check(GroupReader r, NvInferConfig c)
    {
        if (c.OnnxFile is not { } onnx || !FileLimits.IsReadableFile(onnx))
        {
            return; // a missing file, a FIFO or a device is reported by the file checks
        }

        OnnxModelInfo model;
        try
        {
            model = OnnxModelInfo.Read(onnx);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            r.Error("onnx-file", $"{onnx}: cannot read the model: {e.Message}");
            return;
        }

        CheckInput(r, c, model, onnx);
        CheckOutputs(r, c, model, onnx);
    }

    private static void CheckInput(GroupReader r, NvInferConfig c, OnnxModelInfo model, string onnx)
    {
        if (model.Inputs.Count == 0)
        {
            r.Error("onnx-file", $"{onnx} has no graph input");
            return;
        }

        var input = model.Inputs[0];
        if (input.Dims.Count != 4)
        {
            if (!r.Has("input-tensor-from-meta"))
            {
                r.Error("onnx-file", $"model input '{input.Name}' has {input.Dims.Count} dimension(s); an image input [N,C,H,W] (or [N,H,W,C] with network-input-order=1) is needed");
            }

            return;
        }

        var nhwc = r.Value(NvInferKeys.NetworkInputOrder) == 1;
        long[] chw = nhwc ? [input.Dims[3], input.Dims[1], input.Dims[2]] : [input.Dims[1], input.Dims[2], input.Dims[3]];
        var shape = string.Join(';', chw.Select(d => d < 0 ? "?" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (c.InferDims is { Count: 3 } dims && r.Has("infer-dims"))
        {
            for (var i = 0; i < 3; i++)
            {
                if (chw[i] > 0 && chw[i] != dims[i])
                {
                    r.Error("infer-dims", $"{dims[0]};{dims[1]};{dims[2]} does not match the model input '{input.Name}' (C;H;W = {shape})", $"use infer-dims={shape.Replace("?", "<size>", StringComparison.Ordinal)}");
                    return;
                }
            }
        }
        else if (c.InferDims is null && chw.Any(d => d <= 0))
        {
            r.Error(null, $"the model input '{input.Name}' has dynamic dimensions (C;H;W = {shape}): the network size is unknown", "set infer-dims=C;H;W");
            return;
        }

        var channels = c.InferDims is { Count: 3 } d ? d[0] : chw[0];
        var wanted = c.ModelColorFormat == 2 ? 1 : 3;
        if (channels != wanted)
        {
            r.Error(r.Has("model-color-format") ? "model-color-format" : null, $"model-color-format={c.ModelColorFormat} needs {wanted} channel(s) but the model input '{input.Name}' has {channels}", wanted == 3 ? "model-color-format=2 (GRAY) for a 1-channel model" : "model-color-format=0 (RGB) or 1 (BGR) for a 3-channel model");
        }
    }

    private static void CheckOutputs(GroupReader r, NvInferConfig c, OnnxModelInfo model, string onnx)
    {
        var names = model.Outputs.Select(o => o.Name).ToList();
        var list = string.Join(", ", names.Select(n => $"'{n}'"));
        foreach (var blob in c.OutputBlobNames.Where(b => !names.Contains(b, StringComparer.Ordinal)))
        {
            r.Warning("output-blob-names", $"'{blob}' is not an output of {Path.GetFileName(onnx)} (outputs: {list})", "nvinfer only uses output-blob-names to mark outputs of Caffe/UFF models; fix or remove the name");
        }

        var builtInDetectNet = c.NetworkType == 0 && (r.Value(NvInferKeys.ParseBboxFuncName) is null or "NvDsInferParseDetectNetV2");
        if (builtInDetectNet)
        {
            var lower = names.Select(n => n.ToLowerInvariant()).ToList();
            if (!lower.Any(n => n.Contains("cov", StringComparison.Ordinal)) || !lower.Any(n => n.Contains("bbox", StringComparison.Ordinal)))
            {
                r.Error(r.Has("parse-bbox-func-name") ? "parse-bbox-func-name" : "onnx-file", $"the built-in DetectNet_v2 parser needs outputs whose names contain 'cov' and 'bbox'; {Path.GetFileName(onnx)} has {list}",
                    $"set custom-lib-path and parse-bbox-func-name to a parser for this model (DeepStreamNet's are in {CustomParserRule.ProjectLibrary})");
            }
        }
    }
}
