using System.Globalization;
using System.Security.Cryptography;
using DeepStreamNet.Assets;
using DeepStreamNet.Config;
using DeepStreamNet.Pipeline;

namespace DeepStreamNet.Onnx;

/// <summary>
/// On the portable runtime, a primary detector exported with a fixed batch of 1 would run once per frame even when the
/// muxer batches many streams. When the effective batch size is larger, this writes (once, into the user's cache,
/// keyed by the model's bytes) a copy of the model with a symbolic batch axis (<see cref="BatchAxis"/>) and a copy of its
/// nvinfer config that names it, so dsnetinfer serves the whole muxer batch with one ONNX Runtime call.
/// </summary>
public static class BatchedModel
{
    /// <summary>
    /// The nvinfer config dsnetinfer should load for <paramref name="batchSize"/>: a derived one when the model needed the
    /// edit, else null (keep the original). A model the edit cannot handle also gives null (it runs per frame as before).
    /// Writes the copy now (see <see cref="Plan"/> for the side-effect-free form the graph builder uses).
    /// </summary>
    public static string? Prepare(NvInferConfig infer, int batchSize, string? cacheRoot = null)
    {
        var derived = Plan(infer, batchSize, cacheRoot);
        derived?.Write();
        return derived?.Path;
    }

    /// <summary>
    /// Where the derived nvinfer config for <paramref name="batchSize"/> goes and how to write it (with the model copy it
    /// names), or null when the original serves. Reads the model; writes nothing.
    /// </summary>
    public static DerivedFile? Plan(NvInferConfig infer, int batchSize, string? cacheRoot = null)
    {
        ArgumentNullException.ThrowIfNull(infer);
        if (batchSize <= 1 || infer.OnnxFile is not { } onnx || !File.Exists(onnx))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(onnx);
        Proto.ModelProto model;
        try
        {
            model = Proto.ModelProto.Parser.ParseFrom(bytes);
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            return null; // not ONNX: dsnetinfer reports it with the file's name
        }

        if (!BatchAxis.MakeDynamic(model))
        {
            return null;
        }

        var key = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
        var dir = Path.Combine(cacheRoot ?? UserFolders.CacheRoot, "batched-models", key);
        var modelPath = Path.Combine(dir, Path.GetFileNameWithoutExtension(onnx) + ".dynamic-batch.onnx");
        var configPath = Path.Combine(dir, string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileNameWithoutExtension(infer.Path)}.{Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(infer.Path))))[..8]}.batch{batchSize}.txt"));
        return new DerivedFile(configPath, $"{Path.GetFileName(infer.Path)} for batch {batchSize}, naming {Path.GetFileName(modelPath)}", () =>
        {
            if (!File.Exists(modelPath))
            {
                Directory.CreateDirectory(dir);
                OnnxModel.Save(model, modelPath);
            }

            NvInferConfigCopy.Write(infer.Path, configPath, new Dictionary<string, string?>
            {
                ["onnx-file"] = modelPath,
                ["batch-size"] = batchSize.ToString(CultureInfo.InvariantCulture),
            }, $"{Path.GetFileName(infer.Path)} with its model's batch axis made dynamic (written by DeepStreamNet; safe to delete)");
        });
    }
}
