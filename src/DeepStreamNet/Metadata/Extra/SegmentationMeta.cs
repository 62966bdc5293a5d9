using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>
/// Semantic segmentation output (<c>NvDsInferSegmentationMeta</c>, frame user meta <c>NVDSINFER_SEGMENTATION_META</c>;
/// pyds <c>get_segmentation_masks</c> without the copy): the class map and per-class probabilities, zero-copy.
/// </summary>
public readonly unsafe ref struct SegmentationMeta
{
    private readonly NvDsInferSegmentationMeta* _p;

    /// <summary>Wraps a native payload.</summary>
    public SegmentationMeta(NvDsInferSegmentationMeta* native) => _p = native;

    /// <summary>True for a null view.</summary>
    public bool IsNull => _p is null;

    /// <summary><c>classes</c>.</summary>
    public int Classes => (int)_p->classes;

    /// <summary><c>width</c> of the map.</summary>
    public int Width => (int)_p->width;

    /// <summary><c>height</c> of the map.</summary>
    public int Height => (int)_p->height;

    /// <summary><c>unique_id</c> of the producer.</summary>
    public int UniqueId => _p->unique_id;

    /// <summary><c>class_map</c>: Width × Height class indices (−1 = none), index y · Width + x.</summary>
    public ReadOnlySpan<int> ClassMap => new(_p->class_map, Width * Height);

    /// <summary><c>class_probabilities_map</c> (Classes × Height × Width), empty when absent.</summary>
    public ReadOnlySpan<float> Probabilities => _p->class_probabilities_map is null ? default : new(_p->class_probabilities_map, Classes * Width * Height);

    /// <summary>The class at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public int ClassAt(int x, int y) => ClassMap[(y * Width) + x];

    /// <summary>The segmentation meta on <paramref name="frame"/>, or a null view.</summary>
    public static SegmentationMeta Find(FrameMeta frame) =>
        new((NvDsInferSegmentationMeta*)UserMetaPayload.Find(frame.UserMeta, NvDsMetaType.NVDSINFER_SEGMENTATION_META));
}
