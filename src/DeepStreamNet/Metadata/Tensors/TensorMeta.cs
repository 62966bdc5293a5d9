using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>
/// Zero-copy view of an <c>NvDsInferTensorMeta</c> (pyds: <c>pyds.NvDsInferTensorMeta.cast(user_meta.user_meta_data)</c>):
/// the raw output layers of one inference unit (a frame for a primary, an object for a secondary), attached when the
/// inference element runs with <c>output-tensor-meta=1</c>. Valid inside the probe call only.
/// </summary>
public readonly unsafe ref struct TensorMeta
{
    private readonly NvDsInferTensorMeta* _p;

    /// <summary>Wraps a native tensor meta.</summary>
    public TensorMeta(NvDsInferTensorMeta* native) => _p = native;

    /// <summary>The native pointer.</summary>
    public NvDsInferTensorMeta* Native => _p;

    /// <summary>True for a null view.</summary>
    public bool IsNull => _p is null;

    /// <summary><c>unique_id</c>: the <c>gie-unique-id</c> of the element that produced it.</summary>
    public uint UniqueId => _p->unique_id;

    /// <summary><c>num_output_layers</c>.</summary>
    public int LayerCount => (int)_p->num_output_layers;

    /// <summary><c>network_info</c>: the network input size.</summary>
    public NvDsInferNetworkInfo NetworkInfo => _p->network_info;

    /// <summary><c>maintain_aspect_ratio</c> of the producer.</summary>
    public bool MaintainAspectRatio => _p->maintain_aspect_ratio;

    /// <summary>
    /// Output layer <paramref name="index"/> with its host buffer (pyds <c>get_nvds_LayerInfo</c>, without writing into
    /// the meta: the buffer comes from <c>out_buf_ptrs_host</c>).
    /// </summary>
    public TensorLayer Layer(int index)
    {
        if ((uint)index >= _p->num_output_layers)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"the tensor meta has {_p->num_output_layers} output layers");
        }

        var host = _p->out_buf_ptrs_host is null ? null : _p->out_buf_ptrs_host[index];
        return new TensorLayer(&_p->output_layers_info[index], host);
    }

    /// <summary>The output layer named <paramref name="name"/> (UTF-8), or a null view.</summary>
    public TensorLayer Layer(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < LayerCount; i++)
        {
            var layer = Layer(i);
            if (layer.NameEquals(name))
            {
                return layer;
            }
        }

        return default;
    }

    /// <summary>The tensor meta carried by <paramref name="meta"/> (type <c>NVDSINFER_TENSOR_OUTPUT_META</c>).</summary>
    public static bool TryFrom(UserMeta meta, out TensorMeta tensor)
    {
        tensor = meta.MetaType == NvDsMetaType.NVDSINFER_TENSOR_OUTPUT_META && meta.Data is not null
            ? new TensorMeta((NvDsInferTensorMeta*)meta.Data)
            : default;
        return !tensor.IsNull;
    }

    /// <summary>The first tensor meta in <paramref name="list"/> from the element with <c>gie-unique-id</c> <paramref name="uniqueId"/> (0 = any).</summary>
    public static TensorMeta Find(MetaList<UserMeta> list, uint uniqueId = 0)
    {
        foreach (var um in list)
        {
            if (TryFrom(um, out var t) && (uniqueId == 0 || t.UniqueId == uniqueId))
            {
                return t;
            }
        }

        return default;
    }
}
