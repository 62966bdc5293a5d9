namespace DeepStreamNet.Pipeline;

/// <summary>
/// A property deepstream-app sets on an element that only appears at run time inside a source bin (the decoder
/// uridecodebin plugs, the rtspsrc it makes for an <c>rtsp://</c> URI): the runner applies it when an element of one of
/// <paramref name="Factories"/> is added anywhere under <paramref name="Container"/>. Elements lacking the property are
/// skipped (the portable decoders lack most of nvv4l2decoder's).
/// </summary>
/// <param name="Container">The graph element the run-time element appears in (e.g. <c>src_bin_0_src</c>).</param>
/// <param name="Factories">Factory names the setting applies to.</param>
/// <param name="Property">Property name.</param>
/// <param name="Value">Typed value.</param>
/// <param name="Origin">deepstream-app's code that sets it (shown by describe).</param>
public sealed record ChildSetting(string Container, IReadOnlyList<string> Factories, string Property, GraphValue Value, string Origin)
{
    public override string ToString() => $"{Container} > {string.Join('|', Factories)}: {Property} = {Value} ({Origin})";
}
