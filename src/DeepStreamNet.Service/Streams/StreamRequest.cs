using System.Text.Json;

namespace DeepStreamNet.Service.Streams;

/// <summary>
/// The body of nvmultiurisrcbin's <c>/stream/add</c> and <c>/stream/remove</c> (DeepStream 6.3):
/// <c>{"key": "sensor", "value": {"camera_id", "camera_name", "camera_url", "change", "metadata"}, "headers": {…}}</c>
/// (<c>event</c> is accepted for <c>value</c>). <c>change</c> decides the action: it contains <c>add</c> or
/// <c>streaming</c> (add) or <c>remove</c>.
/// </summary>
internal sealed record StreamRequest(string CameraId, string? CameraName, string CameraUrl, bool Add)
{
    /// <summary>Parses a body; returns null and the reason when it is not a stream request.</summary>
    public static StreamRequest? Parse(string body, out string reason)
    {
        reason = "";
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            reason = $"the body is not JSON: {ex.Message}";
            return null;
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !(root.TryGetProperty("value", out var value) || root.TryGetProperty("event", out value)) || value.ValueKind != JsonValueKind.Object)
            {
                reason = "the body needs a \"value\" object with camera_id, camera_url and change";
                return null;
            }

            var id = Text(value, "camera_id");
            var url = Text(value, "camera_url");
            var change = Text(value, "change") ?? "";
            if (string.IsNullOrEmpty(id))
            {
                reason = "Camera id empty";
                return null;
            }

            if (string.IsNullOrEmpty(url) && !change.Contains("remove", StringComparison.Ordinal))
            {
                reason = "Camera url empty";
                return null;
            }

            var add = change.Contains("add", StringComparison.Ordinal) || change.Contains("streaming", StringComparison.Ordinal);
            if (!add && !change.Contains("remove", StringComparison.Ordinal))
            {
                reason = $"change \"{change}\" is neither an add (camera_add, camera_streaming) nor a remove (camera_remove)";
                return null;
            }

            return new StreamRequest(id, Text(value, "camera_name"), url ?? "", add);
        }
    }

    /// <summary>A member as text (numbers and booleans converted, as JsonCpp's asString does), or null.</summary>
    private static string? Text(JsonElement o, string name) => !o.TryGetProperty(name, out var v) ? null : v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
        _ => null,
    };
}
