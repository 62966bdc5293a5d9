using System.Text.Json;
using DeepStreamNet.Interop;
using DeepStreamNet.Metadata;
using DeepStreamNet.Metadata.Events;
using DeepStreamNet.Service.Brokers;
using DeepStreamNet.Service.Messages;

namespace DeepStreamNet.Service.Tests.Brokers;

/// <summary>Full-schema event payloads for the broker tests, each with its own <c>messageid</c>.</summary>
internal static class Events
{
    public static readonly MsgConvConfig Config = new() { Sensors = { [0] = new SensorInfo("cam-0", "Camera", "test", default, default) } };

    public static BrokerMessage Message(string topic, int n)
    {
        var e = new EventMessage
        {
            Type = NvDsEventType.NVDS_EVENT_ENTRY,
            ObjectId = "no-mask",
            TrackingId = (ulong)n,
            FrameId = n,
            Box = new RectF(n, n, 10, 10),
            Timestamp = EventMessage.FormatTimestamp(DateTimeOffset.UtcNow),
        };
        return new BrokerMessage(topic, FullSchema.Write(e, Config, indented: false));
    }

    public static string MessageId(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        using var doc = JsonDocument.ParseValue(ref reader);
        return doc.RootElement.GetProperty("messageid").GetString()!;
    }

    public static async Task Until(Func<bool> condition, TimeSpan timeout, string what)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"timed out after {timeout.TotalSeconds} s waiting for: {what}");
            }

            await Task.Delay(50);
        }
    }
}
