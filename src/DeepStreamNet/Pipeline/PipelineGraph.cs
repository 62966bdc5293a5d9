namespace DeepStreamNet.Pipeline;

/// <summary>
/// A backend-neutral description of a pipeline: named elements with factories and typed properties, links with
/// pads and caps filters, plus what the host must do around it (run options, GIE styling, RTSP servers).
/// </summary>
public sealed class PipelineGraph
{
    private readonly List<GraphElement> _elements = [];
    private readonly List<GraphLink> _links = [];
    private readonly List<GraphSource> _sources = [];
    private readonly Dictionary<string, GraphElement> _byName = new(StringComparer.Ordinal);

    public PipelineGraph(PipelineBackend backend, TargetPlatform platform)
    {
        Backend = backend;
        Platform = platform;
    }

    /// <summary>DeepStream or Portable (never Auto).</summary>
    public PipelineBackend Backend { get; }

    public TargetPlatform Platform { get; }

    public IReadOnlyList<GraphElement> Elements => _elements;

    public IReadOnlyList<GraphLink> Links => _links;

    /// <summary>The source instances, by muxer input index.</summary>
    public IReadOnlyList<GraphSource> Sources => _sources;

    public RunOptions RunOptions { get; set; } = new();

    public List<GieStyle> GieStyles { get; } = [];

    /// <summary>Label text styling from <c>[osd]</c> (used when the host rebuilds label text).</summary>
    public LabelStyle LabelStyle { get; set; } = new(null, 0, default, null, 0);

    public List<RtspServerSpec> RtspServers { get; } = [];

    /// <summary>Properties the runner sets on elements that appear at run time inside source bins (decoders, rtspsrc).</summary>
    public List<ChildSetting> ChildSettings { get; } = [];

    /// <summary>Type-6 sinks left to the host on the portable runtime.</summary>
    public List<MessageSinkSpec> MessageSinks { get; } = [];

    /// <summary>Files the graph names that the runner writes just before it creates the elements.</summary>
    public List<DerivedFile> DerivedFiles { get; } = [];

    /// <summary>Sources added and removed while playing (portable backend), or null.</summary>
    public RuntimeSourceSpec? RuntimeSources { get; set; }

    /// <summary>Element by name (throws when absent).</summary>
    public GraphElement this[string name] => _byName[name];

    public GraphElement? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Elements of a role, in order.</summary>
    public IEnumerable<GraphElement> WithRole(ElementRole role) => _elements.Where(e => e.Role == role);

    /// <summary>The first element of a role, or null.</summary>
    public GraphElement? FirstWithRole(ElementRole role) => _elements.FirstOrDefault(e => e.Role == role);

    /// <summary>The source whose bin holds element <paramref name="name"/>, or null.</summary>
    public GraphSource? SourceOf(string name) => _sources.FirstOrDefault(s => s.Elements.Contains(name));

    /// <summary>Adds a source instance (its elements are already in the graph).</summary>
    public void AddSource(GraphSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _sources.Add(source);
    }

    /// <summary>Elements of a factory, in order.</summary>
    public IEnumerable<GraphElement> OfFactory(string factory) => _elements.Where(e => e.Factory == factory);

    public GraphElement Add(string name, string factory, ElementRole role = ElementRole.None)
    {
        if (_byName.ContainsKey(name))
        {
            throw new InvalidOperationException($"element name '{name}' is used twice");
        }

        var e = new GraphElement(name, factory) { Role = role };
        _elements.Add(e);
        _byName.Add(name, e);
        return e;
    }

    /// <summary>Takes an element and its links out of the graph.</summary>
    public void Remove(string name)
    {
        if (_byName.Remove(name, out var e))
        {
            _elements.Remove(e);
            _links.RemoveAll(l => l.From == name || l.To == name);
        }
    }

    public void Link(string from, string to, string? fromPad = null, string? toPad = null, string? caps = null) =>
        Add(new GraphLink(from, fromPad, to, toPad, caps));

    /// <summary>Adds a link built by the caller (run-time RTP depayloading).</summary>
    public void Add(GraphLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!_byName.ContainsKey(link.From) || !_byName.ContainsKey(link.To))
        {
            throw new InvalidOperationException($"link {link.From} -> {link.To} names an unknown element");
        }

        _links.Add(link);
    }

    /// <summary>Links a chain of elements in order with default pads.</summary>
    public void Chain(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        for (var i = 1; i < names.Length; i++)
        {
            Link(names[i - 1], names[i]);
        }
    }

    /// <summary>Elements directly downstream of <paramref name="name"/>.</summary>
    public IEnumerable<GraphElement> Downstream(string name) => _links.Where(l => l.From == name).Select(l => _byName[l.To]);
}
