using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using DeepStreamNet.Hosting;
using DeepStreamNet.Runner;
using DeepStreamNet.Service.Tests.Pipeline;
using DeepStreamNet.Service.Tests.Servers;
using DeepStreamNet.Tests.Runner;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace DeepStreamNet.Service.Tests.Web;

/// <summary>
/// nvmultiurisrcbin's REST API on the portable backend, over real HTTP on <c>[source-list] http-port</c>: one listed
/// file plays in real time, three streams are added and one removed while it plays; frames are counted per source id
/// after the muxer; bad requests get a 4xx status with the reason.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class StreamRestTests
{
    private const int ClipFrames = 75;

    [Test]
    public async Task Streams_added_and_removed_over_http_while_playing()
    {
        ServiceTestEnv.Init();
        var dir = ServicePaths.TempDir("rest");
        var clip = MakeClip(dir);
        var uri = new Uri(clip).AbsoluteUri;
        var restPort = BrokerServer.FreePort();
        var config = Path.Combine(dir, "app.txt");
        await File.WriteAllTextAsync(config, SourceListConfig.Text(uri, maxBatchSize: 4, restPort.ToString(CultureInfo.InvariantCulture)));
        using var counter = new SourceFrameCounter();
        await using var app = DeepStreamWebHost.Create(ds =>
        {
            ds.ConfigPath = config;
            ds.Backend = PipelineBackend.Portable;
        }, new ServiceOptions { Urls = "http://127.0.0.1:0" }, s => s.AddSingleton<IPipelineAttachment>(counter));
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{restPort}"), Timeout = TimeSpan.FromSeconds(30) };

        await Eventually.True(() => counter.Frames(0) > 3, "source 0 plays");
        var ids = new List<string>();
        foreach (var cam in new[] { "cam-a", "cam-b", "cam-c" })
        {
            var (code, answer) = await Post(http, "/stream/add", Body(cam, uri, "camera_add"));
            Assert.That((code, answer.GetProperty("status").GetString()), Is.EqualTo((HttpStatusCode.OK, "STREAM_ADD_SUCCESS")), answer.ToString());
            ids.Add(answer.GetProperty("stream_id").GetString()!);
        }

        Assert.That(ids, Is.EqualTo(new[] { "1", "2", "3" }));

        // Bad requests: 4xx with the reason, in DeepStream's {"reason", "status"} body.
        var missing = new Uri(Path.Combine(dir, "gone.mp4")).AbsoluteUri;
        var bad = new (string Path, string Body, HttpStatusCode Code, string Reason)[]
        {
            ("/stream/add", "{\"value\": {\"camera_id\": ", HttpStatusCode.BadRequest, "not JSON"),
            ("/stream/add", Body("cam-x", "", "camera_add"), HttpStatusCode.BadRequest, "Camera url empty"),
            ("/stream/add", Body("cam-x", uri, "camera_remove"), HttpStatusCode.BadRequest, "/stream/remove"),
            ("/stream/add", Body("cam-a", uri, "camera_add"), HttpStatusCode.Conflict, "already source 1"),
            ("/stream/add", Body("cam-d", uri, "camera_add"), HttpStatusCode.Conflict, "max-batch-size is 4"),
            ("/stream/remove", Body("cam-nobody", "", "camera_remove"), HttpStatusCode.NotFound, "cam-nobody"),
        };
        foreach (var (path, body, code, reason) in bad)
        {
            var (got, answer) = await Post(http, path, body);
            Assert.That(got, Is.EqualTo(code), $"{path} {body}: {answer}");
            Assert.That(answer.GetProperty("reason").GetString(), Does.Contain(reason));
            Assert.That(answer.GetProperty("status").GetString(), Does.EndWith("_FAIL"));
        }

        await Eventually.True(() => counter.Frames(2) > 5, "source 2 plays");
        var (removedCode, removed) = await Post(http, "/stream/remove", Body("cam-b", uri, "camera_remove"));
        Assert.That((removedCode, removed.GetProperty("status").GetString()), Is.EqualTo((HttpStatusCode.OK, "STREAM_REMOVE_SUCCESS")), removed.ToString());
        await Eventually.True(() => counter.Events.Any(e => e is { Kind: SourceEventKind.Removed, Source.SensorId: "cam-b" }), "cam-b's muxer pad released");
        var framesOfRemoved = counter.Frames(2);
        using (var list = JsonDocument.Parse(await http.GetStringAsync("/api/streams")))
        {
            Assert.That(list.RootElement.EnumerateArray().Select(s => s.GetProperty("camera_id").GetString()), Is.EqualTo(new[] { "cam-0", "cam-a", "cam-c" }));
        }

        var (unreadableCode, unreadable) = await Post(http, "/stream/add", Body("cam-e", missing, "camera_add"));
        Assert.That(unreadableCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), unreadable.ToString());
        Assert.That(unreadable.GetProperty("reason").GetString(), Does.Contain("file not found"));

        await Eventually.True(() => counter.Events.Count(e => e.Kind == SourceEventKind.Ended) == 4, "every source ended", 60);
        Assert.Multiple(() =>
        {
            foreach (var id in new uint[] { 0, 1, 3 })
            {
                Assert.That(counter.Frames(id), Is.EqualTo(ClipFrames), $"source {id} lost no frame");
            }

            Assert.That(framesOfRemoved, Is.InRange(6, ClipFrames - 1));
            Assert.That(counter.Frames(2), Is.EqualTo(framesOfRemoved), "nothing of cam-b after its removal");
            Assert.That(counter.Events.Where(e => e.Kind == SourceEventKind.Ended).Select(e => (e.Source.SensorId, e.Reason)).Order(),
                Is.EqualTo(new[] { ("cam-0", "end of stream"), ("cam-a", "end of stream"), ("cam-b", "removed"), ("cam-c", "end of stream") }));
        });
    }

    internal static string Body(string id, string url, string change) => JsonSerializer.Serialize(new
    {
        key = "sensor",
        value = new { camera_id = id, camera_name = $"camera {id}", camera_url = url, change, metadata = new { resolution = "320x180", codec = "h264", framerate = 25 } },
        headers = new { source = "test", created_at = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture) },
    });

    private static async Task<(HttpStatusCode Code, JsonElement Answer)> Post(HttpClient http, string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var r = await http.PostAsync(path, content);
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        return (r.StatusCode, doc.RootElement.Clone());
    }

    /// <summary>The first <see cref="ClipFrames"/> frames of the demo clip as a 320×180 H.264 MP4 (3 s at 25 fps).</summary>
    private static string MakeClip(string dir)
    {
        var path = Path.Combine(dir, "clip.mp4");
        var psi = new ProcessStartInfo("gst-launch-1.0") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in $"-q filesrc location={Path.Combine(ServicePaths.SharedAssets, "media", "facemask-demo-720p.mp4")} ! qtdemux ! h264parse ! avdec_h264 max-threads=1 ! identity eos-after={ClipFrames + 1} ! videoconvert ! videoscale ! video/x-raw,format=I420,width=320,height=180 ! x264enc speed-preset=ultrafast key-int-max=10 ! h264parse ! mp4mux ! filesink location={path}".Split(' '))
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var errors = p.StandardError.ReadToEndAsync();
        Assert.That(p.WaitForExit(120_000), Is.True, "gst-launch-1.0 did not finish");
        Assert.That(p.ExitCode, Is.Zero, errors.Result);
        return path;
    }
}
