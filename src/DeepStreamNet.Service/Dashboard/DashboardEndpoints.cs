using System.Globalization;
using System.Text;
using DeepStreamNet.Service.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DeepStreamNet.Service.Dashboard;

/// <summary>
/// The dashboard's HTTP surface: <c>/</c> the page, <c>/video.mjpg</c> the annotated picture as MJPEG
/// (<c>multipart/x-mixed-replace</c>), <c>/frame.jpg</c> the latest picture, <c>/api/stats</c> per-source counts and
/// frames/s, <c>/api/events</c> recent no-mask events and <c>/api/events/{id}/crop.jpg</c> their faces.
/// </summary>
public static class DashboardEndpoints
{
    private const string Boundary = "dsnetframe";

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", () => Results.Content(DashboardPage.Html, "text/html; charset=utf-8"));
        app.MapGet("/frame.jpg", (DashboardFeed feed) => feed.Latest is { } f
            ? Results.File(f.Jpeg, "image/jpeg")
            : Results.Problem("no picture yet: the pipeline has not delivered a frame", statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/video.mjpg", StreamAsync);
        app.MapGet("/api/stats", (PipelineMonitor monitor, DashboardFeed feed) => Results.Json(new
        {
            frame = feed.Latest?.Number ?? 0,
            sources = monitor.Sources().Select(s => new { source = s.SourceId, fps = s.Fps, frames = s.Frames, mask = s.Mask, noMask = s.NoMask, dropped = s.Dropped }),
        }));
        app.MapGet("/api/events", (DashboardFeed feed) => Results.Json(feed.RecentEvents.Select(e => new
        {
            id = e.Id,
            source = e.SourceId,
            trackingId = e.TrackingId.ToString(CultureInfo.InvariantCulture),
            timestamp = e.Timestamp,
            confidence = e.Confidence,
            crop = e.Crop is null ? null : $"/api/events/{e.Id}/crop.jpg",
        })));
        app.MapGet("/api/events/{id:long}/crop.jpg", (long id, DashboardFeed feed) =>
            feed.RecentEvents.FirstOrDefault(e => e.Id == id) is { Crop: { } crop }
                ? Results.File(crop, "image/jpeg")
                : Results.NotFound($"no crop for event {id} (only the {20} most recent events are kept)"));
        return app;
    }

    private static async Task StreamAsync(HttpContext http, DashboardFeed feed)
    {
        var token = http.RequestAborted;
        http.Response.ContentType = $"multipart/x-mixed-replace; boundary={Boundary}";
        http.Response.Headers.CacheControl = "no-cache";
        long sent = -1;
        try
        {
            while (!token.IsCancellationRequested)
            {
                if (feed.Latest is { } f && f.Number != sent)
                {
                    var head = Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Type: image/jpeg\r\nContent-Length: {f.Jpeg.Length}\r\n\r\n");
                    await http.Response.Body.WriteAsync(head, token).ConfigureAwait(false);
                    await http.Response.Body.WriteAsync(f.Jpeg, token).ConfigureAwait(false);
                    await http.Response.Body.WriteAsync("\r\n"u8.ToArray(), token).ConfigureAwait(false);
                    await http.Response.Body.FlushAsync(token).ConfigureAwait(false);
                    sent = f.Number;
                }

                await feed.NextFrameAsync(token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // the viewer went away
        }
    }
}
