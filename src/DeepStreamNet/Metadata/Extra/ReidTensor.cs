using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>
/// The tracker's re-identification features of a batch (<c>NvDsReidTensorBatch</c>, batch user meta
/// <c>NVDS_TRACKER_BATCH_REID_META</c>); an object finds its vector through its <c>NVDS_TRACKER_OBJ_REID_META</c> index.
/// </summary>
public readonly unsafe ref struct ReidTensor
{
    private readonly NvDsReidTensorBatch* _p;

    /// <summary>Wraps a native payload.</summary>
    public ReidTensor(NvDsReidTensorBatch* native) => _p = native;

    /// <summary>True for a null view.</summary>
    public bool IsNull => _p is null;

    /// <summary><c>featureSize</c>: floats per vector.</summary>
    public int FeatureSize => (int)_p->featureSize;

    /// <summary><c>numFilled</c>: vectors present.</summary>
    public int Count => (int)_p->numFilled;

    /// <summary>Vector <paramref name="index"/> (host copy, zero-copy span).</summary>
    public ReadOnlySpan<float> Feature(int index) =>
        (uint)index < _p->numFilled
            ? new ReadOnlySpan<float>(_p->ptr_host + ((long)index * _p->featureSize), (int)_p->featureSize)
            : throw new ArgumentOutOfRangeException(nameof(index), index, $"the tensor holds {_p->numFilled} vectors");

    /// <summary>The feature of <paramref name="obj"/>, or an empty span when it has none.</summary>
    public ReadOnlySpan<float> FeatureOf(ObjectMeta obj)
    {
        var index = (int*)UserMetaPayload.Find(obj.UserMeta, NvDsMetaType.NVDS_TRACKER_OBJ_REID_META);
        return index is null || *index < 0 || *index >= Count ? default : Feature(*index);
    }

    /// <summary>The re-id tensor on <paramref name="batch"/>, or a null view.</summary>
    public static ReidTensor Find(BatchMeta batch) =>
        new((NvDsReidTensorBatch*)UserMetaPayload.Find(batch.UserMeta, NvDsMetaType.NVDS_TRACKER_BATCH_REID_META));
}
