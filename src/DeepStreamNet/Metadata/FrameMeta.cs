using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>Zero-copy view of one <c>NvDsFrameMeta</c> (one source's frame inside a batch).</summary>
public readonly unsafe ref struct FrameMeta : IMetaView<FrameMeta>
{
    private readonly NvDsFrameMeta* _p;

    /// <summary>Wraps a native frame meta.</summary>
    public FrameMeta(NvDsFrameMeta* native) => _p = native;

    /// <summary>The native pointer.</summary>
    public NvDsFrameMeta* Native => _p;

    /// <inheritdoc/>
    static FrameMeta IMetaView<FrameMeta>.FromData(void* data) => new((NvDsFrameMeta*)data);

    /// <summary>True for a null view.</summary>
    public bool IsNull => _p is null;

    /// <summary><c>source_id</c>: the source this frame came from.</summary>
    public uint SourceId => _p->source_id;

    /// <summary><c>pad_index</c>: the muxer sink pad it entered through.</summary>
    public uint PadIndex => _p->pad_index;

    /// <summary><c>batch_id</c>: the slot of the batched buffer holding its pixels.</summary>
    public uint BatchId => _p->batch_id;

    /// <summary><c>frame_num</c>: per-source frame counter.</summary>
    public int FrameNumber => _p->frame_num;

    /// <summary><c>buf_pts</c>: presentation time in nanoseconds.</summary>
    public ulong Pts => _p->buf_pts;

    /// <summary><c>ntp_timestamp</c>: wall-clock capture time in nanoseconds since the epoch (0 if unknown).</summary>
    public ulong NtpTimestamp => _p->ntp_timestamp;

    /// <summary><c>source_frame_width</c>: the source's own width before muxing.</summary>
    public uint SourceWidth => _p->source_frame_width;

    /// <summary><c>source_frame_height</c>.</summary>
    public uint SourceHeight => _p->source_frame_height;

    /// <summary><c>pipeline_width</c>: the muxer output width (the object coordinates' frame).</summary>
    public uint PipelineWidth => _p->pipeline_width;

    /// <summary><c>pipeline_height</c>.</summary>
    public uint PipelineHeight => _p->pipeline_height;

    /// <summary><c>num_obj_meta</c>.</summary>
    public uint NumObjects => _p->num_obj_meta;

    /// <summary><c>bInferDone</c>: whether primary inference ran on this frame.</summary>
    public bool InferDone => _p->bInferDone;

    /// <summary>The objects (<c>obj_meta_list</c>).</summary>
    public MetaList<ObjectMeta> Objects => new(_p->obj_meta_list);

    /// <summary>The display metas (<c>display_meta_list</c>).</summary>
    public MetaList<DisplayMeta> DisplayMetas => new(_p->display_meta_list);

    /// <summary>Frame user meta (<c>frame_user_meta_list</c>).</summary>
    public MetaList<UserMeta> UserMeta => new(_p->frame_user_meta_list);

    /// <summary>The batch this frame belongs to.</summary>
    public BatchMeta Batch => new(_p->base_meta.batch_meta);

    /// <summary>
    /// Removes <paramref name="obj"/> from this frame (<c>nvds_remove_obj_meta_from_frame</c>; the object goes back to
    /// the pool, its view is invalid afterwards). Safe inside a <c>foreach</c> over <see cref="Objects"/>.
    /// </summary>
    public void RemoveObject(ObjectMeta obj)
    {
        ArgumentNullException.ThrowIfNull(obj.Native, nameof(obj));
        NvDs.nvds_remove_obj_meta_from_frame(_p, obj.Native);
    }

    /// <summary>
    /// Acquires an empty display meta from the batch pool and adds it to this frame (pyds:
    /// <c>nvds_acquire_display_meta_from_pool</c> + <c>nvds_add_display_meta_to_frame</c>). Fill it in the same probe call.
    /// </summary>
    public DisplayMeta AddDisplayMeta()
    {
        var batch = _p->base_meta.batch_meta;
        var d = NvDs.nvds_acquire_display_meta_from_pool(batch);
        if (d is null)
        {
            throw new InvalidOperationException("the batch meta's display meta pool is exhausted");
        }

        NvDs.nvds_add_display_meta_to_frame(_p, d);
        return new DisplayMeta(d);
    }

    /// <summary>Attaches a managed payload as frame user meta (see <see cref="ManagedUserMeta"/>).</summary>
    public void AddUserMeta(object payload, string descriptor = ManagedUserMeta.DefaultDescriptor)
    {
        var um = ManagedUserMeta.Acquire(_p->base_meta.batch_meta, payload, descriptor);
        NvDs.nvds_add_user_meta_to_frame(_p, um);
    }
}
