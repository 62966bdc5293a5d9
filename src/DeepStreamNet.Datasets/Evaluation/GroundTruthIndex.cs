using DeepStreamNet.Datasets.Kitti;

namespace DeepStreamNet.Datasets.Evaluation;

/// <summary>
/// The ground-truth boxes of one image on a grid, so that finding a detection's best match looks only at boxes that
/// could reach the IoU threshold, not at every box of the image (evaluation stays near-linear with 100 000s of boxes).
/// IoU ≥ t needs the overlap to be at least t of each box, so a candidate's width lies in [t·w, w/t] of the
/// detection's width w and its left edge in [left + t·w − w/t, right − t·w] (the same for heights and top edges).
/// </summary>
internal sealed class GroundTruthIndex
{
    private readonly Box[] _boxes;
    private readonly double _cell;
    private readonly Dictionary<(long X, long Y), List<int>> _grid = [];

    public GroundTruthIndex(IReadOnlyList<Box> boxes)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        _boxes = [.. boxes];
        var sizes = _boxes.Where(b => b.Area > 0).Select(b => Math.Max(b.Width, b.Height)).Order().ToArray();
        _cell = sizes.Length > 0 && double.IsFinite(sizes[sizes.Length / 2]) ? Math.Max(1e-6, sizes[sizes.Length / 2]) : 1;
        for (var i = 0; i < _boxes.Length; i++)
        {
            if (_boxes[i].Area > 0)
            {
                var key = (Cell(_boxes[i].Left), Cell(_boxes[i].Top));
                if (!_grid.TryGetValue(key, out var list))
                {
                    _grid[key] = list = [];
                }

                list.Add(i);
            }
        }
    }

    /// <summary>IoU computations done by <see cref="BestMatch"/> so far (the test of the bound).</summary>
    public long Comparisons { get; private set; }

    /// <summary>
    /// The box with the highest IoU with <paramref name="detection"/> (lowest index on ties) when that IoU is at least
    /// <paramref name="minIou"/> (0 &lt; minIou ≤ 1), else -1: the same answer as comparing with every box.
    /// </summary>
    public int BestMatch(Box detection, double minIou, out double bestIou)
    {
        bestIou = 0;
        var best = -1;
        var w = detection.Width;
        var h = detection.Height;
        if (!(detection.Area > 0) || !double.IsFinite(w) || !double.IsFinite(h))
        {
            return -1;
        }

        // A little slack so rounding never drops a box whose IoU is exactly the threshold.
        var sx = 1e-9 * (Math.Abs(detection.Left) + Math.Abs(detection.Right) + w) + 1e-12;
        var sy = 1e-9 * (Math.Abs(detection.Top) + Math.Abs(detection.Bottom) + h) + 1e-12;
        var x0 = Cell(detection.Left + (minIou * w) - (w / minIou) - sx);
        var x1 = Cell(detection.Right - (minIou * w) + sx);
        var y0 = Cell(detection.Top + (minIou * h) - (h / minIou) - sy);
        var y1 = Cell(detection.Bottom - (minIou * h) + sy);
        var cells = (double)(x1 - x0 + 1) * (y1 - y0 + 1);
        if (cells > _grid.Count)
        {
            // Fewer occupied cells than cells in the window: walking the occupied ones is cheaper.
            foreach (var ((cx, cy), list) in _grid)
            {
                if (cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1)
                {
                    Consider(list, detection, ref best, ref bestIou);
                }
            }
        }
        else
        {
            for (var cx = x0; cx <= x1; cx++)
            {
                for (var cy = y0; cy <= y1; cy++)
                {
                    if (_grid.TryGetValue((cx, cy), out var list))
                    {
                        Consider(list, detection, ref best, ref bestIou);
                    }
                }
            }
        }

        return best >= 0 && bestIou >= minIou ? best : -1;
    }

    private void Consider(List<int> list, Box detection, ref int best, ref double bestIou)
    {
        foreach (var k in list)
        {
            Comparisons++;
            var iou = detection.IoU(_boxes[k]);
            if (iou > bestIou || (iou == bestIou && iou > 0 && k < best))
            {
                bestIou = iou;
                best = k;
            }
        }
    }

    private long Cell(double v) => (long)Math.Clamp(Math.Floor(v / _cell), -1e12, 1e12);
}
