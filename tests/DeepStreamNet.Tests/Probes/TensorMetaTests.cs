using DeepStreamNet.InferImages;
using DeepStreamNet.Interop;
using DeepStreamNet.Metadata;
using DeepStreamNet.Probes;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Probes;

/// <summary>
/// Tensor output meta read from C# (dsnetinfer <c>output-tensor-meta=1</c> on the real UltraFace model) and decoded
/// by <see cref="TensorDecoders"/> into the same objects the built-in parser attached to the same frame.
/// </summary>
[TestFixture]
public sealed class TensorMetaTests
{
    [OneTimeSetUp]
    public void Init() => ProbeTestEnv.Init();

    [Test]
    public void DecodingTheRawTensorsGivesTheBuiltInParsersObjects()
    {
        var config = Path.Combine(ProbeTestEnv.PortableConfigDir, "config_infer_tensor_meta.txt");
        File.WriteAllText(config, File.ReadAllText(ProbeTestEnv.InferConfig).Replace("[property]\n", "[property]\noutput-tensor-meta=1\n", StringComparison.Ordinal));
        var builtIn = new List<(int ClassId, float Confidence, RectF Box)>();
        var decoded = new List<TensorDetection>();
        var layers = new List<string>();
        (uint W, uint H, uint C) network = default;
        var pipelineText = ProbeTestEnv.FaceImagePipeline(1).Replace(ProbeTestEnv.InferConfig, config, StringComparison.Ordinal);
        using var pipeline = new LaunchedPipeline(pipelineText);
        using var reg = pipeline.AddProbe("infer", "src", (ref BatchMeta batch, in ProbeContext ctx) =>
        {
            foreach (var frame in batch.Frames)
            {
                foreach (var o in frame.Objects)
                {
                    builtIn.Add((o.ClassId, o.Confidence, o.Rect));
                }

                var tensor = TensorMeta.Find(frame.UserMeta, uniqueId: 1);
                Assert.That(tensor.IsNull, Is.False, "no tensor meta on the frame");
                network = (tensor.NetworkInfo.width, tensor.NetworkInfo.height, tensor.NetworkInfo.channels);
                for (var i = 0; i < tensor.LayerCount; i++)
                {
                    var l = tensor.Layer(i);
                    layers.Add($"{l.Name}:{l.DataType}:{string.Join('x', l.Dims.ToArray())}:{l.ElementCount}");
                }

                var scores = tensor.Layer("scores"u8);
                var boxes = tensor.Layer("boxes"u8);
                Assert.That(scores.AsFloats().Length, Is.EqualTo(scores.ElementCount));
                var typeChecked = false;
                try
                {
                    _ = scores.Data<int>();
                }
                catch (InvalidOperationException)
                {
                    typeChecked = true;
                }

                Assert.That(typeChecked, Is.True, "Data<int> on a FLOAT layer must throw");

                // the config's class-map=2;1 (mask = column 2, no-mask = column 1), pre-cluster-threshold 0.5, NMS 0.3, topk 200
                TensorDecoders.DecodeSsdNormalized(scores, boxes, (int)network.W, (int)network.H, [2, 1], [0.5f, 0.5f], decoded);
                TensorDecoders.Nms(decoded, iouThreshold: 0.3f, postThreshold: 0, topK: 200);
                for (var i = 0; i < decoded.Count; i++)
                {
                    decoded[i] = decoded[i].ToFrame((int)frame.PipelineWidth, (int)frame.PipelineHeight, (int)network.W, (int)network.H, tensor.MaintainAspectRatio);
                }
            }
        });
        pipeline.RunToEnd(TimeSpan.FromSeconds(60));

        Assert.That(reg.Stats.Faults, Is.Zero, reg.Stats.LastFault);
        Assert.That(network, Is.EqualTo((640u, 480u, 3u)));
        Assert.That(layers, Is.EqualTo(new[] { "scores:FLOAT:17640x3:52920", "boxes:FLOAT:17640x4:70560" }));
        Assert.That(builtIn, Has.Count.InRange(2, 4), "the image shows 3 faces");
        Assert.That(decoded, Has.Count.EqualTo(builtIn.Count));
        foreach (var o in builtIn)
        {
            var match = decoded.OrderByDescending(d => TensorDecoders.Iou(d.Box, o.Box)).First();
            Assert.Multiple(() =>
            {
                Assert.That(match.ClassId, Is.EqualTo(o.ClassId));
                Assert.That(match.Confidence, Is.EqualTo(o.Confidence).Within(1e-5));
                Assert.That(TensorDecoders.Iou(match.Box, o.Box), Is.GreaterThan(0.99f), $"{match.Box} vs {o.Box}");
            });
        }
    }

