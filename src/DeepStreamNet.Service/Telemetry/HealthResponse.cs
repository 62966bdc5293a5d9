using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DeepStreamNet.Service.Telemetry;

/// <summary>Health answers as JSON (<c>{"status":"Unhealthy","checks":{"pipeline":"…why…"}}</c>) so an operator sees the reason.</summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new Dictionary<string, object?>
        {
            ["status"] = report.Status.ToString(),
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => e.Value.Description),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
