using DeepStreamNet.Config;
using DeepStreamNet.Hosting;
using DeepStreamNet.Pipeline;

namespace DeepStreamNet.Service.Streams;

/// <summary>Where nvmultiurisrcbin's REST server would listen for a config: <c>http://{http-ip}:{http-port}</c> when
/// <c>[source-list] use-nvmultiurisrcbin=1</c> runs on the portable backend (on DeepStream the element serves it
/// itself) and the port is not <c>0</c>.</summary>
public static class StreamRestAddress
{
    /// <summary>The URL to listen on, or null (no REST server wanted, or the config does not load).</summary>
    public static string? For(DeepStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.ConfigPath) || !File.Exists(options.ConfigPath))
        {
            return null;
        }

        PipelinePlan plan;
        try
        {
            plan = PipelinePlan.Create(options.ConfigPath, options.Overrides, options.Backend, options.Platform);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or KeyFileException)
        {
            return null; // the hosted service reports it when it loads the config
        }

        return plan.Graph?.RuntimeSources is { RestApi: true, HttpPort: var port } spec && port != "0"
            ? $"http://{spec.HttpIp}:{port}"
            : null;
    }
}
