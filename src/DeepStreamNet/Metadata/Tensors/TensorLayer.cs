using System.Runtime.InteropServices;
using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>
/// One layer of a <see cref="TensorMeta"/> (<c>NvDsInferLayerInfo</c> + its host buffer): name, data type, dims
/// (batch axis excluded) and the data as a typed read-only span, zero-copy.
/// </summary>
public readonly unsafe ref struct TensorLayer
{
    private readonly NvDsInferLayerInfo* _p;
    private readonly void* _host;

    internal TensorLayer(NvDsInferLayerInfo* native, void* host)
    {
        _p = native;
        _host = host;
    }

    /// <summary>The native layer info.</summary>
    public NvDsInferLayerInfo* Native => _p;

    /// <summary>True for a null view (e.g. a layer name that was not found).</summary>
    public bool IsNull => _p is null;

    /// <summary><c>layerName</c> as UTF-8 bytes.</summary>
    public ReadOnlySpan<byte> NameUtf8 => NativeUtf8.Span(_p->layerName);

    /// <summary><c>layerName</c> (allocates a string).</summary>
    public string Name => NativeUtf8.ToStringOrNull(_p->layerName) ?? string.Empty;

    /// <summary>Whether the layer is named <paramref name="name"/> (UTF-8), without allocating.</summary>
    public bool NameEquals(ReadOnlySpan<byte> name) => NameUtf8.SequenceEqual(name);

    /// <summary><c>dataType</c>.</summary>
    public NvDsInferDataType DataType => _p->dataType;

    /// <summary><c>inferDims.d[0..numDims)</c>, outermost first, batch axis excluded.</summary>
    public ReadOnlySpan<uint> Dims => new(_p->inferDims.d, (int)Math.Min(_p->inferDims.numDims, 8));

    /// <summary><c>inferDims.numElements</c>.</summary>
    public int ElementCount => (int)_p->inferDims.numElements;

    /// <summary><c>bindingIndex</c>.</summary>
    public int BindingIndex => _p->bindingIndex;

    /// <summary>The host buffer's address (<c>out_buf_ptrs_host[i]</c>; null when the producer kept none).</summary>
    public void* HostBuffer => _host;

    /// <summary>Bytes per element of <see cref="DataType"/> (0 for an unknown type).</summary>
    public int ElementSize => DataType switch
    {
        NvDsInferDataType.FLOAT or NvDsInferDataType.INT32 => 4,
        NvDsInferDataType.HALF => 2,
        NvDsInferDataType.INT8 => 1,
        _ => 0,
    };

    /// <summary>The data as <typeparamref name="T"/>, zero-copy (pyds <c>get_detections(layer.buffer, i)</c> for every i).</summary>
    /// <exception cref="InvalidOperationException">No host buffer, or <typeparamref name="T"/> does not match <see cref="DataType"/>.</exception>
    public ReadOnlySpan<T> Data<T>()
        where T : unmanaged
    {
        if (_host is null)
        {
            throw new InvalidOperationException($"layer '{Name}' has no host buffer (out_buf_ptrs_host is null)");
        }

        var expected = DataType switch
        {
            NvDsInferDataType.FLOAT => typeof(float),
            NvDsInferDataType.HALF => typeof(Half),
            NvDsInferDataType.INT8 => typeof(sbyte),
            NvDsInferDataType.INT32 => typeof(int),
            _ => null,
        };
        if (typeof(T) != expected && typeof(T) != typeof(byte))
        {
            throw new InvalidOperationException($"layer '{Name}' holds {DataType}, not {typeof(T).Name}");
        }

        var count = typeof(T) == typeof(byte) ? ElementCount * ElementSize : ElementCount;
        return new ReadOnlySpan<T>(_host, count);
    }

    /// <summary>The float32 data (the common case), zero-copy.</summary>
    public ReadOnlySpan<float> AsFloats() => Data<float>();

    /// <summary>The raw bytes.</summary>
    public ReadOnlySpan<byte> AsBytes() => MemoryMarshal.AsBytes(Data<byte>());
}
