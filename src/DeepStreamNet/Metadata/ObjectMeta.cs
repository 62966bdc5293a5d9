using System.Text;
using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>Zero-copy view of one <c>NvDsObjectMeta</c> (a detected, possibly tracked and classified object).</summary>
public readonly unsafe ref struct ObjectMeta : IMetaView<ObjectMeta>
{
    private readonly NvDsObjectMeta* _p;

    /// <summary>Wraps a native object meta.</summary>
    public ObjectMeta(NvDsObjectMeta* native) => _p = native;

    /// <summary>The native pointer.</summary>
    public NvDsObjectMeta* Native => _p;

    /// <inheritdoc/>
    static ObjectMeta IMetaView<ObjectMeta>.FromData(void* data) => new((NvDsObjectMeta*)data);

    /// <summary>True for a null view (e.g. <see cref="Parent"/> of a top-level object).</summary>
    public bool IsNull => _p is null;

    /// <summary><c>class_id</c>.</summary>
    public int ClassId => _p->class_id;

    /// <summary><c>unique_component_id</c>: the gie-unique-id of the element that made it.</summary>
    public int UniqueComponentId => _p->unique_component_id;

    /// <summary><c>confidence</c> of the detector (−0.1 or lower when unknown, e.g. a tracker-only object).</summary>
    public float Confidence => _p->confidence;

    /// <summary><c>obj_label</c> as UTF-8 bytes, without copying.</summary>
    public ReadOnlySpan<byte> LabelUtf8 => NativeUtf8.Fixed(_p->obj_label, NvDs.MAX_LABEL_SIZE);

    /// <summary><c>obj_label</c> as a managed string (allocates: prefer <see cref="LabelUtf8"/> or <see cref="LabelEquals"/> in hot paths).</summary>
    public string Label => Encoding.UTF8.GetString(LabelUtf8);

    /// <summary>Compares the label with UTF-8 bytes without allocating: <c>obj.LabelEquals("no-mask"u8)</c>.</summary>
    public bool LabelEquals(ReadOnlySpan<byte> utf8) =>
        utf8.Length < NvDs.MAX_LABEL_SIZE && _p->obj_label[utf8.Length] == 0 &&
        new ReadOnlySpan<byte>(_p->obj_label, utf8.Length).SequenceEqual(utf8); // like strcmp: no scan of the whole array

    /// <summary><c>rect_params</c> left/top/width/height: the box the OSD draws (pixels of the muxer frame).</summary>
    public RectF Rect
    {
        get => new(_p->rect_params.left, _p->rect_params.top, _p->rect_params.width, _p->rect_params.height);
        set
        {
            _p->rect_params.left = value.Left;
            _p->rect_params.top = value.Top;
            _p->rect_params.width = value.Width;
            _p->rect_params.height = value.Height;
        }
    }

    /// <summary><c>detector_bbox_info.org_bbox_coords</c>: the detector's own box.</summary>
    public RectF DetectorBox => ToRect(_p->detector_bbox_info.org_bbox_coords);

    /// <summary><c>tracker_bbox_info.org_bbox_coords</c>: the tracker's box (zero when untracked).</summary>
    public RectF TrackerBox => ToRect(_p->tracker_bbox_info.org_bbox_coords);

    /// <summary><c>tracker_confidence</c>.</summary>
    public float TrackerConfidence => _p->tracker_confidence;

    /// <summary>Whether a tracker assigned an id (<c>object_id != UNTRACKED_OBJECT_ID</c>).</summary>
    public bool IsTracked => _p->object_id != NvDs.UNTRACKED_OBJECT_ID;

    /// <summary><c>object_id</c> when tracked, else null.</summary>
    public ulong? TrackerId => IsTracked ? _p->object_id : null;

    /// <summary>The raw <c>object_id</c> (UNTRACKED_OBJECT_ID = ulong.MaxValue when untracked).</summary>
    public ulong ObjectId => _p->object_id;

    /// <summary>The parent object (secondary detections), or a null view.</summary>
    public ObjectMeta Parent => new(_p->parent);

    /// <summary>Classifier results (<c>classifier_meta_list</c>).</summary>
    public MetaList<ClassifierMeta> Classifiers => new(_p->classifier_meta_list);

    /// <summary>Object user meta (<c>obj_user_meta_list</c>).</summary>
    public MetaList<UserMeta> UserMeta => new(_p->obj_user_meta_list);

    /// <summary>The OSD label text (<c>text_params.display_text</c>) as UTF-8 bytes (empty when none).</summary>
    public ReadOnlySpan<byte> DisplayTextUtf8 => NativeUtf8.Span(_p->text_params.display_text);

    /// <summary>The OSD label text, or null when none.</summary>
    public string? DisplayText => NativeUtf8.ToStringOrNull(_p->text_params.display_text);

    /// <summary>Border colour of the OSD rectangle.</summary>
    public OsdColor BorderColor
    {
        get => OsdColor.From(_p->rect_params.border_color);
        set => _p->rect_params.border_color = value.ToNative();
    }

    /// <summary>Border width of the OSD rectangle in pixels.</summary>
    public uint BorderWidth
    {
        get => _p->rect_params.border_width;
        set => _p->rect_params.border_width = value;
    }

    /// <summary>Fill colour of the OSD rectangle, or null when it has none; setting null removes the fill.</summary>
    public OsdColor? BackgroundColor
    {
        get => _p->rect_params.has_bg_color != 0 ? OsdColor.From(_p->rect_params.bg_color) : null;
        set
        {
            _p->rect_params.has_bg_color = value.HasValue ? 1u : 0u;
            _p->rect_params.bg_color = value.GetValueOrDefault().ToNative();
        }
    }

    /// <summary>Colour of the OSD label text.</summary>
    public OsdColor TextColor
    {
        get => OsdColor.From(_p->text_params.font_params.font_color);
        set => _p->text_params.font_params.font_color = value.ToNative();
    }

    /// <summary>
    /// Sets the label: <c>obj_label</c> (truncated to 127 bytes) and the OSD text <c>text_params.display_text</c>
    /// (the old text is g_free'd, the new one g_strdup'ed: the metadata owns it and frees it on release).
    /// </summary>
    public void SetLabel(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        NativeUtf8.WriteFixed(_p->obj_label, NvDs.MAX_LABEL_SIZE, label);
        SetDisplayText(label);
    }

    /// <summary>Replaces only the OSD text (<c>text_params.display_text</c>; null clears it).</summary>
    public void SetDisplayText(string? text)
    {
        var old = _p->text_params.display_text;
        _p->text_params.display_text = text is null ? null : NativeUtf8.GStrdup(text);
        if (old is not null)
        {
            GLib.g_free(old);
        }
    }

    /// <summary>Attaches a managed payload as object user meta (see <see cref="ManagedUserMeta"/>).</summary>
    public void AddUserMeta(object payload, string descriptor = ManagedUserMeta.DefaultDescriptor)
    {
        var um = ManagedUserMeta.Acquire(_p->base_meta.batch_meta, payload, descriptor);
        NvDs.nvds_add_user_meta_to_obj(_p, um);
    }

    private static RectF ToRect(in NvBbox_Coords c) => new(c.left, c.top, c.width, c.height);
}
