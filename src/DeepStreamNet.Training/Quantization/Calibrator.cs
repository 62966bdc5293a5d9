using DeepStreamNet.Datasets.Imaging;
using DeepStreamNet.Onnx;
using DeepStreamNet.Onnx.Proto;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace DeepStreamNet.Training.Quantization;

/// <summary>
/// Runs the FP32 model over calibration images with every intermediate tensor made a graph output and records what
/// each float tensor holds: a first pass for min/max, a second (percentile and entropy only) for the |x| histograms.
/// </summary>
public sealed class Calibrator : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly NetworkInput _input;

    public Calibrator(string modelPath, NetworkInput input, int threads)
    {
        ArgumentNullException.ThrowIfNull(input);
        var model = OnnxModel.Load(modelPath);
        var g = model.Graph;
        var initializers = g.Initializer.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        _inputName = g.Input.Select(i => i.Name).First(n => !initializers.Contains(n));
        var outputs = g.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var n in g.Node.Where(n => n.OpType != "Constant"))
        {
            foreach (var o in n.Output.Where(o => o.Length > 0 && outputs.Add(o)))
            {
                // Name only: ONNX Runtime infers the type; non-float tensors (shapes, indices) are skipped when read.
                g.Output.Add(new ValueInfoProto { Name = o });
            }
        }

        _input = input;
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL };
        if (threads > 0)
        {
            options.IntraOpNumThreads = threads;
        }

        _session = new InferenceSession(model.ToByteArray(), options);
    }

    /// <summary>Statistics per tensor name (the graph input included), after <see cref="Run"/>.</summary>
    public Dictionary<string, ActivationStatistics> Statistics { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Calibrates over <paramref name="images"/>; <paramref name="histograms"/> adds the second pass. Unreadable images
    /// are skipped and returned.
    /// </summary>
    public IReadOnlyList<string> Run(IReadOnlyList<string> images, bool histograms, IProgress<TrainingProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(images);
        var skipped = new List<string>();
        Pass(images, "calibration: ranges", (name, values) => Stat(name).ObserveRange(values), skipped, progress);
        if (histograms)
        {
            foreach (var s in Statistics.Values)
            {
                s.StartHistogram();
            }

            Pass(images, "calibration: histograms", (name, values) => Statistics[name].ObserveHistogram(values), [], progress);
        }

        return skipped;
    }

    private ActivationStatistics Stat(string name)
    {
        if (!Statistics.TryGetValue(name, out var s))
        {
            s = new ActivationStatistics();
            Statistics[name] = s;
        }

        return s;
    }

    private void Pass(IReadOnlyList<string> images, string stage, Action<string, ReadOnlySpan<float>> observe, List<string> skipped, IProgress<TrainingProgress>? progress)
    {
        var tensor = new float[_input.Size];
        long[] shape = [1, _input.Channels, _input.Height, _input.Width];
        var outputNames = _session.OutputNames;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        for (var i = 0; i < images.Count; i++)
        {
            try
            {
                using var image = ImageIo.LoadOpaque(images[i]);
                _input.Render(image, tensor);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                skipped.Add($"{images[i]}: {e.Message}");
                continue;
            }

            observe(_inputName, tensor);
            using var inputValue = OrtValue.CreateTensorValueFromMemory(tensor, shape);
            using var runOptions = new RunOptions();
            using var results = _session.Run(runOptions, [_inputName], [inputValue], outputNames);
            for (var k = 0; k < outputNames.Count; k++)
            {
                var v = results[k];
                if (v.IsTensor && v.GetTensorTypeAndShape().ElementDataType == TensorElementType.Float)
                {
                    observe(outputNames[k], v.GetTensorDataAsSpan<float>());
                }
            }

            progress?.Report(TrainingProgress.Of(stage, i + 1, images.Count, started));
        }
    }

    public void Dispose() => _session.Dispose();
}
