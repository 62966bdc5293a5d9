using System.Globalization;
using System.Text;

namespace DeepStreamNet.Training.Quantization;

/// <summary>
/// TensorRT's INT8 calibration cache (nvinfer's <c>int8-calib-file</c>), the text file TensorRT's calibrators write and
/// read back: a header <c>TRT-&lt;version&gt;-EntropyCalibration2</c>, then one <c>tensor_name: hex</c> line per tensor,
/// the hex being the bits of the float32 scale (= the tensor's |x| range / 127, symmetric int8). Tensor names are the ONNX
/// model's, which TensorRT's ONNX parser keeps. The version must match the TensorRT that reads it (JetPack 5.1.x /
/// DeepStream 6.3: TensorRT 8.5.2 → 8502), or TensorRT ignores the cache and calibrates again.
/// </summary>
public static class TensorRtCalibrationCache
{
    /// <summary>TensorRT 8.5.2, DeepStream 6.3's.</summary>
    public const int DefaultTensorRtVersion = 8502;

    public const string Algorithm = "EntropyCalibration2";

    /// <summary>The cache text for per-tensor scales (sorted by name, so the same scales give the same file).</summary>
    public static string Format(IReadOnlyDictionary<string, float> scales, int tensorRtVersion = DefaultTensorRtVersion)
    {
        ArgumentNullException.ThrowIfNull(scales);
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"TRT-{tensorRtVersion}-{Algorithm}\n");
        foreach (var (name, scale) in scales.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (name.Contains('\n', StringComparison.Ordinal) || name.Contains(": ", StringComparison.Ordinal))
            {
                throw new ArgumentException($"tensor name '{name}' cannot be written to a TensorRT calibration cache", nameof(scales));
            }

            b.Append(name).Append(": ").Append(BitConverter.SingleToUInt32Bits(scale).ToString("x8", CultureInfo.InvariantCulture)).Append('\n');
        }

        return b.ToString();
    }

    /// <summary>The scale of an activation with symmetric range ±<paramref name="absMax"/> (0 stays 0: TensorRT's own value for an all-zero tensor).</summary>
    public static float ScaleFor(float absMax) => absMax > 0 ? absMax / 127f : 0f;

    /// <summary>Reads a cache back: TensorRT version, algorithm and the scales.</summary>
    /// <exception cref="InvalidDataException">The text is not a TensorRT calibration cache (the message names the line).</exception>
    public static (int Version, string Algorithm, Dictionary<string, float> Scales) Parse(string text, string origin = "calibration cache")
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        var header = lines[0].TrimEnd('\r').Split('-', 3);
        if (header.Length != 3 || header[0] != "TRT" || !int.TryParse(header[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidDataException($"{origin}:1: expected 'TRT-<version>-<algorithm>', found '{lines[0]}'");
        }

        var scales = new Dictionary<string, float>(StringComparer.Ordinal);
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var colon = line.LastIndexOf(": ", StringComparison.Ordinal);
            if (colon <= 0 || !uint.TryParse(line.AsSpan(colon + 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var bits))
            {
                throw new InvalidDataException($"{origin}:{i + 1}: expected 'tensor_name: <hex float32>', found '{line}'");
            }

            scales[line[..colon]] = BitConverter.UInt32BitsToSingle(bits);
        }

        return (version, header[2], scales);
    }
}
