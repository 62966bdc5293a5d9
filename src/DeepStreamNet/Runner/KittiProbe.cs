using System.Text;
using DeepStreamNet.Kitti;
using DeepStreamNet.Metadata;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Runner;

/// <summary>
/// deepstream-app's <c>gie-kitti-output-dir</c> / <c>kitti-track-output-dir</c>: one text file per frame and source
/// (<see cref="KittiLine.FileName"/>), one object per line; tracker files take the tracker's box, id and confidence.
/// Boxes are in the muxer's output resolution (<c>[streammux] width×height</c>), where the metadata lives.
/// </summary>
internal sealed unsafe class KittiProbe : BatchMetaProbe
{
    private readonly string _dir;
    private readonly bool _tracker;

    public KittiProbe(string dir, bool tracker, ILogger logger)
        : base(logger)
    {
        _dir = dir;
        _tracker = tracker;
        Directory.CreateDirectory(dir);
    }

    protected override void OnBatch(BatchMeta batch)
    {
        var sb = new StringBuilder();
        foreach (var frame in batch.Frames)
        {
            sb.Clear();
            foreach (var obj in frame.Objects)
            {
                if (_tracker)
                {
                    var b = obj.TrackerBox;
                    KittiLine.AppendTracked(sb, obj.Label, obj.ClassId, obj.ObjectId, b.Left, b.Top, b.Right, b.Bottom, obj.TrackerConfidence);
                }
                else
                {
                    var r = obj.Rect;
                    KittiLine.AppendDetection(sb, obj.Label, obj.ClassId, r.Left, r.Top, r.Right, r.Bottom, obj.Confidence);
                }
            }

            File.WriteAllText(Path.Combine(_dir, KittiLine.FileName(frame.PadIndex, frame.FrameNumber)), sb.ToString());
        }
    }
}
