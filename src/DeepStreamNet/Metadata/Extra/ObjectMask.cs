using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>
/// An object's instance mask (<c>NvDsObjectMeta.mask_params</c>, <c>NvOSD_MaskParams</c>): Width × Height floats over
/// the object's box; pixels above <see cref="Threshold"/> belong to the object.
/// </summary>
public readonly unsafe ref struct ObjectMask
{
    private readonly NvOSD_MaskParams* _p;

    internal ObjectMask(NvOSD_MaskParams* native) => _p = native;

    /// <summary>True when the object carries no mask.</summary>
    public bool IsEmpty => _p->data is null || _p->width == 0 || _p->height == 0;

    /// <summary><c>width</c>.</summary>
    public int Width => (int)_p->width;

    /// <summary><c>height</c>.</summary>
    public int Height => (int)_p->height;

    /// <summary><c>threshold</c>.</summary>
    public float Threshold => _p->threshold;

    /// <summary><c>data</c>, zero-copy (empty when there is no mask).</summary>
    public ReadOnlySpan<float> Data => IsEmpty ? default : new(_p->data, Width * Height);

    /// <summary>Whether mask cell (<paramref name="x"/>, <paramref name="y"/>) is inside the object.</summary>
    public bool Contains(int x, int y) => Data[(y * Width) + x] > Threshold;
}

/// <summary>Mask access on <see cref="ObjectMeta"/>.</summary>
public static unsafe class ObjectMaskExtensions
{
    /// <summary>The object's instance mask view.</summary>
    public static ObjectMask Mask(this ObjectMeta obj) => new(&obj.Native->mask_params);
}
