namespace DeepStreamNet.Metadata;

/// <summary>
/// Decodes raw output tensors in C# (the pyds <c>get_detections</c> samples' job), with the built-in parsers' rules
/// (nvinfer-config spec §9, §10; native/plugin/infer/infer_detect.c): DetectNet_v2 grids, SSD with normalised
/// corner boxes (UltraFace), classifier arg-max, and per-class NMS. Results go into caller-owned lists, so a probe
/// that reuses its lists allocates nothing per frame.
/// </summary>
public static class TensorDecoders
{
    /// <summary>DetectNet_v2's box normaliser (TLT <c>bbox scale 35.0, offset 0.5</c>).</summary>
    public const float DetectNetScale = 35.0f;

    /// <summary>
    /// DetectNet_v2 grid decode: <paramref name="coverage"/> <c>[C, Hg, Wg]</c>, <paramref name="bbox"/> <c>[4·C, Hb, Wb]</c>;
    /// appends boxes (network pixels) with coverage ≥ the class threshold to <paramref name="output"/>.
    /// </summary>
    public static void DecodeDetectNetV2(TensorLayer coverage, TensorLayer bbox, int networkWidth, int networkHeight,
        ReadOnlySpan<float> classThresholds, List<TensorDetection> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var cd = coverage.Dims;
        var bd = bbox.Dims;
        if (cd.Length != 3 || bd.Length != 3 || bd[0] < 4 * cd[0])
        {
            throw new ArgumentException($"DetectNet_v2 needs coverage [C,H,W] and bbox [4C,H,W]; got {cd.Length}-d and {bd.Length}-d tensors");
        }

        int classes = Math.Min((int)cd[0], classThresholds.Length), hg = (int)cd[1], wg = (int)cd[2], hb = (int)bd[1], wb = (int)bd[2];
        var cov = coverage.AsFloats();
        var box = bbox.AsFloats();
        int strideX = (networkWidth + wb - 1) / wb, strideY = (networkHeight + hb - 1) / hb;
        int plane = hb * wb;
        for (var c = 0; c < classes; c++)
        {
            for (var h = 0; h < Math.Min(hg, hb); h++)
            {
                for (var w = 0; w < Math.Min(wg, wb); w++)
                {
                    var conf = cov[(c * hg * wg) + (h * wg) + w];
                    if (conf < classThresholds[c])
                    {
                        continue;
                    }

                    var cx = ((w * strideX) + 0.5f) / DetectNetScale;
                    var cy = ((h * strideY) + 0.5f) / DetectNetScale;
                    var at = (h * wb) + w;
                    var x1 = Clip((box[(4 * c * plane) + at] - cx) * -DetectNetScale, networkWidth);
                    var y1 = Clip((box[(((4 * c) + 1) * plane) + at] - cy) * -DetectNetScale, networkHeight);
                    var x2 = Clip((box[(((4 * c) + 2) * plane) + at] + cx) * DetectNetScale, networkWidth);
                    var y2 = Clip((box[(((4 * c) + 3) * plane) + at] + cy) * DetectNetScale, networkHeight);
                    if (x2 - x1 >= 0 && y2 - y1 >= 0)
                    {
                        output.Add(new TensorDetection(c, conf, new RectF(x1, y1, x2 - x1, y2 - y1)));
                    }
                }
            }
        }
    }

