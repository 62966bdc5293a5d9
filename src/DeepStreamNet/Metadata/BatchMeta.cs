using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>
/// Zero-copy view of a buffer's <c>NvDsBatchMeta</c> (pyds: <c>pyds.gst_buffer_get_nvds_batch_meta(hash(buf))</c>).
/// Valid only while the buffer is alive — inside the probe call; never store it (it is a ref struct for that reason).
/// </summary>
public readonly unsafe ref struct BatchMeta
{
    private readonly NvDsBatchMeta* _p;

    /// <summary>Wraps a native batch meta (may be null).</summary>
    public BatchMeta(NvDsBatchMeta* native) => _p = native;

    /// <summary>The batch meta of <paramref name="buffer"/>, or a null view when it carries none.</summary>
    public static BatchMeta FromBuffer(GstBuffer* buffer) =>
        new(buffer is null ? null : NvDs.gst_buffer_get_nvds_batch_meta(buffer));

    /// <summary>The native pointer.</summary>
    public NvDsBatchMeta* Native => _p;

    /// <summary>True when there is no batch meta (the buffer did not come through a stream muxer).</summary>
    public bool IsNull => _p is null;

    /// <summary><c>num_frames_in_batch</c>.</summary>
    public uint NumFrames => _p->num_frames_in_batch;

    /// <summary><c>max_frames_in_batch</c> (the muxer's batch-size).</summary>
    public uint MaxFrames => _p->max_frames_in_batch;

    /// <summary>The frames (<c>frame_meta_list</c>).</summary>
    public MetaList<FrameMeta> Frames => new(_p->frame_meta_list);

    /// <summary>Batch-level user meta (<c>batch_user_meta_list</c>).</summary>
    public MetaList<UserMeta> UserMeta => new(_p->batch_user_meta_list);

    /// <summary>Takes the batch meta lock (<c>nvds_acquire_meta_lock</c>); dispose the result to release it.</summary>
    public BatchMetaLock Lock()
    {
        NvDs.nvds_acquire_meta_lock(_p);
        return new BatchMetaLock(_p);
    }

    /// <summary>Attaches a managed payload as batch user meta (see <see cref="ManagedUserMeta"/>).</summary>
    public void AddUserMeta(object payload, string descriptor = ManagedUserMeta.DefaultDescriptor)
    {
        var um = ManagedUserMeta.Acquire(_p, payload, descriptor);
        NvDs.nvds_add_user_meta_to_batch(_p, um);
    }
}
