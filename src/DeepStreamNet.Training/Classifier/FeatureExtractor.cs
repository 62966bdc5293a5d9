using DeepStreamNet.Datasets.Imaging;
using DeepStreamNet.Training.Onnx;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace DeepStreamNet.Training.Classifier;

/// <summary>
/// Runs the frozen backbone (<see cref="ClassifierGraph.BuildFeatureModel"/>) with ONNX Runtime over face crops:
/// each image is decoded once, its faces are cropped (with margin and, when asked, augmentation) and run in batches.
/// </summary>
public sealed class FeatureExtractor : IDisposable
{
    private const int BatchSize = 16;
    private readonly InferenceSession _session;

    public FeatureExtractor(string modelsDirectory, int inputSize, int threads)
    {
        InputSize = inputSize;
        using var options = new SessionOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
        options.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL;
        if (threads > 0)
        {
            options.IntraOpNumThreads = threads;
        }

        _session = new InferenceSession(ClassifierGraph.BuildFeatureModel(modelsDirectory, inputSize), options);
    }

    public int InputSize { get; }

    public static int Dimension => 512;

    /// <summary>
    /// Features of every face (row-major, <see cref="Dimension"/> per face, in <paramref name="faces"/> order).
    /// Faces whose image cannot be decoded get no row: their indexes are returned in <c>Skipped</c>.
    /// </summary>
    public (float[] Features, List<int> Skipped) Extract(IReadOnlyList<FaceSample> faces, double margin, CropAugmentation augmentation, Random random, List<string> problems, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(faces);
        ArgumentNullException.ThrowIfNull(problems);
        var size = InputSize;
        var perImage = 3 * size * size;
        var rows = new float[faces.Count * Dimension];
        var skipped = new List<int>();
        var pending = new List<int>(BatchSize);
        var input = new DenseTensor<float>([BatchSize, 3, size, size]);
        var done = 0;

        void Flush()
        {
            if (pending.Count == 0)
            {
                return;
            }

            var batch = pending.Count == BatchSize ? input : new DenseTensor<float>(input.Buffer[..(pending.Count * perImage)], [pending.Count, 3, size, size]);
            using var results = _session.Run([NamedOnnxValue.CreateFromTensor(ClassifierGraph.InputName, batch)]);
            var output = results[0].AsTensor<float>().ToArray();
            for (var b = 0; b < pending.Count; b++)
            {
                output.AsSpan(b * Dimension, Dimension).CopyTo(rows.AsSpan(pending[b] * Dimension, Dimension));
            }

            done += pending.Count;
            progress?.Invoke(done);
            pending.Clear();
        }

        // Faces of one image are consecutive in reading order; decode each image once.
        var i = 0;
        while (i < faces.Count)
        {
            var path = faces[i].ImagePath;
            var end = i;
            while (end < faces.Count && faces[end].ImagePath == path)
            {
                end++;
            }

            SkiaSharp.SKBitmap? image = null;
            try
            {
                image = ImageIo.LoadOpaque(path);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                problems.Add($"{path}: {e.Message}");
            }

            using (image)
            {
                for (var f = i; f < end; f++)
                {
                    if (image is null)
                    {
                        skipped.Add(f);
                        continue;
                    }

                    var box = CropRenderer.WithMargin(faces[f].Box, margin, image.Width, image.Height);
                    CropRenderer.Render(image, box, size, augmentation, random, input.Buffer.Span.Slice(pending.Count * perImage, perImage));
                    pending.Add(f);
                    if (pending.Count == BatchSize)
                    {
                        Flush();
                    }
                }
            }

            i = end;
        }

        Flush();
        return (rows, skipped);
    }

    public void Dispose() => _session.Dispose();
}
