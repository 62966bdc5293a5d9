using System.Text;
using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>Zero-copy view of one <c>NvDsLabelInfo</c>.</summary>
public readonly unsafe ref struct LabelInfo : IMetaView<LabelInfo>
{
    private readonly NvDsLabelInfo* _p;

    /// <summary>Wraps a native label info.</summary>
    public LabelInfo(NvDsLabelInfo* native) => _p = native;

    /// <summary>The native pointer.</summary>
    public NvDsLabelInfo* Native => _p;

    /// <inheritdoc/>
    static LabelInfo IMetaView<LabelInfo>.FromData(void* data) => new((NvDsLabelInfo*)data);

    /// <summary>True for a null view.</summary>
    public bool IsNull => _p is null;

    /// <summary>The label bytes: <c>pResult_label</c> when set (long labels), else <c>result_label</c>.</summary>
    public ReadOnlySpan<byte> LabelUtf8 => _p->pResult_label is not null
        ? NativeUtf8.Span(_p->pResult_label)
        : NativeUtf8.Fixed(_p->result_label, NvDs.MAX_LABEL_SIZE);

    /// <summary>The label as a managed string (allocates).</summary>
    public string Label => Encoding.UTF8.GetString(LabelUtf8);

    /// <summary><c>result_class_id</c>.</summary>
    public uint ClassId => _p->result_class_id;

    /// <summary><c>label_id</c>.</summary>
    public uint LabelId => _p->label_id;

    /// <summary><c>result_prob</c>.</summary>
    public float Probability => _p->result_prob;

    /// <summary><c>num_classes</c>.</summary>
    public uint NumClasses => _p->num_classes;
}
