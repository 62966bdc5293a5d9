namespace DeepStreamNet.Metadata;

/// <summary>
/// A zero-copy view over one element of an NvDs metadata list: lets <see cref="MetaList{TView}"/> hand out typed views of
/// the GList's <c>data</c> pointers without knowing the element type.
/// </summary>
/// <typeparam name="TView">The view type itself.</typeparam>
public unsafe interface IMetaView<TView>
    where TView : IMetaView<TView>, allows ref struct
{
    /// <summary>Wraps a list node's <c>data</c> pointer (an <c>NvDs…Meta*</c> of the view's type).</summary>
    static abstract TView FromData(void* data);
}
