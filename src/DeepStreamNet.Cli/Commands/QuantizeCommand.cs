using System.CommandLine;
using System.Globalization;
using DeepStreamNet.Cli.Progress;
using DeepStreamNet.Datasets.Evaluation;
using DeepStreamNet.InferImages;
using DeepStreamNet.Training.Quantization;

namespace DeepStreamNet.Cli.Commands;

/// <summary>
/// <c>dsnet quantize</c>: argument parsing and the before/after report; the work is <see cref="ModelQuantizer"/>, the
/// accuracy comparison <see cref="ImageInference"/> + <see cref="Evaluator"/> (what <c>dsnet infer-images</c> and
/// <c>dsnet evaluate</c> run). Exit 0, 2 for bad options or inputs.
/// </summary>
internal static class QuantizeCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "deepstream-app config (its [primary-gie] model is quantized) or the model's nvinfer config", Required = true };
        var calibration = new Option<DirectoryInfo>("--calibration") { Description = "Calibration images (recursive); never the split you evaluate on", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the QDQ model, its nvinfer configs, the TensorRT cache", Required = true };
        var method = new Option<string>("--method") { Description = "Activation ranges: minmax, percentile or entropy", DefaultValueFactory = _ => "percentile" };
        var percentile = new Option<double>("--percentile") { Description = "Percent of |x| kept by --method percentile", DefaultValueFactory = _ => 99.99 };
        var maxImages = new Option<int>("--max-images") { Description = "Calibrate on at most this many images (spread over the folder)", DefaultValueFactory = _ => 100 };
        var signed = new Option<bool>("--int8-activations") { Description = "int8 activations instead of uint8" };
        var weightBits = new Option<int>("--weight-bits") { Description = "Weight bits (7 avoids uint8×int8 overflow on x86 without VNNI; 8 on VNNI/ARM)", DefaultValueFactory = _ => 7 };
        var trt = new Option<int>("--trt-version") { Description = "TensorRT version in the cache header (8502 = TensorRT 8.5.2, DeepStream 6.3)", DefaultValueFactory = _ => TensorRtCalibrationCache.DefaultTensorRtVersion };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime intra-op threads (0 = its default)" };
        var speed = new Option<double>("--speed-seconds") { Description = "Seconds of bare ONNX Runtime runs for the speed comparison (0 skips it)", DefaultValueFactory = _ => 6 };
        var evalImages = new Option<DirectoryInfo?>("--eval-images") { Description = "Labelled images for the accuracy before/after (e.g. the dev split's images/)" };
        var evalGt = new Option<DirectoryInfo?>("--eval-gt") { Description = "Their annotations (folder or its parent)" };
        var gtFormat = new Option<string>("--gt-format") { Description = "kitti or voc", DefaultValueFactory = _ => "voc" };
        var symmetric = new Option<bool>("--symmetric-activations") { Description = "Symmetric int8 activations (zero point 0, as TensorRT) instead of asymmetric" };
        var exclude = new Option<string[]>("--exclude") { Description = "Keep these Conv nodes in float (node or output tensor names; repeat or separate with commas)", AllowMultipleArgumentsPerToken = true };
        var keepFloat = new Option<int>("--keep-float") { Description = "Also keep the N Convs in float whose quantization alone changes the outputs most on calibration images" };
        var sensitivityImages = new Option<int>("--sensitivity-images") { Description = "Calibration images the --keep-float sensitivity pass runs on", DefaultValueFactory = _ => 8 };
        var sessionConfig = new Option<string[]>("--session-config") { Description = "ONNX Runtime session config entry KEY=VALUE for the speed comparison (e.g. session.x64quantprecision=1); repeatable" };
        var profile = new Option<DirectoryInfo?>("--profile") { Description = "Also profile both models (ONNX Runtime kernel times by operator) into this folder and print the table" };
        var command = new Command("quantize", "Post-training static INT8 of an ONNX model: QDQ model + nvinfer config, TensorRT calibration cache, accuracy and speed before/after.");
        foreach (var o in new Option[] { config, calibration, output, method, percentile, maxImages, signed, weightBits, trt, threads, speed, evalImages, evalGt, gtFormat, symmetric, exclude, keepFloat, sensitivityImages, sessionConfig, profile })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            try
            {
                var configPath = parse.GetValue(config)!.FullName;
                var isApp = IsAppConfig(configPath);
                var inferConfig = isApp ? InferenceChain.FromAppConfig(configPath).PrimaryConfig : configPath;
                var options = new QuantizationOptions
                {
                    InferConfigPath = inferConfig,
                    CalibrationDirectory = parse.GetValue(calibration)!.FullName,
                    OutputDirectory = parse.GetValue(output)!.FullName,
                    Method = parse.GetValue(method)!.ToLowerInvariant() switch
                    {
                        "minmax" => CalibrationMethod.MinMax,
                        "percentile" => CalibrationMethod.Percentile,
                        "entropy" => CalibrationMethod.Entropy,
                        var m => throw new FormatException($"--method '{m}' is not minmax, percentile or entropy"),
                    },
                    Percentile = parse.GetValue(percentile),
                    MaxImages = parse.GetValue(maxImages),
                    SignedActivations = parse.GetValue(signed),
                    WeightBits = parse.GetValue(weightBits),
                    TensorRtVersion = parse.GetValue(trt),
                    Threads = parse.GetValue(threads),
                    SpeedSeconds = parse.GetValue(speed),
                    SymmetricActivations = parse.GetValue(symmetric),
                    Exclude = [.. (parse.GetValue(exclude) ?? []).SelectMany(e => e.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
                    KeepFloat = parse.GetValue(keepFloat),
                    SensitivityImages = parse.GetValue(sensitivityImages),
                    SessionConfig = ParseSessionConfig(parse.GetValue(sessionConfig) ?? []),
                };
                var result = CommandProgress.Run("quantize", "images", progress =>
                    ModelQuantizer.Run(options, new Progress<Training.TrainingProgress>(p => progress.Report((p.Stage, p.Done, p.Total)))));
                foreach (var s in result.Skipped)
                {
                    Console.Error.WriteLine($"skipped {s}");
                }

                var o = Console.Out;
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"calibrated {result.CalibratedTensors} tensors on {result.CalibrationImages} images ({options.Method}); quantized {result.QuantizedConvs} Conv nodes"));
                if (result.KeptFloat.Count > 0)
                {
                    o.WriteLine($"kept in float:          {string.Join(", ", result.KeptFloat)}");
                }

                foreach (var e in result.Sensitivity.Take(Math.Max(options.KeepFloat, 5)))
                {
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  sensitivity {e.Error,10:G4}  {e.Conv}"));
                }

                o.WriteLine($"QDQ model:              {result.QdqModelPath}");
                o.WriteLine($"its nvinfer config:     {result.QdqConfigPath}");
                o.WriteLine($"TensorRT cache:         {result.CalibrationCachePath}");
                o.WriteLine($"FP32 + cache config:    {result.CalibratedConfigPath}");
                if (result.Speed is { } sp)
                {
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"speed (bare ONNX Runtime, best of {sp.Rounds} alternating rounds): FP32 {sp.BaselineFramesPerSecond:F1} frames/s, INT8 {sp.CandidateFramesPerSecond:F1} frames/s, ratio {sp.Ratio:F2} (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})"));
                }

                if (parse.GetValue(profile) is { } profileDir)
                {
                    QuantizeProfileReport.Write(o, result, options, profileDir.FullName);
                }

                if (parse.GetValue(evalImages) is { } images)
                {
                    if (!isApp)
                    {
                        throw new FormatException("--eval-images needs --config to be a deepstream-app config (the chain infer-images runs)");
                    }

                    var gt = parse.GetValue(evalGt) ?? throw new FormatException("--eval-images needs --eval-gt");
                    var fp32 = Evaluate(configPath, null, images.FullName, gt.FullName, parse.GetValue(gtFormat)!, options.OutputDirectory, "fp32");
                    var int8 = Evaluate(configPath, result.QdqConfigPath, images.FullName, gt.FullName, parse.GetValue(gtFormat)!, options.OutputDirectory, "int8");
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"face AP@0.5 (detector at 0.05): FP32 {fp32.Face?.AveragePrecision:F3}, INT8 {int8.Face?.AveragePrecision:F3}, drop {fp32.Face?.AveragePrecision - int8.Face?.AveragePrecision:F3}"));
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"mask/no-mask accuracy (matched, score >= 0.5): FP32 {fp32.ClassificationAccuracy:F3}, INT8 {int8.ClassificationAccuracy:F3}"));
                }

                return 0;
            }
            catch (Exception e) when (e is FormatException or DirectoryNotFoundException or FileNotFoundException or InvalidDataException or InvalidOperationException or IOException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static Dictionary<string, string> ParseSessionConfig(IEnumerable<string> entries) =>
        entries.Select(e => e.Split('=', 2)).ToDictionary(
            kv => kv.Length == 2 && kv[0].Length > 0 ? kv[0] : throw new FormatException($"--session-config '{string.Join('=', kv)}' is not KEY=VALUE"),
            kv => kv[1], StringComparer.Ordinal);

    /// <summary>A deepstream-app config has an [application] or [primary-gie] group; an nvinfer config a [property] group.</summary>
    private static bool IsAppConfig(string path) =>
        File.ReadLines(path).Any(l => l.Trim() is "[primary-gie]" or "[application]");

    private static EvaluationResult Evaluate(string appConfig, string? primary, string images, string gt, string format, string outputDirectory, string tag)
    {
        var pred = Path.Combine(outputDirectory, "eval-" + tag);
        var summary = ImageInference.Run(new InferImagesOptions
        {
            AppConfigPath = appConfig,
            PrimaryConfigOverride = primary,
            ImagesDirectory = images,
            OutputDirectory = pred,
            ScoreThreshold = 0.05f,
            DetectorThreshold = 0.05f,
            Log = Console.Error,
        });
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tag}: {summary.Written}/{summary.Images} images inferred into {pred}"));
        return Evaluator.Evaluate(pred, gt, new EvaluationOptions
        {
            GroundTruthFormat = format.ToLowerInvariant() switch
            {
                "kitti" => GroundTruthFormat.Kitti,
                "voc" => GroundTruthFormat.Voc,
                var f => throw new FormatException($"--gt-format '{f}' is not kitti or voc"),
            },
        });
    }
}
