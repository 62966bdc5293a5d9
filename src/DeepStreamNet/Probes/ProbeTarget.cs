using DeepStreamNet.Runner;

namespace DeepStreamNet.Probes;

/// <summary>Where a DI-registered probe goes: an attach point, or an element name + pad name.</summary>
public readonly record struct ProbeTarget
{
    private ProbeTarget(ProbeAttachPoint? point, string? element, string? pad)
    {
        Point = point;
        Element = element;
        Pad = pad;
    }

    /// <summary>The attach point, when given as one.</summary>
    public ProbeAttachPoint? Point { get; }

    /// <summary>The element name, when given as element + pad.</summary>
    public string? Element { get; }

    /// <summary>The pad name, when given as element + pad.</summary>
    public string? Pad { get; }

    /// <summary>At an attach point.</summary>
    public static ProbeTarget At(ProbeAttachPoint point) => new(point, null, null);

    /// <summary>On <paramref name="pad"/> of element <paramref name="element"/>.</summary>
    public static ProbeTarget OnPad(string element, string pad)
    {
        ArgumentException.ThrowIfNullOrEmpty(element);
        ArgumentException.ThrowIfNullOrEmpty(pad);
        return new(null, element, pad);
    }

    /// <inheritdoc/>
    public override string ToString() => Point?.ToString() ?? $"{Element}.{Pad}";
}
