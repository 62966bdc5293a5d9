namespace DeepStreamNet.Pipeline;

/// <summary>A link between two elements; pads null = "any compatible pad" (gst_element_link).</summary>
/// <param name="From">Upstream element name.</param>
/// <param name="FromPad">Source pad or pad template (<c>src_%u</c> = request/sometimes pad); null = default.</param>
/// <param name="To">Downstream element name.</param>
/// <param name="ToPad">Sink pad or request pad name (<c>sink_0</c>); null = default.</param>
/// <param name="Caps">Caps filter applied to the link, or null.</param>
public sealed record GraphLink(string From, string? FromPad, string To, string? ToPad, string? Caps = null)
{
    /// <summary>
    /// RTP pads: the runner puts the depayloader and parser chosen from the pad's <c>encoding-name</c> between the two
    /// elements (rtph264depay + h264parse or rtph265depay + h265parse), as deepstream-app's <c>cb_rtspsrc_select_stream</c>
    /// does (deepstream_source_bin.c:486-541). They are named <c>PREFIX_depay</c> and <c>PREFIX_parse</c>.
    /// </summary>
    public string? RtpDepayPrefix { get; init; }

    public override string ToString() =>
        $"{From}{(FromPad is null ? "" : "." + FromPad)} -> {(RtpDepayPrefix is null ? "" : "[rtph264depay+h264parse | rtph265depay+h265parse from encoding-name] -> ")}{To}{(ToPad is null ? "" : "." + ToPad)}{(Caps is null ? "" : $" [{Caps}]")}";
}
