namespace DeepStreamNet.Pipeline;

/// <summary>An RTSP server the host starts for a type-4 sink: it re-serves the sink's RTP/UDP stream
/// at <c>rtsp://host:Port/ds-test</c> (deepstream-app's mount point).</summary>
public sealed record RtspServerSpec(string Sink, int Port, string MountPoint, int UdpPort, string EncodingName, long UdpBufferSize)
{
    /// <summary>URL clients open (host part is the machine's name).</summary>
    public string Url => $"rtsp://localhost:{Port}{MountPoint}";
}