    /// <summary>
    /// SSD with normalised corner boxes (UltraFace; dsnetinfer's <c>NvDsInferParseCustomSSDNormalized</c>):
    /// <paramref name="scores"/> <c>[N, K]</c>, <paramref name="boxes"/> <c>[N, 4]</c> (x1, y1, x2, y2 in 0…1). Output
    /// class i reads score column <paramref name="classColumns"/>[i]; boxes are scaled to the network size and clamped.
    /// </summary>
    public static void DecodeSsdNormalized(TensorLayer scores, TensorLayer boxes, int networkWidth, int networkHeight,
        ReadOnlySpan<int> classColumns, ReadOnlySpan<float> classThresholds, List<TensorDetection> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var sd = scores.Dims;
        var bd = boxes.Dims;
        if (sd.Length != 2 || bd.Length != 2 || bd[1] != 4 || bd[0] != sd[0])
        {
            throw new ArgumentException("SSD needs scores [N,K] and boxes [N,4] with the same N");
        }

        int n = (int)sd[0], k = (int)sd[1];
        var s = scores.AsFloats();
        var b = boxes.AsFloats();
        for (var i = 0; i < n; i++)
        {
            for (var c = 0; c < classColumns.Length; c++)
            {
                var col = classColumns[c];
                if ((uint)col >= (uint)k)
                {
                    throw new ArgumentOutOfRangeException(nameof(classColumns), col, $"the scores have {k} columns");
                }

                var conf = s[(i * k) + col];
                if (conf < classThresholds[c])
                {
                    continue;
                }

                var x1 = Math.Clamp(b[i * 4] * networkWidth, 0, networkWidth);
                var y1 = Math.Clamp(b[(i * 4) + 1] * networkHeight, 0, networkHeight);
                var x2 = Math.Clamp(b[(i * 4) + 2] * networkWidth, 0, networkWidth);
                var y2 = Math.Clamp(b[(i * 4) + 3] * networkHeight, 0, networkHeight);
                if (x2 > x1 && y2 > y1)
                {
                    output.Add(new TensorDetection(c, conf, new RectF(x1, y1, x2 - x1, y2 - y1)));
                }
            }
        }
    }

    /// <summary>Classifier output: the arg-max class of a probability layer and its value (−1 when none exceeds <paramref name="threshold"/>).</summary>
    public static (int ClassId, float Probability) Classify(TensorLayer probabilities, float threshold = 0)
    {
        var p = probabilities.AsFloats();
        var best = -1;
        var bestP = float.NegativeInfinity;
        for (var i = 0; i < p.Length; i++)
        {
            if (p[i] > bestP)
            {
                best = i;
                bestP = p[i];
            }
        }

        return best >= 0 && bestP > threshold ? (best, bestP) : (-1, bestP);
    }

    /// <summary>
    /// Per-class NMS in place (cluster-mode 2): stable sort by confidence, keep a box when its IoU with every kept box
    /// of its class is ≤ <paramref name="iouThreshold"/>, keep confidences &gt; <paramref name="postThreshold"/>, then the
    /// first <paramref name="topK"/> per class (negative = all). The result is grouped by class, ascending.
    /// </summary>
    public static void Nms(List<TensorDetection> detections, float iouThreshold, float postThreshold = 0, int topK = -1)
    {
        ArgumentNullException.ThrowIfNull(detections);
        SortByClassThenConfidence(detections);
        var write = 0;
        for (var start = 0; start < detections.Count;)
        {
            var end = start;
            while (end < detections.Count && detections[end].ClassId == detections[start].ClassId)
            {
                end++;
            }

            // greedy NMS over the class (kept boxes suppress others whatever their confidence) ...
            var kept = start;
            for (var i = start; i < end; i++)
            {
                var keep = true;
                for (var k = start; k < kept && keep; k++)
                {
                    keep = Iou(detections[k].Box, detections[i].Box) <= iouThreshold;
                }

                if (keep)
                {
                    detections[kept++] = detections[i];
                }
            }

            // ... then the post-cluster threshold and top-K, compacted to the front
            var perClass = 0;
            for (var i = start; i < kept; i++)
            {
                if (detections[i].Confidence > postThreshold && (topK < 0 || perClass < topK))
                {
                    detections[write++] = detections[i];
                    perClass++;
                }
            }

            start = end;
        }

        detections.RemoveRange(write, detections.Count - write);
    }

    // Stable insertion sort (no allocation; the lists are short after thresholding).
    private static void SortByClassThenConfidence(List<TensorDetection> d)
    {
        for (var i = 1; i < d.Count; i++)
        {
            var x = d[i];
            var j = i - 1;
            while (j >= 0 && (d[j].ClassId > x.ClassId || (d[j].ClassId == x.ClassId && d[j].Confidence < x.Confidence)))
            {
                d[j + 1] = d[j];
                j--;
            }

            d[j + 1] = x;
        }
    }

    /// <summary>Intersection over union of two boxes (continuous coordinates; 0 when the union is 0).</summary>
    public static float Iou(RectF a, RectF b)
    {
        var iw = Math.Max(0, Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left));
        var ih = Math.Max(0, Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top));
        var inter = iw * ih;
        var union = (a.Width * a.Height) + (b.Width * b.Height) - inter;
        return union <= 0 ? 0 : inter / union;
    }

    private static float Clip(float v, int limit) => v < 0 ? 0 : v >= limit ? limit - 1 : v;
}
