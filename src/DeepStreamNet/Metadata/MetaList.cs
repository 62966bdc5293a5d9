using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>
/// An NvDs metadata list (a GList whose <c>data</c> are <c>NvDs…Meta*</c>), e.g. <c>batch.Frames</c>,
/// <c>frame.Objects</c>, <c>object.Classifiers</c>. Zero-copy and allocation-free: <c>foreach</c> walks the GList in
/// place. The next node is read before the current item is handed out, so removing the current item inside the loop
/// is safe (as in pyds loops).
/// </summary>
/// <typeparam name="TView">The view of one element (<see cref="FrameMeta"/>, <see cref="ObjectMeta"/>, …).</typeparam>
public readonly unsafe ref struct MetaList<TView>
    where TView : IMetaView<TView>, allows ref struct
{
    private readonly GList* _head;

    internal MetaList(GList* head) => _head = head;

    /// <summary>Whether the list is empty.</summary>
    public bool IsEmpty => _head is null;

    /// <summary>Number of items (walks the list).</summary>
    public int Count
    {
        get
        {
            var n = 0;
            for (var l = _head; l is not null; l = l->next)
            {
                n++;
            }

            return n;
        }
    }

    /// <summary>The first item, or a null view when the list is empty.</summary>
    public TView First => TView.FromData(_head is null ? null : _head->data);

    /// <summary>Starts a walk.</summary>
    public Enumerator GetEnumerator() => new(_head);

    /// <summary>Allocation-free enumerator over the list.</summary>
    public ref struct Enumerator
    {
        private GList* _next;
        private void* _current;

        internal Enumerator(GList* head) => _next = head;

        /// <summary>The item at the cursor.</summary>
        public readonly TView Current => TView.FromData(_current);

        /// <summary>Advances (reads the next link first, so the current item may be removed).</summary>
        public bool MoveNext()
        {
            if (_next is null)
            {
                return false;
            }

            _current = _next->data;
            _next = _next->next;
            return true;
        }
    }
}