    [Test]
    public void DetectNetV2GridDecodeFollowsTheSpec()
    {
        // 1 class, 2x3 grid, 16-pixel stride on a 48x32 network; one cell above threshold with known offsets.
        var cov = new float[6];
        var bbox = new float[4 * 6];
        cov[(1 * 3) + 2] = 0.9f;      // h=1, w=2
        var at = (1 * 3) + 2;
        bbox[at] = 0.2f;              // x1 offset
        bbox[6 + at] = 0.1f;          // y1
        bbox[12 + at] = 0.3f;         // x2
        bbox[18 + at] = 0.4f;         // y2
        var list = new List<TensorDetection>();
        unsafe
        {
            fixed (float* c = cov)
            fixed (float* b = bbox)
            {
                var covInfo = Layer([1, 2, 3], c);
                var bboxInfo = Layer([4, 2, 3], b);
                TensorDecoders.DecodeDetectNetV2(new TensorLayer(&covInfo, c), new TensorLayer(&bboxInfo, b), 48, 32, [0.5f], list);
            }
        }

        Assert.That(list, Has.Count.EqualTo(1));
        var d = list[0];
        // X1 = w·stride + 0.5 − 35·o_x1 = 32.5 − 7 = 25.5; X2 = 32.5 + 10.5 = 43; Y1 = 16.5 − 3.5 = 13; Y2 = 16.5 + 14 = 30.5
        Assert.That(d.Box.Left, Is.EqualTo(25.5f).Within(1e-4));
        Assert.That(d.Box.Right, Is.EqualTo(43f).Within(1e-4));
        Assert.That(d.Box.Top, Is.EqualTo(13f).Within(1e-4));
        Assert.That(d.Box.Bottom, Is.EqualTo(30.5f).Within(1e-4));
        Assert.That((d.ClassId, d.Confidence), Is.EqualTo((0, 0.9f)));
    }

    [Test]
    public void NmsKeepsTheBestPerClassAndClassifyTakesTheArgMax()
    {
        var list = new List<TensorDetection>
        {
            new(1, 0.6f, new RectF(0, 0, 10, 10)),
            new(0, 0.7f, new RectF(0, 0, 10, 10)),
            new(1, 0.9f, new RectF(1, 1, 10, 10)),
            new(1, 0.8f, new RectF(50, 50, 10, 10)),
        };
        TensorDecoders.Nms(list, 0.5f);
        Assert.That(list.Select(d => (d.ClassId, d.Confidence)), Is.EqualTo(new[] { (0, 0.7f), (1, 0.9f), (1, 0.8f) }));

        var probs = new float[] { 0.1f, 0.7f, 0.2f };
        unsafe
        {
            fixed (float* p = probs)
            {
                var info = Layer([3], p);
                Assert.That(TensorDecoders.Classify(new TensorLayer(&info, p), 0.5f), Is.EqualTo((1, 0.7f)));
                Assert.That(TensorDecoders.Classify(new TensorLayer(&info, p), 0.8f).ClassId, Is.EqualTo(-1));
            }
        }
    }

    private static unsafe NvDsInferLayerInfo Layer(uint[] dims, float* data)
    {
        var info = new NvDsInferLayerInfo { dataType = NvDsInferDataType.FLOAT, buffer = data };
        info.inferDims.numDims = (uint)dims.Length;
        var n = 1u;
        for (var i = 0; i < dims.Length; i++)
        {
            info.inferDims.d[i] = dims[i];
            n *= dims[i];
        }

        info.inferDims.numElements = n;
        return info;
    }
}
