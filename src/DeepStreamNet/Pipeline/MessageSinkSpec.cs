using DeepStreamNet.Config;

namespace DeepStreamNet.Pipeline;

/// <summary>
/// A type-6 sink on the portable runtime: the graph ends its branch in <paramref name="Element"/> (a fakesink) and
/// keeps the sink group so a host with message conversion and brokers (DeepStreamNet.Service) can probe that
/// element's sink pad and publish the frames' event messages.
/// </summary>
public sealed record MessageSinkSpec(string Element, SinkGroup Sink);
