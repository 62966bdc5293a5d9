using System.Globalization;
using DeepStreamNet.Config;
using DeepStreamNet.Datasets.Imaging;
using DeepStreamNet.Onnx;
using DeepStreamNet.Onnx.Proto;

namespace DeepStreamNet.Training.Quantization;

/// <summary>
/// <c>dsnet quantize</c>: post-training static INT8 of the ONNX model of an nvinfer config. Calibrates on a folder of
/// images with the config's own preprocessing, then writes the QDQ model and its nvinfer config (portable runtime;
/// TensorRT explicit quantization), and a TensorRT calibration cache with an nvinfer config for the FP32 model
/// (DeepStream's implicit INT8), and compares bare ONNX Runtime speed.
/// </summary>
public static class ModelQuantizer
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg"];

    private static readonly HashSet<string> PreprocessingKeys = new(StringComparer.Ordinal)
    {
        "net-scale-factor", "offsets", "model-color-format", "infer-dims", "input-dims", "uff-input-dims",
    };

    /// <exception cref="InvalidDataException">The config or model cannot be quantized (the message says why).</exception>
    /// <exception cref="DirectoryNotFoundException">The calibration folder does not exist.</exception>
    public static QuantizationResult Run(QuantizationOptions options, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var report = new ValidationReport();
        var config = NvInferConfig.Load(options.InferConfigPath, report);
        // Only the preprocessing matters here: a parser or label problem is for the run, not for calibration.
        var problems = report.Errors.Where(e => e.Key is null || PreprocessingKeys.Contains(e.Key)).ToList();
        if (config is null || problems.Count > 0)
        {
            throw new InvalidDataException($"{options.InferConfigPath}: not a usable nvinfer config:\n{string.Join('\n', problems)}");
        }

        if (config.OnnxFile is not { } fp32 || !File.Exists(fp32))
        {
            throw new InvalidDataException($"{options.InferConfigPath}: [property] onnx-file names no existing ONNX model ({config.OnnxFile ?? "not set"}); dsnet quantize works on ONNX models");
        }

        var input = NetworkInput.FromConfig(config);
        var images = PickImages(options.CalibrationDirectory, options.MaxImages);
        var name = options.Name ?? Path.GetFileNameWithoutExtension(fp32);
        Directory.CreateDirectory(options.OutputDirectory);

        Dictionary<string, ActivationStatistics> stats;
        IReadOnlyList<string> skipped;
        using (var calibrator = new Calibrator(fp32, input, options.Threads))
        {
            skipped = calibrator.Run(images, options.Method != CalibrationMethod.MinMax, progress);
            stats = calibrator.Statistics;
        }

        if (skipped.Count == images.Count)
        {
            throw new InvalidDataException($"{options.CalibrationDirectory}: none of the {images.Count} images could be read");
        }

        var model = OnnxModel.Load(fp32);
        var heads = HeadTensors(model.Graph);
        var ranges = stats.Where(s => s.Value.Seen).ToDictionary(
            s => s.Key,
            s => heads.Contains(s.Key) ? (s.Value.Min, s.Value.Max) : RangeSelection.Choose(s.Value, options.Method, options.Percentile),
            StringComparer.Ordinal);

        var keep = KeptFloat(fp32, model, ranges, options, input, images, skipped, progress, out var sensitivity);
        var convs = QdqGraphBuilder.Quantize(model, ranges, options.SignedActivations, options.WeightBits,
            c => !keep.Contains(QdqGraphBuilder.ConvId(c)), options.SymmetricActivations);
        if (convs == 0)
        {
            throw new InvalidDataException($"{fp32}: no Conv node with float weights was found to quantize ({OnnxModel.Describe(model)})");
        }

        model.MetadataProps.Add(new StringStringEntryProto
        {
            Key = "dsnet.quantization",
            Value = string.Create(CultureInfo.InvariantCulture,
                $"QDQ static INT8: {convs} Conv ({keep.Count} kept float), activations {(options.SymmetricActivations ? "int8 symmetric" : options.SignedActivations ? "int8" : "uint8")}, weights int{options.WeightBits} per channel, {options.Method}{(options.Method == CalibrationMethod.Percentile ? $" {options.Percentile}" : string.Empty)}, {images.Count - skipped.Count} calibration images"),
        });
        var qdqPath = Path.Combine(options.OutputDirectory, name + ".int8.onnx");
        OnnxModel.Save(model, qdqPath);

        var cachePath = Path.Combine(options.OutputDirectory, name + ".int8-calib.cache");
        var scales = ranges.ToDictionary(r => r.Key, r => TensorRtCalibrationCache.ScaleFor(Math.Max(Math.Abs(r.Value.Min), Math.Abs(r.Value.Max))), StringComparer.Ordinal);
        File.WriteAllText(cachePath, TensorRtCalibrationCache.Format(scales, options.TensorRtVersion));

        var stem = Path.GetFileNameWithoutExtension(options.InferConfigPath);
        var qdqConfig = Path.Combine(options.OutputDirectory, stem + "_int8.txt");
        NvInferConfigCopy.Write(options.InferConfigPath, qdqConfig, new Dictionary<string, string?>
        {
            ["onnx-file"] = Path.GetFileName(qdqPath),
            ["network-mode"] = "1",
            ["int8-calib-file"] = null,
            ["model-engine-file"] = null,
        }, $"INT8 (QDQ) copy of {Path.GetFileName(options.InferConfigPath)}, written by dsnet quantize: the model carries its own scales.");
        var calibratedConfig = Path.Combine(options.OutputDirectory, stem + "_int8_calib.txt");
        NvInferConfigCopy.Write(options.InferConfigPath, calibratedConfig, new Dictionary<string, string?>
        {
            ["onnx-file"] = Path.GetRelativePath(options.OutputDirectory, fp32),
            ["network-mode"] = "1",
            ["int8-calib-file"] = Path.GetFileName(cachePath),
            ["model-engine-file"] = null,
        }, $"INT8 copy of {Path.GetFileName(options.InferConfigPath)} for DeepStream (TensorRT implicit INT8), written by dsnet quantize:\nthe FP32 model with the TensorRT calibration cache.");

        InferenceSpeed.Comparison? speed = null;
        if (options.SpeedSeconds > 0)
        {
            var tensor = new float[input.Size];
            using (var image = ImageIo.LoadOpaque(images.First(i => !skipped.Any(s => s.StartsWith(i + ":", StringComparison.Ordinal)))))
            {
                input.Render(image, tensor);
            }

            speed = InferenceSpeed.Compare(fp32, qdqPath, input, tensor, options.Threads, options.SpeedSeconds, options.SessionConfig);
        }

        return new QuantizationResult
        {
            Fp32ModelPath = Path.GetFullPath(fp32),
            QdqModelPath = Path.GetFullPath(qdqPath),
            QdqConfigPath = Path.GetFullPath(qdqConfig),
            CalibrationCachePath = Path.GetFullPath(cachePath),
            CalibratedConfigPath = Path.GetFullPath(calibratedConfig),
            QuantizedConvs = convs,
            CalibrationImages = images.Count - skipped.Count,
            CalibratedTensors = ranges.Count,
            Skipped = skipped,
            Speed = speed,
            KeptFloat = [.. keep.Order(StringComparer.Ordinal)],
            Sensitivity = sensitivity,
        };
    }

    /// <summary>
    /// The Convs to keep in float: <see cref="QuantizationOptions.Exclude"/> (each must name a Conv) and, with
    /// <see cref="QuantizationOptions.KeepFloat"/>, the most sensitive ones measured on calibration images (the ranking
    /// is also written next to the model as NAME.sensitivity.tsv).
    /// </summary>
    private static HashSet<string> KeptFloat(string fp32, ModelProto model, Dictionary<string, (float Min, float Max)> ranges, QuantizationOptions options,
        NetworkInput input, IReadOnlyList<string> images, IReadOnlyList<string> skipped, IProgress<TrainingProgress>? progress,
        out IReadOnlyList<LayerSensitivity.Entry> sensitivity)
    {
        var byOutput = model.Graph.Node.Where(n => n.OpType == "Conv").ToDictionary(n => n.Output[0], QdqGraphBuilder.ConvId, StringComparer.Ordinal);
        var ids = QdqGraphBuilder.ConvIds(model.Graph).ToHashSet(StringComparer.Ordinal);
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in options.Exclude)
        {
            keep.Add(ids.Contains(name) ? name : byOutput.TryGetValue(name, out var id) ? id
                : throw new InvalidDataException($"--exclude '{name}' names no Conv node of {fp32} (its Convs: {string.Join(", ", ids.Take(12))}{(ids.Count > 12 ? ", …" : string.Empty)})"));
        }

        sensitivity = [];
        if (options.KeepFloat > 0)
        {
            var usable = images.Where(i => !skipped.Any(s => s.StartsWith(i + ":", StringComparison.Ordinal))).ToList();
            var count = Math.Clamp(options.SensitivityImages, 1, usable.Count);
            var tensors = Enumerable.Range(0, count).Select(i =>
            {
                var tensor = new float[input.Size];
                using var image = ImageIo.LoadOpaque(usable[(int)((long)i * usable.Count / count)]);
                input.Render(image, tensor);
                return tensor;
            }).ToList();
            sensitivity = LayerSensitivity.Measure(fp32, ranges, options, input, tensors, progress);
            File.WriteAllLines(Path.Combine(options.OutputDirectory, (options.Name ?? Path.GetFileNameWithoutExtension(fp32)) + ".sensitivity.tsv"),
                ["conv\trelative_output_error", .. sensitivity.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Conv}\t{e.Error:G4}"))]);
            keep.UnionWith(sensitivity.Where(e => !keep.Contains(e.Conv)).Take(options.KeepFloat).Select(e => e.Conv));
        }

        return keep;
    }

    /// <summary>
    /// Outputs of the last layers (tensors from which no further Conv is reached): their extremes are the confident
    /// scores and far boxes, exactly what clipping would lose, so they keep their min/max range whatever the method.
    /// </summary>
    private static HashSet<string> HeadTensors(GraphProto g)
    {
        var consumers = g.Node.SelectMany(n => n.Input.Select(i => (i, n))).ToLookup(p => p.i, p => p.n, StringComparer.Ordinal);
        var reachesConv = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool Reaches(string tensor)
        {
            if (reachesConv.TryGetValue(tensor, out var known))
            {
                return known;
            }

            reachesConv[tensor] = false; // guards against cycles in a malformed graph
            var result = consumers[tensor].Any(n => n.OpType == "Conv" || n.Output.Any(Reaches));
            reachesConv[tensor] = result;
            return result;
        }

        return g.Node.SelectMany(n => n.Output).Where(o => !Reaches(o)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Up to <paramref name="max"/> images spread evenly over the sorted folder (recursive).</summary>
    public static IReadOnlyList<string> PickImages(string directory, int max)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"calibration image folder not found: {directory}");
        }

        var all = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (all.Count == 0)
        {
            throw new InvalidDataException($"{directory}: no png/jpg/jpeg images to calibrate on");
        }

        if (max <= 0 || all.Count <= max)
        {
            return all;
        }

        return [.. Enumerable.Range(0, max).Select(i => all[(int)((long)i * all.Count / max)])];
    }
}
