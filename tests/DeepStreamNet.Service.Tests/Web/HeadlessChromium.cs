using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DeepStreamNet.Service.Tests.Web;

/// <summary>
/// Debian's Chromium in headless mode, driven over the DevTools protocol (a WebSocket): open a page, evaluate
/// JavaScript in it. The browser process is killed by id on dispose.
/// </summary>
internal sealed partial class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private ClientWebSocket? _page;
    private int _nextId;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    public static async Task<HeadlessChromium> StartAsync()
    {
        var profile = ServicePaths.TempDir("chromium");
        var info = new ProcessStartInfo("/usr/bin/chromium")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage", "--remote-debugging-port=0", $"--user-data-dir={profile}", "about:blank" })
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start /usr/bin/chromium");
        var browser = new HeadlessChromium(process, profile);
        var endpoint = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line && DevTools().Match(line) is { Success: true } m)
            {
                endpoint.TrySetResult(m.Groups[1].Value);
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var hostPort = await endpoint.Task.WaitAsync(TimeSpan.FromSeconds(60));
        using var http = new HttpClient();
        var targets = await http.GetFromJsonAsync<JsonElement>($"http://{hostPort}/json/list");
        var pageUrl = targets.EnumerateArray().First(t => t.GetProperty("type").GetString() == "page").GetProperty("webSocketDebuggerUrl").GetString()!;
        browser._page = new ClientWebSocket();
        await browser._page.ConnectAsync(new Uri(pageUrl), CancellationToken.None);
        return browser;
    }

    public Task NavigateAsync(string url) => SendAsync("Page.navigate", new { url });

    /// <summary>Evaluates <paramref name="expression"/> in the page and returns its value as JSON.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var r = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        return r.GetProperty("result").TryGetProperty("value", out var v) ? v : default;
    }

    private async Task<JsonElement> SendAsync(string method, object parameters)
    {
        var id = ++_nextId;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters });
        await _page!.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var doc = await ReceiveAsync(timeout.Token);
            if (doc.TryGetProperty("id", out var got) && got.GetInt32() == id)
            {
                return doc.TryGetProperty("result", out var result) ? result : throw new InvalidOperationException($"{method} failed: {doc}");
            }
        }
    }

    private async Task<JsonElement> ReceiveAsync(CancellationToken token)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult r;
        do
        {
            r = await _page!.ReceiveAsync(buffer, token);
            message.Write(buffer, 0, r.Count);
        }
        while (!r.EndOfMessage);
        return JsonDocument.Parse(message.ToArray()).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        if (_page is not null)
        {
            _page.Abort();
            _page.Dispose();
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex(@"DevTools listening on ws://([^/]+)/")]
    private static partial Regex DevTools();
}
