using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>Zero-copy view of one <c>NvDsClassifierMeta</c> (one secondary classifier's result on an object).</summary>
public readonly unsafe ref struct ClassifierMeta : IMetaView<ClassifierMeta>
{
    private readonly NvDsClassifierMeta* _p;

    /// <summary>Wraps a native classifier meta.</summary>
    public ClassifierMeta(NvDsClassifierMeta* native) => _p = native;

    /// <summary>The native pointer.</summary>
    public NvDsClassifierMeta* Native => _p;

    /// <inheritdoc/>
    static ClassifierMeta IMetaView<ClassifierMeta>.FromData(void* data) => new((NvDsClassifierMeta*)data);

    /// <summary>True for a null view.</summary>
    public bool IsNull => _p is null;

    /// <summary><c>num_labels</c>.</summary>
    public uint NumLabels => _p->num_labels;

    /// <summary><c>unique_component_id</c> of the classifier.</summary>
    public int UniqueComponentId => _p->unique_component_id;

    /// <summary><c>classifier_type</c> (may be null).</summary>
    public string? ClassifierType => NativeUtf8.ToStringOrNull(_p->classifier_type);

    /// <summary>The labels (<c>label_info_list</c>).</summary>
    public MetaList<LabelInfo> Labels => new(_p->label_info_list);
}
