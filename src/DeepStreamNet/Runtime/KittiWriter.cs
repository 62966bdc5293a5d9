using System.Globalization;
using System.Text;
using DeepStreamNet.Interop;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Runtime;

/// <summary>
/// deepstream-app's <c>gie-kitti-output-dir</c> / <c>kitti-track-output-dir</c>: one text file per frame named
/// <c>&lt;dir&gt;/00_&lt;stream&gt;_&lt;frame&gt;.txt</c> (<c>%02u_%03u_%06lu</c>: app instance 0, the frame's pad index,
/// frame number), one object per line. Detector files use the 16-field KITTI result format
/// (<c>label 0.0 0 0.0 left top right bottom 0.0 ×7 confidence</c>); tracker files, as deepstream-app writes them,
/// put the tracking id after the label (17 fields) and take the box and confidence from the tracker. Boxes are in
/// the muxer's output resolution (<c>[streammux] width×height</c>), where the metadata lives.
/// </summary>
internal sealed unsafe class KittiWriter : PadProbe
{
    private readonly string _dir;
    private readonly bool _tracker;

    public KittiWriter(string dir, bool tracker, ILogger logger)
        : base(logger)
    {
        _dir = dir;
        _tracker = tracker;
        Directory.CreateDirectory(dir);
    }

    public static string FileName(uint stream, long frame) => string.Create(CultureInfo.InvariantCulture, $"00_{stream:D3}_{frame:D6}.txt");

    protected override GstPadProbeReturn Handle(GstPad* pad, GstPadProbeInfo* info)
    {
        var buffer = Gst.gst_pad_probe_info_get_buffer(info);
        var batch = buffer is null ? null : NvDs.gst_buffer_get_nvds_batch_meta(buffer);
        if (batch is null)
        {
            return GstPadProbeReturn.GST_PAD_PROBE_OK;
        }

        var sb = new StringBuilder();
        for (var l = batch->frame_meta_list; l is not null; l = l->next)
        {
            var frame = (NvDsFrameMeta*)l->data;
            sb.Clear();
            for (var o = frame->obj_meta_list; o is not null; o = o->next)
            {
                var obj = (NvDsObjectMeta*)o->data;
                var label = NativeText.FromFixed(obj->obj_label, 128);
                if (label.Length == 0)
                {
                    label = obj->class_id.ToString(CultureInfo.InvariantCulture);
                }

                if (_tracker)
                {
                    var b = obj->tracker_bbox_info.org_bbox_coords;
                    sb.Append(CultureInfo.InvariantCulture, $"{label} {obj->object_id} 0.0 0 0.0 {b.left:F6} {b.top:F6} {b.left + b.width:F6} {b.top + b.height:F6} 0.0 0.0 0.0 0.0 0.0 0.0 0.0 {obj->tracker_confidence:F6}\n");
                }
                else
                {
                    var r = obj->rect_params;
                    sb.Append(CultureInfo.InvariantCulture, $"{label} 0.0 0 0.0 {r.left:F6} {r.top:F6} {r.left + r.width:F6} {r.top + r.height:F6} 0.0 0.0 0.0 0.0 0.0 0.0 0.0 {obj->confidence:F6}\n");
                }
            }

            File.WriteAllText(Path.Combine(_dir, FileName(frame->pad_index, frame->frame_num)), sb.ToString());
        }

        return GstPadProbeReturn.GST_PAD_PROBE_OK;
    }
}
