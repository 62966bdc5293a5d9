using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>
/// Zero-copy view of an <c>NvDsDisplayMeta</c>: up to 16 texts, rectangles and lines the OSD draws on its frame.
/// Get a fresh one with <see cref="FrameMeta.AddDisplayMeta"/>.
/// </summary>
public readonly unsafe ref struct DisplayMeta : IMetaView<DisplayMeta>
{
    /// <summary>Capacity of each element array (MAX_ELEMENTS_IN_DISPLAY_META).</summary>
    public const int Capacity = NvDs.MAX_ELEMENTS_IN_DISPLAY_META;

    private readonly NvDsDisplayMeta* _p;

    /// <summary>Wraps a native display meta.</summary>
    public DisplayMeta(NvDsDisplayMeta* native) => _p = native;

    /// <summary>The native pointer.</summary>
    public NvDsDisplayMeta* Native => _p;

    /// <inheritdoc/>
    static DisplayMeta IMetaView<DisplayMeta>.FromData(void* data) => new((NvDsDisplayMeta*)data);

    /// <summary>True for a null view.</summary>
    public bool IsNull => _p is null;

    /// <summary><c>num_labels</c>.</summary>
    public uint NumLabels => _p->num_labels;

    /// <summary><c>num_rects</c>.</summary>
    public uint NumRects => _p->num_rects;

    /// <summary><c>num_lines</c>.</summary>
    public uint NumLines => _p->num_lines;

    /// <summary>The text of label <paramref name="index"/> (null when unset).</summary>
    public string? TextAt(int index)
    {
        CheckIndex(index, _p->num_labels);
        return NativeUtf8.ToStringOrNull((&_p->text_params.e0)[index].display_text);
    }

    /// <summary>Rectangle <paramref name="index"/>.</summary>
    public RectF RectAt(int index)
    {
        CheckIndex(index, _p->num_rects);
        var r = &(&_p->rect_params.e0)[index];
        return new RectF(r->left, r->top, r->width, r->height);
    }

    /// <summary>Adds a text (g_strdup'ed; the meta frees it) at (<paramref name="x"/>, <paramref name="y"/>); returns its index.</summary>
    public int AddText(string text, uint x, uint y, uint fontSize = 14, OsdColor? color = null, OsdColor? background = null, string font = "Sans")
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = Next(ref _p->num_labels, "texts");
        var t = &(&_p->text_params.e0)[i];
        if (t->display_text is not null)
        {
            GLib.g_free(t->display_text);
        }

        t->display_text = NativeUtf8.GStrdup(text);
        t->x_offset = x;
        t->y_offset = y;
        t->font_params.font_name = NativeUtf8.Interned(font);
        t->font_params.font_size = fontSize;
        t->font_params.font_color = (color ?? OsdColor.White).ToNative();
        t->set_bg_clr = background.HasValue ? 1 : 0;
        t->text_bg_clr = background.GetValueOrDefault().ToNative();
        return i;
    }

    /// <summary>Adds a rectangle outline (and optional fill); returns its index.</summary>
    public int AddRect(RectF rect, OsdColor border, uint borderWidth = 2, OsdColor? fill = null)
    {
        var i = Next(ref _p->num_rects, "rectangles");
        var r = &(&_p->rect_params.e0)[i];
        *r = default;
        r->left = rect.Left;
        r->top = rect.Top;
        r->width = rect.Width;
        r->height = rect.Height;
        r->border_width = borderWidth;
        r->border_color = border.ToNative();
        r->has_bg_color = fill.HasValue ? 1u : 0u;
        r->bg_color = fill.GetValueOrDefault().ToNative();
        return i;
    }

    /// <summary>Adds a line segment; returns its index.</summary>
    public int AddLine(uint x1, uint y1, uint x2, uint y2, OsdColor color, uint width = 2)
    {
        var i = Next(ref _p->num_lines, "lines");
        var l = &(&_p->line_params.e0)[i];
        l->x1 = x1;
        l->y1 = y1;
        l->x2 = x2;
        l->y2 = y2;
        l->line_width = width;
        l->line_color = color.ToNative();
        return i;
    }

    private static int Next(ref uint count, string what)
    {
        if (count >= Capacity)
        {
            throw new InvalidOperationException($"a display meta holds at most {Capacity} {what}; add another display meta to the frame");
        }

        return (int)count++;
    }

    private static void CheckIndex(int index, uint count)
    {
        if ((uint)index >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"only {count} in use");
        }
    }
}
