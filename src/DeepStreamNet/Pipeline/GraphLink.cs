namespace DeepStreamNet.Pipeline;

/// <summary>A link between two elements; pads null = "any compatible pad" (gst_element_link).</summary>
/// <param name="From">Upstream element name.</param>
/// <param name="FromPad">Source pad or pad template (<c>src_%u</c> = request/sometimes pad); null = default.</param>
/// <param name="To">Downstream element name.</param>
/// <param name="ToPad">Sink pad or request pad name (<c>sink_0</c>); null = default.</param>
/// <param name="Caps">Caps filter applied to the link, or null.</param>
public sealed record GraphLink(string From, string? FromPad, string To, string? ToPad, string? Caps = null)
{
    public override string ToString() =>
        $"{From}{(FromPad is null ? "" : "." + FromPad)} -> {To}{(ToPad is null ? "" : "." + ToPad)}{(Caps is null ? "" : $" [{Caps}]")}";
}
