namespace DeepStreamNet.Pipeline;

/// <summary>One element of a pipeline graph: unique name, factory and properties in the order they are set.</summary>
public sealed class GraphElement
{
    private readonly List<KeyValuePair<string, GraphValue>> _properties = [];

    public GraphElement(string name, string factory)
    {
        Name = name;
        Factory = factory;
    }

    public string Name { get; }

    public string Factory { get; }

    /// <summary>Properties in setting order.</summary>
    public IReadOnlyList<KeyValuePair<string, GraphValue>> Properties => _properties;

    /// <summary>What the element is for (the runner finds elements by role).</summary>
    public ElementRole Role { get; set; }

    /// <summary>Short note shown by the renderers (why the element is there, run-time choices).</summary>
    public string? Note { get; set; }

    /// <summary>Sets (or replaces) a property, keeping the first setting position.</summary>
    public GraphElement Set(string property, GraphValue value)
    {
        var i = _properties.FindIndex(p => p.Key == property);
        if (i >= 0)
        {
            _properties[i] = new(property, value);
        }
        else
        {
            _properties.Add(new(property, value));
        }

        return this;
    }

    public GraphElement Set(string property, int value) => Set(property, GraphValue.Of(value));

    public GraphElement Set(string property, bool value) => Set(property, GraphValue.Of(value));

    public GraphElement Set(string property, string value) => Set(property, GraphValue.Of(value));

    /// <summary>
    /// Properties the config names directly (raw keys copied onto the element): on DeepStream a missing one fails the
    /// build; any other missing property is a warning, as deepstream-app's <c>g_object_set</c> only warns.
    /// </summary>
    public ISet<string> ExplicitProperties { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Sets a property the config asked for by name (see <see cref="ExplicitProperties"/>).</summary>
    public GraphElement SetExplicit(string property, GraphValue value)
    {
        ExplicitProperties.Add(property);
        return Set(property, value);
    }

    /// <summary>The value of a property, or null.</summary>
    public GraphValue? Get(string property) => _properties.FirstOrDefault(p => p.Key == property).Value;

    public override string ToString() => $"{Name} ({Factory})";
}
