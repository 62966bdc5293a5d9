using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata.Events;

/// <summary>The event metas of a frame's user meta list: an allocation-free walk that skips other user metas.</summary>
public readonly unsafe ref struct EventMsgMetaList
{
    private readonly GList* _head;

    internal EventMsgMetaList(GList* head) => _head = head;

    /// <summary>Number of event metas (walks the list).</summary>
    public int Count
    {
        get
        {
            var n = 0;
            foreach (var unused in this)
            {
                n++;
            }

            return n;
        }
    }

    /// <summary>Starts a walk.</summary>
    public Enumerator GetEnumerator() => new(_head);

    /// <summary>Allocation-free enumerator.</summary>
    public ref struct Enumerator
    {
        private GList* _next;
        private NvDsEventMsgMeta* _current;

        internal Enumerator(GList* head) => _next = head;

        /// <summary>The event meta at the cursor.</summary>
        public readonly EventMsgMeta Current => new(_current);

        /// <summary>Advances to the next user meta of type <c>NVDS_EVENT_MSG_META</c>.</summary>
        public bool MoveNext()
        {
            while (_next is not null)
            {
                var um = (NvDsUserMeta*)_next->data;
                _next = _next->next;
                if (um is not null && um->base_meta.meta_type == NvDsMetaType.NVDS_EVENT_MSG_META && um->user_meta_data is not null)
                {
                    _current = (NvDsEventMsgMeta*)um->user_meta_data;
                    return true;
                }
            }

            return false;
        }
    }
}
