namespace DeepStreamNet.Metadata;

/// <summary>
/// Reads the libstdc++ containers of nvdsanalytics' payloads in place (x86-64/aarch64, C++11 string ABI, the ABI
/// DeepStream 6.3 is built with; shared/spec/nvbufsurface-and-extra-meta.md §0, §4): <c>std::string</c> 32 bytes
/// (data pointer, length, …), <c>std::vector</c> 24 (begin, end, capacity), <c>std::unordered_map</c> 56 (buckets,
/// bucket count, first node, element count, …) whose nodes start with the next pointer, then the key/value pair.
/// </summary>
internal static unsafe class StdLayout
{
    public const int StringSize = 32;
    public const int MapFirstNode = 16;
    public const int MapCount = 24;
    public const int NodeValue = 8;

    /// <summary>The bytes of the <c>std::string</c> at <paramref name="s"/>.</summary>
    public static ReadOnlySpan<byte> String(byte* s) => new(*(byte**)s, checked((int)*(nuint*)(s + 8)));

    /// <summary>Element count of the <c>std::vector</c> at <paramref name="v"/> with elements of <paramref name="size"/> bytes.</summary>
    public static int VectorCount(byte* v, int size) => (int)((*(byte**)(v + 8) - *(byte**)v) / size);

    /// <summary>First element of the <c>std::vector</c> at <paramref name="v"/>.</summary>
    public static byte* VectorBegin(byte* v) => *(byte**)v;
}

/// <summary>A <c>std::unordered_map&lt;std::string, T&gt;</c> of an nvdsanalytics payload, read in place (iteration order is the map's).</summary>
public readonly unsafe ref struct AnalyticsCounts<T>
    where T : unmanaged
{
    private readonly byte* _map;

    internal AnalyticsCounts(byte* map) => _map = map;

    /// <summary>Number of entries.</summary>
    public int Count => (int)*(nuint*)(_map + StdLayout.MapCount);

    /// <summary>The value for <paramref name="label"/> (UTF-8), without allocating.</summary>
    public bool TryGetValue(ReadOnlySpan<byte> label, out T value)
    {
        foreach (var e in this)
        {
            if (e.LabelUtf8.SequenceEqual(label))
            {
                value = e.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>A copy as a dictionary (allocates; pyds gives such copies).</summary>
    public Dictionary<string, T> ToDictionary()
    {
        var d = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var e in this)
        {
            d[System.Text.Encoding.UTF8.GetString(e.LabelUtf8)] = e.Value;
        }

        return d;
    }

    /// <summary>Allocation-free enumerator.</summary>
    public Enumerator GetEnumerator() => new(*(byte**)(_map + StdLayout.MapFirstNode));

    /// <summary>One entry: the label and its value.</summary>
    public readonly ref struct Entry
    {
        private readonly byte* _node;

        internal Entry(byte* node) => _node = node;

        /// <summary>The key (UTF-8).</summary>
        public ReadOnlySpan<byte> LabelUtf8 => StdLayout.String(_node + StdLayout.NodeValue);

        /// <summary>The value (after the 32-byte key).</summary>
        public T Value => *(T*)(_node + StdLayout.NodeValue + StdLayout.StringSize);
    }

    /// <summary>Walks the node list.</summary>
    public ref struct Enumerator
    {
        private byte* _next;
        private byte* _current;

        internal Enumerator(byte* first) => _next = first;

        /// <summary>The current entry.</summary>
        public readonly Entry Current => new(_current);

        /// <summary>Advances.</summary>
        public bool MoveNext()
        {
            if (_next is null)
            {
                return false;
            }

            _current = _next;
            _next = *(byte**)_next;
            return true;
        }
    }
}

/// <summary>A <c>std::vector&lt;std::string&gt;</c> of an nvdsanalytics payload, read in place.</summary>
public readonly unsafe ref struct AnalyticsLabels
{
    private readonly byte* _vector;

    internal AnalyticsLabels(byte* vector) => _vector = vector;

    /// <summary>Number of labels.</summary>
    public int Count => StdLayout.VectorCount(_vector, StdLayout.StringSize);

    /// <summary>Label <paramref name="index"/> (UTF-8).</summary>
    public ReadOnlySpan<byte> this[int index] =>
        (uint)index < (uint)Count ? StdLayout.String(StdLayout.VectorBegin(_vector) + (index * StdLayout.StringSize)) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Whether <paramref name="label"/> (UTF-8) is present.</summary>
    public bool Contains(ReadOnlySpan<byte> label)
    {
        for (var i = 0; i < Count; i++)
        {
            if (this[i].SequenceEqual(label))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A copy as strings (allocates).</summary>
    public string[] ToArray()
    {
        var a = new string[Count];
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = System.Text.Encoding.UTF8.GetString(this[i]);
        }

        return a;
    }
}
