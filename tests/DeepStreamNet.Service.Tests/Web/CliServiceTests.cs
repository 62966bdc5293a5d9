using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DeepStreamNet.Service.Tests.Pipeline;
using NUnit.Framework;

namespace DeepStreamNet.Service.Tests.Web;

/// <summary><c>dsnet run CONFIG --http-port 0 --dashboard --json-logs</c> as a real process: it logs JSON lines naming
/// its address, answers health and dashboard requests, and SIGTERM ends it with EOS and exit code 0.</summary>
[TestFixture]
[NonParallelizable]
public sealed partial class CliServiceTests
{
    [Test]
    public async Task DsnetRunServesTheDashboardAndStopsCleanlyOnSigterm()
    {
        var dir = ServicePaths.TempDir("cli");
        var config = ServiceTestEnv.FaceMaskConfig(dir, "[tests]\nfile-loop=1");
        using var p = StartDsnet(dir, config, "--http-port", "0", "--dashboard", "--json-logs", "--spool-dir", Path.Combine(dir, "spool"));
        var lines = new List<string>();
        var address = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        p.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(e.Data);
            }

            if (Address().Match(e.Data) is { Success: true } m)
            {
                address.TrySetResult(m.Groups[1].Value);
            }
        };
        p.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (lines)
                {
                    lines.Add(e.Data);
                }
            }
        };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        try
        {
            var url = await address.Task.WaitAsync(TimeSpan.FromSeconds(60));
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            Assert.That((await http.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var until = DateTime.UtcNow.AddSeconds(90);
            while ((await http.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
            {
                Assert.That(DateTime.UtcNow, Is.LessThan(until), "not ready within 90 s");
                await Task.Delay(250);
            }

            Assert.That(await http.GetStringAsync("/"), Does.Contain("/video.mjpg"));
            Assert.That(Kill(p.Id, 15), Is.Zero);
            Assert.That(p.WaitForExit(60_000), Is.True, "exits after SIGTERM");
            Assert.That(p.ExitCode, Is.Zero, string.Join('\n', lines.TakeLast(30)));
        }
        finally
        {
            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true);
            }
        }

        p.WaitForExit();
        List<string> json;
        lock (lines)
        {
            json = lines.Where(l => l.StartsWith('{')).ToList();
        }

        Assert.That(json, Is.Not.Empty);
        foreach (var l in json)
        {
            using var doc = JsonDocument.Parse(l); // every JSON-looking line is a whole JSON object
            Assert.That(doc.RootElement.TryGetProperty("LogLevel", out _), Is.True, l);
        }

        Assert.That(json.Any(l => l.Contains("pipeline ended", StringComparison.Ordinal)), Is.True, "the run ended through the host (EOS on SIGTERM)");
    }

    [Test]
    public async Task DsnetRunServesTheStreamApiOnTheConfiguredPort()
    {
        var dir = ServicePaths.TempDir("cli-rest");
        var port = Servers.BrokerServer.FreePort();
        var config = Path.Combine(dir, "app.txt");
        await File.WriteAllTextAsync(config, $"""
            [source-list]
            list={ServiceTestEnv.DemoUri}
            use-nvmultiurisrcbin=1
            max-batch-size=2
            http-ip=127.0.0.1
            http-port={port}
            [source-attr-all]
            enable=1
            type=2
            [streammux]
            width=320
            height=180
            [sink0]
            enable=1
            type=1
            sync=1
            [tests]
            file-loop=1
            """);
        using var p = StartDsnet(dir, config);
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        try
        {
            // No --http-port: the config's [source-list] http-port alone starts the web host.
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var body = StreamRestTests.Body("cam-cli", ServiceTestEnv.DemoUri, "camera_add");
            HttpResponseMessage? added = null;
            var until = DateTime.UtcNow.AddSeconds(90);
            while (added is null || added.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Assert.That(DateTime.UtcNow, Is.LessThan(until), "no stream API on the configured port within 90 s");
                await Task.Delay(250);
                try
                {
                    added = await http.PostAsync("/stream/add", new StringContent(body));
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }
            }

            Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.OK), await added.Content.ReadAsStringAsync());
            Assert.That(await http.GetStringAsync("/api/streams"), Does.Contain("\"camera_id\":\"cam-cli\""));
            Assert.That(Kill(p.Id, 15), Is.Zero);
            Assert.That(p.WaitForExit(60_000), Is.True, "exits after SIGTERM");
            Assert.That(p.ExitCode, Is.Zero);
        }
        finally
        {
            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary><c>dsnet run CONFIG --backend portable ARGS</c> as a process on this checkout's native build.</summary>
    private static Process StartDsnet(string dir, string config, params string[] args)
    {
        var lib = ServiceTestEnv.NativeLibDir;
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "dsnet.dll"), "run", config, "--backend", "portable" }.Concat(args))
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["GST_PLUGIN_PATH_1_0"] = lib;
        psi.Environment["GST_REGISTRY_1_0"] = Path.Combine(ServicePaths.RepositoryRoot, "build", "native", "gst-registry-dotnet-service-cli.bin");
        psi.Environment["LD_LIBRARY_PATH"] = lib;
        psi.Environment["DSNET_NATIVE_DIR"] = lib;
        return Process.Start(psi)!;
    }

    [GeneratedRegex(@"HTTP endpoints on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Address();

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
