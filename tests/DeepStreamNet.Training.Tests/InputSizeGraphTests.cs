using DeepStreamNet.Datasets.Imaging;
using DeepStreamNet.Training.Onnx;
using DeepStreamNet.Training.Quantization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NUnit.Framework;

namespace DeepStreamNet.Training.Tests;

/// <summary>
/// The input-size edit on YuNet-n (Apache-2.0; trained on WIDER FACE, non-commercial annotations): at 640×384 the model
/// finds on a real 16:9 image the faces the exported 640×640 model finds on the same pixels padded to a square.
/// </summary>
[TestFixture]
public sealed class InputSizeGraphTests
{
    private string _dir = null!;

    [SetUp]
    public void MakeTemp()
    {
        _dir = Path.Combine(Path.GetTempPath(), $"dsnet-input-size-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void RemoveTemp() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void YuNetAt640x384FindsTheFacesThePadded640x640ModelFinds()
    {
        var path = Path.Combine(_dir, "yunet_640_384.onnx");
        InputSizeGraph.Write(SharedData.YuNet, 640, 384, path);

        // a 400x225 dev image with 11 faces, scaled to 640x360 (BGR 0-255) as dsnetinfer does with maintain-aspect-ratio
        using var image = ImageIo.LoadOpaque(Path.Combine(SharedData.DevSet, "images", "maksssksksss64.png"));
        var content = new NetworkInput(3, 360, 640, 1f, [], 1);
        var pixels = new float[content.Size];
        content.Render(image, pixels);

        using var session = new InferenceSession(path);
        Assert.That(session.InputMetadata["input"].Dimensions, Is.EqualTo(new[] { 1, 3, 384, 640 }));
        Assert.That(session.OutputMetadata["bbox_8"].Dimensions, Is.EqualTo(new[] { 1, 48 * 80, 4 }), "output shapes as ONNX Runtime computes them");
        Assert.That(session.OutputMetadata["cls_32"].Dimensions, Is.EqualTo(new[] { 1, 12 * 20, 1 }));
        using var square = new InferenceSession(SharedData.YuNet);
        var small = Faces(session, Padded(pixels, 360, 640, 384), 384);
        var large = Faces(square, Padded(pixels, 360, 640, 640), 640);

        Assert.That(large, Has.Count.GreaterThanOrEqualTo(5), "the exported model finds faces on this image");
        Assert.That(small, Has.Count.EqualTo(large.Count));
        foreach (var f in large)
        {
            var best = small.Max(g => Iou(f, g));
            Assert.That(best, Is.GreaterThan(0.95), $"face at {f.X1:F0},{f.Y1:F0} is found at 640x384 too");
        }
    }

    [Test]
    public void ASizeTheGraphCannotRunAtIsRefusedWithTheReason()
    {
        var path = Path.Combine(_dir, "bad.onnx");
        Assert.That(() => InputSizeGraph.Write(SharedData.YuNet, 640, 372, path),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("does not run at 640x372").And.Message.Contains("multiple of its largest stride"));
        Assert.That(File.Exists(path), Is.False, "nothing is written");
        Assert.That(() => InputSizeGraph.ParseSize("640*384"), Throws.TypeOf<FormatException>().With.Message.Contains("WIDTHxHEIGHT"));
        Assert.That(InputSizeGraph.ParseSize("640x384"), Is.EqualTo((640, 384)));
    }

    private static DenseTensor<float> Padded(float[] planar, int height, int width, int paddedHeight)
    {
        var t = new DenseTensor<float>([1, 3, paddedHeight, width]);
        for (var c = 0; c < 3; c++)
        {
            planar.AsSpan(c * height * width, height * width).CopyTo(t.Buffer.Span[(c * paddedHeight * width)..]);
        }

        return t;
    }

    /// <summary>NvDsInferParseYuNet's decoding (native/parsers/face_detectors.cpp) at score 0.5, without NMS.</summary>
    private static List<(float X1, float Y1, float X2, float Y2)> Faces(InferenceSession session, DenseTensor<float> input, int height)
    {
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("input", input)]);
        var outputs = results.ToDictionary(r => r.Name, r => r.AsTensor<float>().ToArray());
        var faces = new List<(float, float, float, float)>();
        foreach (var s in new[] { 8, 16, 32 })
        {
            float[] cls = outputs[$"cls_{s}"], obj = outputs[$"obj_{s}"], box = outputs[$"bbox_{s}"];
            var gw = 640 / s;
            Assert.That(cls, Has.Length.EqualTo(gw * (height / s)));
            for (var i = 0; i < cls.Length; i++)
            {
                if (Math.Clamp(cls[i], 0, 1) * Math.Clamp(obj[i], 0, 1) < 0.5f)
                {
                    continue;
                }

                float cx = ((i % gw) + box[4 * i]) * s, cy = ((i / gw) + box[(4 * i) + 1]) * s;
                float w = MathF.Exp(box[(4 * i) + 2]) * s, h = MathF.Exp(box[(4 * i) + 3]) * s;
                faces.Add((cx - (w / 2), cy - (h / 2), cx + (w / 2), cy + (h / 2)));
            }
        }

        return faces;
    }

    private static double Iou((float X1, float Y1, float X2, float Y2) a, (float X1, float Y1, float X2, float Y2) b)
    {
        var w = Math.Max(0, Math.Min(a.X2, b.X2) - Math.Max(a.X1, b.X1));
        var h = Math.Max(0, Math.Min(a.Y2, b.Y2) - Math.Max(a.Y1, b.Y1));
        var inter = w * h;
        return inter / (((a.X2 - a.X1) * (a.Y2 - a.Y1)) + ((b.X2 - b.X1) * (b.Y2 - b.Y1)) - inter);
    }
}
