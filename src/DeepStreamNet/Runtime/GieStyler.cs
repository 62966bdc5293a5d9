using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using DeepStreamNet.Config;
using DeepStreamNet.Interop;
using DeepStreamNet.Pipeline;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Runtime;

/// <summary>
/// What deepstream-app does in its own probe before the OSD (spec §5.6): for objects whose
/// <c>unique_component_id</c> is a GIE's <c>gie-unique-id</c>, border colour from <c>bbox-border-color&lt;class&gt;</c>
/// (else <c>bbox-border-color</c>), border width from <c>[osd] border-width</c>, fill from <c>bbox-bg-color&lt;class&gt;</c>.
/// When labels are rewritten (tiler off or one source) the text becomes <c>obj_label</c> + tracking id (lower 32 bits,
/// when tracked and <c>display-tracking-id</c>) + classifier labels, at (left, top − 30), with the <c>[osd]</c> font,
/// size, colour and background.
/// </summary>
internal sealed unsafe class GieStyler : PadProbe, IDisposable
{
    private const ulong Untracked = ulong.MaxValue;
    private readonly Dictionary<int, GieStyle> _byId;
    private readonly OsdGroup _osd;
    private readonly bool _rewrite;
    private readonly bool _showId;
    private nint _font;

    public GieStyler(IEnumerable<GieStyle> styles, OsdGroup osd, RunOptionsView options, ILogger logger)
        : base(logger)
    {
        _byId = styles.GroupBy(s => s.GieUniqueId).ToDictionary(g => g.Key, g => g.First());
        _osd = osd;
        _rewrite = options.RewriteLabels;
        _showId = options.DisplayTrackingId;

        // The meta pools free display_text but not font_name: one copy that lives as long as the runner.
        _font = Marshal.StringToCoTaskMemUTF8(string.IsNullOrEmpty(osd.Font) ? "Serif" : osd.Font);
    }

    public void Dispose()
    {
        // Freed only after the pipeline reached NULL (the runner disposes probes last).
        if (_font != 0)
        {
            Marshal.FreeCoTaskMem(_font);
            _font = 0;
        }
    }

    protected override GstPadProbeReturn Handle(GstPad* pad, GstPadProbeInfo* info)
    {
        var buffer = Gst.gst_pad_probe_info_get_buffer(info);
        var batch = buffer is null ? null : NvDs.gst_buffer_get_nvds_batch_meta(buffer);
        if (batch is null)
        {
            return GstPadProbeReturn.GST_PAD_PROBE_OK;
        }

        var text = new StringBuilder();
        for (var l = batch->frame_meta_list; l is not null; l = l->next)
        {
            var frame = (NvDsFrameMeta*)l->data;
            for (var o = frame->obj_meta_list; o is not null; o = o->next)
            {
                var obj = (NvDsObjectMeta*)o->data;
                if (!_byId.TryGetValue(obj->unique_component_id, out var style))
                {
                    continue;
                }

                ref var r = ref obj->rect_params;
                r.border_color = Colour(style.BorderColorOf(obj->class_id));
                r.border_width = (uint)Math.Max(_osd.BorderWidth, 0);
                if (style.BackgroundColorOf(obj->class_id) is { } bg)
                {
                    r.has_bg_color = 1;
                    r.bg_color = Colour(bg);
                }

                if (_rewrite)
                {
                    Relabel(obj, text);
                }
            }
        }

        return GstPadProbeReturn.GST_PAD_PROBE_OK;
    }

    private void Relabel(NvDsObjectMeta* obj, StringBuilder text)
    {
        text.Clear();
        text.Append(NativeText.FromFixed(obj->obj_label, 128));
        if (obj->object_id != Untracked && _showId)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append((obj->object_id & 0xFFFFFFFFUL).ToString(CultureInfo.InvariantCulture));
        }

        for (var c = obj->classifier_meta_list; c is not null; c = c->next)
        {
            var cls = (NvDsClassifierMeta*)c->data;
            for (var li = cls->label_info_list; li is not null; li = li->next)
            {
                var label = (NvDsLabelInfo*)li->data;
                var s = label->pResult_label is not null ? NativeText.From(label->pResult_label) : NativeText.FromFixed(label->result_label, 128);
                if (!string.IsNullOrEmpty(s))
                {
                    text.Append(' ').Append(s);
                }
            }
        }

        ref var t = ref obj->text_params;
        if (t.display_text is not null)
        {
            GLib.g_free(t.display_text);
        }

        using (var s = new Utf8Z(text.ToString()))
        {
            t.display_text = GLib.g_strdup(s.P);
        }

        t.x_offset = (uint)Math.Max(obj->rect_params.left, 0);
        t.y_offset = (uint)Math.Max(obj->rect_params.top - 30, 0);
        t.font_params.font_name = (byte*)_font;
        t.font_params.font_size = (uint)Math.Max(_osd.TextSize, 0);
        t.font_params.font_color = Colour(_osd.TextColor);
        if (_osd.TextBgColor is { AnyPositive: true } bg)
        {
            t.set_bg_clr = 1;
            t.text_bg_clr = Colour(bg);
        }
    }

    private static NvOSD_ColorParams Colour(Rgba c) => new() { red = c.R, green = c.G, blue = c.B, alpha = c.A };
}

/// <summary>The parts of <see cref="RunOptions"/> the styler needs.</summary>
internal readonly record struct RunOptionsView(bool RewriteLabels, bool DisplayTrackingId);
