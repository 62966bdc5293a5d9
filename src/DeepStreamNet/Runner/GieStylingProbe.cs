using System.Globalization;
using System.Text;
using DeepStreamNet.Config;
using DeepStreamNet.Metadata;
using DeepStreamNet.Pipeline;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Runner;

/// <summary>
/// What deepstream-app does in its own probe before the OSD (spec §5.6): for objects whose
/// <c>unique_component_id</c> is a GIE's <c>gie-unique-id</c>, border colour from <c>bbox-border-color&lt;class&gt;</c>
/// (else <c>bbox-border-color</c>), border width from <c>[osd] border-width</c>, fill from <c>bbox-bg-color&lt;class&gt;</c>.
/// When labels are rewritten (tiler off or one source) the text becomes <c>obj_label</c> + tracking id (lower 32 bits,
/// when tracked and <c>display-tracking-id</c>) + classifier labels, at (left, top − 30), in the graph's
/// <see cref="LabelStyle"/>.
/// </summary>
internal sealed unsafe class GieStylingProbe : BatchMetaProbe
{
    private readonly Dictionary<int, GieStyle> _byId;
    private readonly LabelStyle _label;
    private readonly bool _rewrite;
    private readonly bool _showId;
    private readonly nint _font;

    public GieStylingProbe(PipelineGraph graph, ILogger logger)
        : base(logger)
    {
        _byId = graph.GieStyles.GroupBy(s => s.GieUniqueId).ToDictionary(g => g.Key, g => g.First());
        _label = graph.LabelStyle;
        _rewrite = graph.RunOptions.RewriteLabels;
        _showId = graph.RunOptions.DisplayTrackingId;

        // The meta pools free display_text but not font_name: a process-lifetime copy.
        _font = (nint)NativeUtf8.Interned(string.IsNullOrEmpty(_label.Font) ? "Serif" : _label.Font);
    }

    protected override void OnBatch(BatchMeta batch)
    {
        var text = new StringBuilder();
        foreach (var frame in batch.Frames)
        {
            foreach (var obj in frame.Objects)
            {
                if (!_byId.TryGetValue(obj.UniqueComponentId, out var style))
                {
                    continue;
                }

                obj.BorderColor = Colour(style.BorderColorOf(obj.ClassId));
                obj.BorderWidth = (uint)Math.Max(_label.BorderWidth, 0);
                if (style.BackgroundColorOf(obj.ClassId) is { } bg)
                {
                    obj.BackgroundColor = Colour(bg);
                }

                if (_rewrite)
                {
                    Relabel(obj, text);
                }
            }
        }
    }

    private void Relabel(ObjectMeta obj, StringBuilder text)
    {
        text.Clear();
        text.Append(obj.Label);
        if (obj.IsTracked && _showId)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append((obj.ObjectId & 0xFFFFFFFFUL).ToString(CultureInfo.InvariantCulture));
        }

        foreach (var classifier in obj.Classifiers)
        {
            foreach (var label in classifier.Labels)
            {
                var s = label.Label;
                if (!string.IsNullOrEmpty(s))
                {
                    text.Append(' ').Append(s);
                }
            }
        }

        obj.SetDisplayText(text.ToString());
        obj.TextColor = Colour(_label.TextColor);

        // Placement and font have no view property: the text parameters are set directly.
        ref var t = ref obj.Native->text_params;
        var r = obj.Rect;
        t.x_offset = (uint)Math.Max(r.Left, 0);
        t.y_offset = (uint)Math.Max(r.Top - 30, 0);
        t.font_params.font_name = (byte*)_font;
        t.font_params.font_size = (uint)Math.Max(_label.TextSize, 0);
        if (_label.TextBackground is { } bg)
        {
            t.set_bg_clr = 1;
            t.text_bg_clr = Colour(bg).ToNative();
        }
    }

    private static OsdColor Colour(Rgba c) => new(c.R, c.G, c.B, c.A);
}
