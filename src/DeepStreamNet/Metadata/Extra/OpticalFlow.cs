using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>
/// Optical flow of a frame (<c>NvDsOpticalFlowMeta</c>, frame user meta <c>NVDS_OPTICAL_FLOW_META</c>; pyds
/// <c>NvDsOpticalFlowMeta.cast</c> / <c>get_optical_flow_vectors</c>): rows × cols raw fixed-point motion vectors.
/// </summary>
public readonly unsafe ref struct OpticalFlow
{
    private readonly NvDsOpticalFlowMeta* _p;

    /// <summary>Wraps a native payload.</summary>
    public OpticalFlow(NvDsOpticalFlowMeta* native) => _p = native;

    /// <summary>True for a null view.</summary>
    public bool IsNull => _p is null;

    /// <summary><c>rows</c>.</summary>
    public int Rows => (int)_p->rows;

    /// <summary><c>cols</c>.</summary>
    public int Cols => (int)_p->cols;

    /// <summary><c>frame_num</c>.</summary>
    public ulong FrameNumber => _p->frame_num;

    /// <summary>The vectors, row-major, zero-copy.</summary>
    public ReadOnlySpan<NvOFFlowVector> Vectors => new(_p->data, Rows * Cols);

    /// <summary>The vector of the block holding pixel (<paramref name="x"/>, <paramref name="y"/>) for <paramref name="blockSize"/>-pixel blocks.</summary>
    public NvOFFlowVector At(int x, int y, int blockSize = 4) => Vectors[((y / blockSize) * Cols) + (x / blockSize)];

    /// <summary>Copies the raw values as x, y pairs into <paramref name="destination"/> (2 × Rows × Cols floats; pyds <c>get_optical_flow_vectors</c>).</summary>
    public void CopyTo(Span<float> destination)
    {
        var v = Vectors;
        if (destination.Length < v.Length * 2)
        {
            throw new ArgumentException($"needs {v.Length * 2} floats, got {destination.Length}", nameof(destination));
        }

        for (var i = 0; i < v.Length; i++)
        {
            destination[2 * i] = v[i].flowx;
            destination[(2 * i) + 1] = v[i].flowy;
        }
    }

    /// <summary>The optical flow on <paramref name="frame"/>, or a null view.</summary>
    public static OpticalFlow Find(FrameMeta frame) =>
        new((NvDsOpticalFlowMeta*)UserMetaPayload.Find(frame.UserMeta, NvDsMetaType.NVDS_OPTICAL_FLOW_META));
}
