using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>
/// Tracker past-frame data of a batch (<c>NvDsPastFrameObjBatch</c>, batch user meta <c>NVDS_TRACKER_PAST_FRAME_META</c>;
/// pyds <c>NvDsPastFrameObjBatch.cast</c> + <c>.list()</c>): per stream, per target, the observations the tracker
/// reports late. Zero-copy; valid inside the probe call.
/// </summary>
public readonly unsafe ref struct PastFrameBatch
{
    private readonly NvDsPastFrameObjBatch* _p;

    /// <summary>Wraps a native payload.</summary>
    public PastFrameBatch(NvDsPastFrameObjBatch* native) => _p = native;

    /// <summary>The native pointer.</summary>
    public NvDsPastFrameObjBatch* Native => _p;

    /// <summary>True for a null view.</summary>
    public bool IsNull => _p is null;

    /// <summary><c>numFilled</c>: streams present.</summary>
    public int StreamCount => (int)_p->numFilled;

    /// <summary>Stream <paramref name="index"/> (0 … StreamCount − 1).</summary>
    public PastFrameSource Stream(int index) =>
        (uint)index < _p->numFilled ? new PastFrameSource(&_p->list[index]) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The past-frame data on <paramref name="batch"/>, or a null view.</summary>
    public static PastFrameBatch Find(BatchMeta batch) =>
        new((NvDsPastFrameObjBatch*)UserMetaPayload.Find(batch.UserMeta, NvDsMetaType.NVDS_TRACKER_PAST_FRAME_META));
}

/// <summary>One stream of <see cref="PastFrameBatch"/> (<c>NvDsPastFrameObjStream</c>).</summary>
public readonly unsafe ref struct PastFrameSource
{
    private readonly NvDsPastFrameObjStream* _p;

    internal PastFrameSource(NvDsPastFrameObjStream* native) => _p = native;

    /// <summary><c>streamID</c> (the frame's <c>pad_index</c>).</summary>
    public uint StreamId => _p->streamID;

    /// <summary><c>surfaceStreamID</c>.</summary>
    public ulong SurfaceStreamId => _p->surfaceStreamID;

    /// <summary><c>numFilled</c>: targets present.</summary>
    public int TargetCount => (int)_p->numFilled;

    /// <summary>Target <paramref name="index"/>.</summary>
    public PastFrameTarget Target(int index) =>
        (uint)index < _p->numFilled ? new PastFrameTarget(&_p->list[index]) : throw new ArgumentOutOfRangeException(nameof(index));
}

/// <summary>One tracked target's past observations (<c>NvDsPastFrameObjList</c>).</summary>
public readonly unsafe ref struct PastFrameTarget
{
    private readonly NvDsPastFrameObjList* _p;

    internal PastFrameTarget(NvDsPastFrameObjList* native) => _p = native;

    /// <summary><c>uniqueId</c>: the tracking id (same space as <see cref="ObjectMeta.ObjectId"/>).</summary>
    public ulong TrackId => _p->uniqueId;

    /// <summary><c>classId</c>.</summary>
    public int ClassId => _p->classId;

    /// <summary><c>objLabel</c> as UTF-8.</summary>
    public ReadOnlySpan<byte> LabelUtf8 => NativeUtf8.Fixed(_p->objLabel, NvDs.MAX_LABEL_SIZE);

    /// <summary>The observations (<c>frameNum</c>, <c>tBbox</c>, <c>confidence</c>, <c>age</c>), zero-copy.</summary>
    public ReadOnlySpan<NvDsPastFrameObj> Observations => new(_p->list, (int)_p->numObj);
}
