using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DeepStreamNet.Service.Tests.Pipeline;
using DeepStreamNet.Service.Tests.Servers;
using Microsoft.AspNetCore.Builder;
using NUnit.Framework;

namespace DeepStreamNet.Service.Tests.Web;

/// <summary>
/// The whole service on loopback: the face-mask config on the demo clip (looping), a broker sink pointed at a port
/// where no broker listens (so its spool fills), Prometheus metrics, liveness/readiness and the dashboard — in a real
/// headless Chromium: the page loads, its video pictures change, its counts update, no-mask events show their faces.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class ServiceWebTests
{
    private WebApplication? _app;
    private HttpClient? _http;
    private string _base = "";
    private StringWriter? _console;
    private TextWriter? _stdout;

    [OneTimeSetUp]
    public async Task StartService()
    {
        ServiceTestEnv.Init();
        var dir = ServicePaths.TempDir("web");
        var deadPort = BrokerServer.FreePort();
        var path = ServiceTestEnv.FaceMaskConfig(dir, $"""
            [sink1]
            enable=1
            type=6
            msg-conv-config=msgconv_facemask.txt
            msg-conv-payload-type=1
            msg-broker-proto-lib=libnvds_mqtt_proto.so
            msg-broker-conn-str=127.0.0.1;{deadPort}
            topic=facemask/events

            [tests]
            file-loop=1
            """);
        _stdout = Console.Out;
        _console = new StringWriter();
        Console.SetOut(TextWriter.Synchronized(_console));
        _app = DeepStreamWebHost.Create(ds =>
        {
            ds.ConfigPath = path;
            ds.Backend = PipelineBackend.Portable;

            // Room in the tiled picture for the stream the page adds (the tiler drops sources outside its grid).
            ds.Overrides.Add("tiled-display.rows=1");
            ds.Overrides.Add("tiled-display.columns=2");
        }, new ServiceOptions
        {
            Urls = "http://127.0.0.1:0",
            Dashboard = true,
            JsonLogs = true,
            SpoolDirectory = Path.Combine(dir, "spool"),
        });
        await _app.StartAsync();
        _base = _app.Addresses().Single();
        _http = new HttpClient { BaseAddress = new Uri(_base), Timeout = TimeSpan.FromSeconds(20) };
    }

    [OneTimeTearDown]
    public async Task StopService()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _http?.Dispose();
        _console?.Dispose();
        if (_stdout is not null)
        {
            Console.SetOut(_stdout);
        }
    }

    private async Task<bool> Ready()
    {
        using var r = await _http!.GetAsync("/health/ready");
        return r.StatusCode == HttpStatusCode.OK;
    }

    private async Task WaitReady()
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (!await Ready())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(until), "the pipeline did not become ready within 90 s: " + await _http!.GetStringAsync("/health/ready").ContinueWith(t => t.IsFaulted ? "" : t.Result));
            await Task.Delay(250);
        }
    }

    [Test]
    [Order(1)]
    public async Task LivenessAnswersAndReadinessFollowsThePipeline()
    {
        using var live = await _http!.GetAsync("/health/live");
        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await WaitReady();
        using var ready = await _http.GetAsync("/health/ready");
        using var doc = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.That(doc.RootElement.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        Assert.That(doc.RootElement.GetProperty("checks").GetProperty("pipeline").GetString(), Does.Contain("1 source(s) alive"));
    }

    [Test]
    [Order(2)]
    public async Task PrometheusShowsFramesLatencyElementTimesFaultsAndTheSpool()
    {
        await WaitReady();
        await Task.Delay(2500); // the events of the first seconds reach the dead broker's spool
        var text = await _http!.GetStringAsync("/metrics");
        double Value(string pattern)
        {
            var m = Regex.Match(text, "^" + pattern + @"\s+([0-9.eE+-]+)", RegexOptions.Multiline);
            Assert.That(m.Success, Is.True, $"no series {pattern} in:\n{text}");
            return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        Assert.Multiple(() =>
        {
            Assert.That(Value(@"dsnet_frames_total\{[^}]*source=""0""[^}]*\}"), Is.GreaterThan(0));
            Assert.That(Value(@"dsnet_latency_seconds_count\{[^}]*source=""0""[^}]*\}"), Is.GreaterThan(0));
            Assert.That(Value(@"dsnet_element_processing_time_seconds_count\{[^}]*element=""primary_gie""[^}]*\}"), Is.GreaterThan(0));
            Assert.That(Value(@"dsnet_element_processing_time_seconds_count\{[^}]*element=""tracking_tracker""[^}]*\}"), Is.GreaterThan(0));
            Assert.That(Value(@"dsnet_source_fps[a-z_]*\{[^}]*source=""0""[^}]*\}"), Is.GreaterThan(0));
            Assert.That(Value(@"dsnet_probe_faults_total[^\s]*"), Is.Zero);
            Assert.That(Value(@"dsnet_broker_delivered_total\{[^}]*sink=""sink1""[^}]*\}"), Is.Zero, "nothing delivered: no broker listens");
            Assert.That(Value(@"dsnet_broker_spool_depth\{[^}]*sink=""sink1""[^}]*\}") + Value(@"dsnet_broker_queue_depth\{[^}]*sink=""sink1""[^}]*\}"), Is.GreaterThan(0),
                "the no-mask events wait for the broker");
        });
    }

    [Test]
    [Order(3)]
    public async Task TheDashboardPlaysInHeadlessChromium()
    {
        await WaitReady();
        await using var browser = await HeadlessChromium.StartAsync();
        await browser.NavigateAsync(_base + "/");
        async Task<int> Data(string name) => (await browser.EvaluateAsync($"+(document.body && document.body.dataset.{name} || 0)")).GetInt32();
        var until = DateTime.UtcNow.AddSeconds(60);
        int frames = 0, updates = 0, events = 0;
        long firstCount = -1, lastCount = -1;
        while (DateTime.UtcNow < until && (frames < 3 || updates < 3 || events < 1 || lastCount <= firstCount))
        {
            await Task.Delay(500);
            frames = await Data("framesSeen");
            updates = await Data("statsUpdates");
            events = await Data("events");
            var count = (long)(await browser.EvaluateAsync("+(document.body && document.body.dataset.lastFrames || -1)")).GetDouble();
            if (firstCount < 0 && count > 0)
            {
                firstCount = count;
            }

            lastCount = count;
        }

        Assert.Multiple(() =>
        {
            Assert.That(frames, Is.GreaterThanOrEqualTo(3), "distinct video pictures drawn by the page");
            Assert.That(updates, Is.GreaterThanOrEqualTo(3), "stats polled");
            Assert.That(lastCount, Is.GreaterThan(firstCount), "the frame counts in the table go up");
            Assert.That(events, Is.GreaterThanOrEqualTo(1), "recent no-mask events listed");
        });
        var rows = await browser.EvaluateAsync("document.querySelectorAll('#sources tr').length");
        var cropWidth = await browser.EvaluateAsync(
            "new Promise(r => { const i = document.querySelector('#events img'); if (!i) return r(0); if (i.complete) return r(i.naturalWidth); i.onload = () => r(i.naturalWidth); i.onerror = () => r(-1); })");
        Assert.That(rows.GetInt32(), Is.EqualTo(1));
        Assert.That(cropWidth.GetInt32(), Is.GreaterThan(4), "the event's face crop is a real picture");

        // Add a stream from the page's form (a POST to /stream/add): its row appears and its frame count goes up.
        await browser.EvaluateAsync($$"""
            (() => { const f = document.getElementById('add-stream');
              f.camera_id.value = 'cam-page'; f.camera_name.value = 'from the page'; f.camera_url.value = '{{ServiceTestEnv.DemoUri}}';
              f.requestSubmit(); return 1; })()
            """);
        async Task<string> Status() => (await browser.EvaluateAsync("document.getElementById('stream-status').textContent")).GetString() ?? "";
        async Task<long> FramesOf(int source) =>
            (long)(await browser.EvaluateAsync($"+(document.querySelector('#sources tr[data-source=\"{source}\"]')?.dataset.frames || 0)")).GetDouble();
        until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until && await FramesOf(1) < 5)
        {
            await Task.Delay(500);
        }

        Assert.That(await Status(), Does.StartWith("STREAM_ADD_SUCCESS"));
        Assert.That(await FramesOf(1), Is.GreaterThanOrEqualTo(5), "the stream added from the page is counted as source 1");

        // And remove it with its button.
        until = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < until && (await browser.EvaluateAsync("document.querySelectorAll('#streams li').length")).GetInt32() < 2)
        {
            await Task.Delay(250);
        }

        await browser.EvaluateAsync("document.querySelector('#streams li[data-stream=\"1\"] button').click(), 1");
        until = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < until && !(await Status()).StartsWith("STREAM_REMOVE_SUCCESS", StringComparison.Ordinal))
        {
            await Task.Delay(250);
        }

        Assert.That(await Status(), Does.StartWith("STREAM_REMOVE_SUCCESS"));
    }

    [Test]
    [Order(4)]
    public async Task MjpegStreamAndJsonLogs()
    {
        await WaitReady();
        using var response = await _http!.GetAsync("/video.mjpg", HttpCompletionOption.ResponseHeadersRead);
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("multipart/x-mixed-replace"));
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[256 * 1024];
        var total = 0;
        var text = "";
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (Regex.Count(text, "--dsnetframe") < 3)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(total, Math.Min(16384, buffer.Length - total)), cts.Token);
            total += n;
            text = System.Text.Encoding.Latin1.GetString(buffer, 0, total);
            if (total > buffer.Length - 16384)
            {
                total = 0;
            }
        }

        Assert.That(text, Does.Contain("Content-Type: image/jpeg"));
        var lines = _console!.ToString().Split('\n').Where(l => l.StartsWith('{')).ToList();
        Assert.That(lines, Is.Not.Empty, "JSON log lines");
        using var first = JsonDocument.Parse(lines[0]);
        Assert.That(first.RootElement.TryGetProperty("Category", out _) && first.RootElement.TryGetProperty("Message", out _), Is.True, lines[0]);
    }
}
