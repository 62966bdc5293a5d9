using System.Globalization;
using DeepStreamNet.Runner;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DeepStreamNet.Service.Streams;

/// <summary>
/// nvmultiurisrcbin's stream REST API on the portable backend: <c>POST /stream/add</c> and <c>POST /stream/remove</c>
/// with DeepStream 6.3's request body (<see cref="StreamRequest"/>) and response <c>{"reason", "status"}</c>
/// (<c>STREAM_ADD_SUCCESS</c>/<c>STREAM_ADD_FAIL</c>, <c>STREAM_REMOVE_SUCCESS</c>/<c>STREAM_REMOVE_FAIL</c>; on success
/// also <c>stream_id</c>, the new source id). Unlike DeepStream 6.3, which answers 200 for failures too, a failure
/// gets a 4xx status (400 bad body, 404 unknown stream, 409 duplicate id or max-batch-size reached, 422 unreadable URI)
/// or 503 when no pipeline is playing, with the reason.
/// </summary>
public static class StreamRestEndpoints
{
    public static IEndpointRouteBuilder MapStreamRestApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/stream/add", (HttpRequest request, StreamControl control) => HandleAsync(request, control, add: true));
        app.MapPost("/stream/remove", (HttpRequest request, StreamControl control) => HandleAsync(request, control, add: false));
        app.MapGet("/api/streams", (StreamControl control) => Results.Json((control.Runner?.Sources ?? []).Select(s => new
        {
            stream_id = s.SourceId.ToString(CultureInfo.InvariantCulture),
            camera_id = s.SensorId,
            camera_name = s.SensorName,
            camera_url = s.Uri,
            added = s.AddedAtRunTime,
        })));
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, StreamControl control, bool add)
    {
        var verb = add ? "ADD" : "REMOVE";
        string body;
        using (var reader = new StreamReader(request.Body))
        {
            body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        }

        if (StreamRequest.Parse(body, out var reason) is not { } req)
        {
            return Fail(verb, StatusCodes.Status400BadRequest, reason);
        }

        if (req.Add != add)
        {
            return Fail(verb, StatusCodes.Status400BadRequest, $"this change is a{(req.Add ? "n add" : " remove")}: post it to /stream/{(req.Add ? "add" : "remove")}");
        }

        if (control.Runner is not { } runner)
        {
            return Fail(verb, StatusCodes.Status503ServiceUnavailable, "no pipeline is running yet");
        }

        var token = request.HttpContext.RequestAborted;
        SourceChange result;
        if (add)
        {
            result = await runner.AddSourceAsync(req.CameraUrl, req.CameraId, req.CameraName, token).ConfigureAwait(false);
        }
        else if (req.CameraUrl.Length > 0 && runner.Sources.FirstOrDefault(s => s.SensorId == req.CameraId) is { } s && s.Uri?.Contains(req.CameraUrl, StringComparison.Ordinal) != true)
        {
            result = new SourceChange(SourceChangeError.UnknownSource, -1, $"stream '{req.CameraId}' reads {s.Uri}, not {req.CameraUrl}");
        }
        else
        {
            result = await runner.RemoveSourceAsync(req.CameraId, token).ConfigureAwait(false);
        }

        if (result.Succeeded)
        {
            return Results.Json(new Dictionary<string, string>
            {
                ["reason"] = "",
                ["status"] = $"STREAM_{verb}_SUCCESS",
                ["stream_id"] = result.SourceId.ToString(CultureInfo.InvariantCulture),
            });
        }

        var status = result.Error switch
        {
            SourceChangeError.UnknownSource => StatusCodes.Status404NotFound,
            SourceChangeError.DuplicateSensorId or SourceChangeError.CapacityReached => StatusCodes.Status409Conflict,
            SourceChangeError.UnreadableUri => StatusCodes.Status422UnprocessableEntity,
            SourceChangeError.NotRunning => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status400BadRequest,
        };
        return Fail(verb, status, result.Reason);
    }

    private static IResult Fail(string verb, int status, string reason) =>
        Results.Json(new Dictionary<string, string> { ["reason"] = reason, ["status"] = $"STREAM_{verb}_FAIL" }, statusCode: status);
}
