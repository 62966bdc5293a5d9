using DeepStreamNet.Onnx;
using DeepStreamNet.Onnx.Proto;
using Google.Protobuf;

namespace DeepStreamNet.Training.Quantization;

/// <summary>
/// Turns an FP32 model into a QDQ model: every <c>Conv</c> whose input was calibrated gets QuantizeLinear →
/// DequantizeLinear on its input and output (uint8 or int8, asymmetric), its weights per output channel as int8
/// (symmetric) and its bias as int32 (scale = input scale × weight scale), all behind DequantizeLinear — the pattern
/// ONNX Runtime's CPU provider fuses into integer kernels (QLinearConv). A <c>Relu</c> that is a Conv's only consumer is
/// folded into the Conv's output quantization (range [0, max] with the lowest zero point clamps exactly as Relu does).
/// Other operators stay in float. Models below opset 13 get the <c>com.microsoft</c> QuantizeLinear/DequantizeLinear
/// (per-axis scales need opset 13 in the default domain; raising a model's opset changes other operators' meaning).
/// </summary>
internal static class QdqGraphBuilder
{
    private const string MsDomain = "com.microsoft";

    /// <summary>
    /// Rewrites <paramref name="model"/> in place; returns how many Conv nodes were quantized. <paramref name="select"/>
    /// (default: all) picks the Conv nodes to quantize; the others stay float (their inputs are still quantized when
    /// another Conv reads them). <paramref name="symmetricActivations"/>: int8 with zero point 0 (TensorRT's scheme).
    /// </summary>
    public static int Quantize(ModelProto model, IReadOnlyDictionary<string, (float Min, float Max)> ranges, bool signedActivations, int weightBits,
        Func<NodeProto, bool>? select = null, bool symmetricActivations = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ranges);
        if (weightBits is < 2 or > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(weightBits), "weight bits must be 2–8");
        }

        var g = model.Graph;
        RaiseToOpset10(model);
        var domain = OnnxModel.DefaultOpset(model) >= 13 ? string.Empty : MsDomain;
        if (domain == MsDomain && model.OpsetImport.All(o => o.Domain != MsDomain))
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = MsDomain, Version = 1 });
        }

        var state = new State(g, ranges, signedActivations || symmetricActivations, symmetricActivations, domain);
        var quantized = 0;
        var convs = g.Node.Where(n => n.OpType == "Conv" && string.IsNullOrEmpty(n.Domain)).ToList();
        var kept = new List<NodeProto>();
        foreach (var conv in convs)
        {
            if ((select is null || select(conv)) && state.QuantizeConv(conv, weightBits))
            {
                quantized++;
            }
            else
            {
                kept.Add(conv);
            }
        }

        foreach (var conv in kept)
        {
            state.KeepFloat(conv);
        }

        state.Emit();
        return quantized;
    }

    /// <summary>
    /// ONNX Runtime fuses the QDQ groups into QLinearConv, an opset-10 operator, so an opset-9 model is declared opset 10
    /// — Slice nodes rewritten to the opset-10 form (starts, ends, axes as inputs instead of attributes: the same
    /// slice); a model with TopK or Upsample, whose meaning changed too, is refused.
    /// </summary>
    private static void RaiseToOpset10(ModelProto model)
    {
        if (OnnxModel.DefaultOpset(model) >= 10)
        {
            return;
        }

        var changed = model.Graph.Node.Where(n => string.IsNullOrEmpty(n.Domain) && n.OpType is "TopK" or "Upsample").Select(n => n.OpType).Distinct().ToList();
        if (changed.Count > 0)
        {
            throw new InvalidDataException($"the model is opset {OnnxModel.DefaultOpset(model)} and uses {string.Join(", ", changed)}, whose meaning changed at opset 10 (integer convolutions need 10): re-export it at opset 13 or later");
        }

        var g = model.Graph;
        foreach (var slice in g.Node.Where(n => string.IsNullOrEmpty(n.Domain) && n.OpType == "Slice").ToList())
        {
            foreach (var name in new[] { "starts", "ends", "axes" })
            {
                var a = slice.Attribute.FirstOrDefault(x => x.Name == name);
                if (a is null)
                {
                    continue; // axes is optional: all axes in order
                }

                var tensor = OnnxModel.Int64Tensor($"{slice.Output[0]}_{name}", [a.Ints.Count], [.. a.Ints]);
                g.Initializer.Add(tensor);
                slice.Input.Add(tensor.Name);
                slice.Attribute.Remove(a);
            }
        }

        foreach (var o in model.OpsetImport.Where(o => string.IsNullOrEmpty(o.Domain) || o.Domain == "ai.onnx"))
        {
            o.Version = 10;
        }
    }

    /// <summary>The Conv nodes a graph has, by <see cref="ConvId"/>, in graph order.</summary>
    public static IReadOnlyList<string> ConvIds(GraphProto g) =>
        [.. g.Node.Where(n => n.OpType == "Conv" && string.IsNullOrEmpty(n.Domain)).Select(ConvId)];

    /// <summary>How a Conv is named to the user: its node name, else its output tensor (exports often leave names empty).</summary>
    public static string ConvId(NodeProto conv) => string.IsNullOrEmpty(conv.Name) ? conv.Output[0] : conv.Name;

    private sealed class State(GraphProto g, IReadOnlyDictionary<string, (float Min, float Max)> ranges, bool signed, bool symmetric, string domain)
    {
        private readonly Dictionary<string, TensorProto> _initializers = g.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        private readonly Dictionary<string, List<NodeProto>> _consumers = Consumers(g);
        private readonly HashSet<string> _graphOutputs = g.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        private readonly Dictionary<string, NodeProto> _producer = g.Node.SelectMany(n => n.Output.Select(o => (o, n))).ToDictionary(p => p.o, p => p.n, StringComparer.Ordinal);
        private readonly Dictionary<string, (string Dq, QuantParams P)> _dqOf = new(StringComparer.Ordinal);       // float tensor → its dequantized twin
        private readonly Dictionary<NodeProto, List<NodeProto>> _after = new(ReferenceEqualityComparer.Instance);
        private readonly List<NodeProto> _first = [];
        private readonly HashSet<NodeProto> _removed = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<string> _unusedInitializers = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Raw, NodeProto Conv, bool Relu)> _floatOf = new(StringComparer.Ordinal); // quantized Conv output → its float value

        /// <summary>
        /// A Conv kept in float reads the float value of its input, not the DequantizeLinear twin: ONNX Runtime would
        /// otherwise take DQ → Conv with float weights for a QDQ group and quantize the weights itself. A folded Relu is
        /// applied again in float for it.
        /// </summary>
        public void KeepFloat(NodeProto conv)
        {
            if (!_floatOf.TryGetValue(conv.Input[0], out var source))
            {
                return; // the graph input or a float operator's output: already float
            }

            var input = source.Raw;
            if (source.Relu)
            {
                input = source.Raw + "_relu";
                if (!_producer.ContainsKey(input))
                {
                    var relu = OnnxModel.Node("Relu", input, [source.Raw], [input]);
                    _producer[input] = relu;
                    After(source.Conv).Add(relu);
                }
            }

            conv.Input[0] = input;
        }

        public bool QuantizeConv(NodeProto conv, int weightBits)
        {
            var x = conv.Input[0];
            if (!ranges.ContainsKey(x) || conv.Input.Count < 2 || !_initializers.TryGetValue(conv.Input[1], out var w)
                || w.DataType != (int)TensorProto.Types.DataType.Float || w.Dims.Count < 3)
            {
                return false;
            }

            var y = conv.Output[0];
            // A symmetric zero point (0) cannot clamp negatives: then the Relu stays and quantization follows the Conv.
            var relu = !symmetric && _consumers.TryGetValue(y, out var users) && users.Count == 1 && users[0].OpType == "Relu" && !_graphOutputs.Contains(y) ? users[0] : null;
            var outName = relu?.Output[0] ?? y;
            if (!ranges.ContainsKey(outName))
            {
                return false;
            }

            var (xDq, xp) = Dequantized(x);
            conv.Input[0] = xDq;

            // Weights: symmetric per output channel.
            var weights = OnnxModel.FloatData(w);
            var channels = (int)w.Dims[0];
            var per = weights.Length / channels;
            var qmax = (1 << (weightBits - 1)) - 1;
            var wScale = new float[channels];
            var wq = new sbyte[weights.Length];
            for (var m = 0; m < channels; m++)
            {
                var amax = 0f;
                for (var k = 0; k < per; k++)
                {
                    amax = Math.Max(amax, Math.Abs(weights[(m * per) + k]));
                }

                wScale[m] = amax > 0 ? amax / qmax : 1f;
                for (var k = 0; k < per; k++)
                {
                    wq[(m * per) + k] = (sbyte)Math.Clamp(Math.Round(weights[(m * per) + k] / wScale[m]), -qmax, qmax);
                }
            }

            var wName = conv.Input[1];
            conv.Input[1] = AddDequantizeConstant(conv, wName, Int8Tensor(wName + "_quantized", w.Dims, wq), wScale,
                Int8Tensor(wName + "_zero_point", [channels], new sbyte[channels]));
            Retire(wName, conv);

            // Bias: int32 at input scale × weight scale, zero point 0.
            if (conv.Input.Count > 2 && conv.Input[2].Length > 0 && _initializers.TryGetValue(conv.Input[2], out var b) && b.DataType == (int)TensorProto.Types.DataType.Float)
            {
                var bias = OnnxModel.FloatData(b);
                var bScale = new float[channels];
                var bq = new int[channels];
                for (var m = 0; m < channels; m++)
                {
                    bScale[m] = xp.Scale * wScale[m];
                    bq[m] = (int)Math.Clamp(Math.Round(bias[m] / bScale[m]), int.MinValue, int.MaxValue);
                }

                var bName = conv.Input[2];
                conv.Input[2] = AddDequantizeConstant(conv, bName, Int32Tensor(bName + "_quantized", [channels], bq), bScale,
                    Int32Tensor(bName + "_zero_point", [channels], new int[channels]));
                Retire(bName, conv);
            }

            // Output: Conv → Q → DQ → (the Relu's output, or the Conv's own name for its consumers).
            var r = ranges[outName];
            var op = Params(relu is null ? r.Min : 0f, r.Max);
            var raw = y + "_float";
            conv.Output[0] = raw;
            After(conv).AddRange(QuantizeNodes(raw, outName, op));
            _dqOf[outName] = (outName, op);
            _floatOf[outName] = (raw, conv, relu is not null);
            if (relu is not null)
            {
                _removed.Add(relu);
            }

            return true;
        }

        public void Emit()
        {
            var nodes = new List<NodeProto>(_first);
            foreach (var n in g.Node)
            {
                if (_removed.Contains(n))
                {
                    continue;
                }

                nodes.Add(n);
                if (_after.TryGetValue(n, out var extra))
                {
                    nodes.AddRange(extra);
                }
            }

            g.Node.Clear();
            g.Node.AddRange(nodes);
            foreach (var name in _unusedInitializers)
            {
                g.Initializer.Remove(_initializers[name]);
                var input = g.Input.FirstOrDefault(i => i.Name == name);
                if (input is not null)
                {
                    g.Input.Remove(input);
                }
            }

            // Shapes recorded for the float graph would be stale for renamed tensors; ONNX Runtime infers them again.
            g.ValueInfo.Clear();
        }

        private (string Dq, QuantParams P) Dequantized(string x)
        {
            if (_dqOf.TryGetValue(x, out var known))
            {
                return known;
            }

            var r = ranges[x];
            var p = Params(r.Min, r.Max);
            var dq = x + "_dequantized";
            var nodes = QuantizeNodes(x, dq, p);
            if (_producer.TryGetValue(x, out var producer))
            {
                After(producer).AddRange(nodes);
            }
            else
            {
                _first.AddRange(nodes);
            }

            _dqOf[x] = (dq, p);
            return (dq, p);
        }

        private QuantParams Params(float min, float max) => symmetric ? QuantParams.Symmetric(min, max) : QuantParams.ForRange(min, max, signed);

        /// <summary>Q(x) → DQ → <paramref name="output"/>, with scalar scale and zero point initializers.</summary>
        private List<NodeProto> QuantizeNodes(string x, string output, QuantParams p)
        {
            var scale = x + "_scale";
            var zp = x + "_zero_point";
            var q = x + "_quantized";
            AddInitializer(OnnxModel.FloatTensor(scale, [], [p.Scale]));
            AddInitializer(signed ? Int8Tensor(zp, [], [(sbyte)p.ZeroPoint]) : UInt8Tensor(zp, [], [(byte)p.ZeroPoint]));
            return
            [
                Qdq("QuantizeLinear", x + "_QuantizeLinear", [x, scale, zp], q),
                Qdq("DequantizeLinear", x + "_DequantizeLinear", [q, scale, zp], output),
            ];
        }

        /// <summary>A quantized constant behind DequantizeLinear (per axis 0); returns the float output's name.</summary>
        private string AddDequantizeConstant(NodeProto consumer, string name, TensorProto quantized, float[] scale, TensorProto zeroPoint)
        {
            AddInitializer(quantized);
            AddInitializer(OnnxModel.FloatTensor(name + "_scale", [scale.Length], scale));
            AddInitializer(zeroPoint);
            var output = name + "_dequantized_for_" + consumer.Name;
            var dq = Qdq("DequantizeLinear", name + "_DequantizeLinear_" + consumer.Name, [quantized.Name, name + "_scale", zeroPoint.Name], output);
            dq.Attribute.Add(OnnxModel.Int("axis", 0));
            _first.Add(dq);
            return output;
        }

        private NodeProto Qdq(string op, string name, string[] inputs, string output)
        {
            var n = OnnxModel.Node(op, name, inputs, [output]);
            n.Domain = domain;
            return n;
        }

        private void AddInitializer(TensorProto t)
        {
            if (_initializers.TryAdd(t.Name, t))
            {
                g.Initializer.Add(t);
            }
        }

        /// <summary>Drops a float initializer once no node but <paramref name="consumer"/> (now rewired) used it.</summary>
        private void Retire(string name, NodeProto consumer)
        {
            if (_consumers.TryGetValue(name, out var users) && users.All(u => ReferenceEquals(u, consumer)) && !_graphOutputs.Contains(name))
            {
                _unusedInitializers.Add(name);
            }
        }

        private List<NodeProto> After(NodeProto n)
        {
            if (!_after.TryGetValue(n, out var list))
            {
                list = [];
                _after[n] = list;
            }

            return list;
        }

        private static Dictionary<string, List<NodeProto>> Consumers(GraphProto g)
        {
            var d = new Dictionary<string, List<NodeProto>>(StringComparer.Ordinal);
            foreach (var n in g.Node)
            {
                foreach (var i in n.Input.Where(i => i.Length > 0))
                {
                    if (!d.TryGetValue(i, out var list))
                    {
                        list = [];
                        d[i] = list;
                    }

                    list.Add(n);
                }
            }

            return d;
        }

        private static TensorProto Int8Tensor(string name, IEnumerable<long> dims, sbyte[] data) =>
            Raw(name, dims, TensorProto.Types.DataType.Int8, System.Runtime.InteropServices.MemoryMarshal.AsBytes(data.AsSpan()));

        private static TensorProto UInt8Tensor(string name, IEnumerable<long> dims, byte[] data) =>
            Raw(name, dims, TensorProto.Types.DataType.Uint8, data);

        private static TensorProto Int32Tensor(string name, IEnumerable<long> dims, int[] data) =>
            Raw(name, dims, TensorProto.Types.DataType.Int32, System.Runtime.InteropServices.MemoryMarshal.AsBytes(data.AsSpan()));

        private static TensorProto Raw(string name, IEnumerable<long> dims, TensorProto.Types.DataType type, ReadOnlySpan<byte> bytes)
        {
            var t = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(bytes) };
            t.Dims.AddRange(dims);
            return t;
        }
    }
}
