using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using DeepStreamNet.Tests.Runner;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Assets;

/// <summary>Issue 18 item 9: <c>dsnet assets fetch</c> stopped by Ctrl-C or SIGTERM mid-download leaves no partial file.</summary>
[TestFixture]
[NonParallelizable]
public sealed class AssetsFetchInterruptTests
{
    [TestCase("INT")]
    [TestCase("TERM")]
    public void Signal_mid_download_removes_the_partial_file_and_exits_130(string signal)
    {
        if (signal == "INT")
        {
            CliProcessTests.RequireSigIntDeliverable();
        }

        var work = Directory.CreateTempSubdirectory("dsnet-assets-signal-").FullName;
        try
        {
            const int Size = 8 << 20;
            using var server = new TricklingServer(Size);
            var manifest = Path.Combine(work, "manifest.tsv");
            var sha = Convert.ToHexStringLower(SHA256.HashData(new byte[Size]));
            File.WriteAllText(manifest, $"big.bin\t{sha}\t{Size}\thttp://127.0.0.1:{server.Port}/big.bin\ttest\n");
            var dest = Path.Combine(work, "dest");

            using var p = CliProcessTests.StartDsnet(work, null, "assets", "fetch", "--manifest", manifest, "--dest", dest, "--timeout", "120");
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (!p.HasExited && DateTime.UtcNow < deadline && !(Directory.Exists(dest) && Directory.GetFiles(dest, "*.partial-*").Length > 0 && server.Sent > 0))
            {
                Thread.Sleep(50);
            }

            Assert.That(p.HasExited, Is.False, "dsnet ended before the signal\n" + p.Output);
            Assert.That(Directory.GetFiles(dest, "*.partial-*"), Has.Length.EqualTo(1), "the download is in progress");
            using (var kill = System.Diagnostics.Process.Start("kill", ["-" + signal, p.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                kill.WaitForExit();
            }

            var (code, stdout, stderr) = p.WaitForExit(TimeSpan.FromSeconds(20), "dsnet assets fetch after SIG" + signal);
            Assert.That(code, Is.EqualTo(130), stdout + stderr);
            Assert.That(stderr, Does.Contain("no partial file is left"));
            Assert.That(Directory.GetFileSystemEntries(dest), Is.Empty, "neither the partial file nor a half-written big.bin");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>A real HTTP/1.1 server on 127.0.0.1 that announces <c>size</c> zero bytes and sends 16 kB every 50 ms.</summary>
    private sealed class TricklingServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private long _sent;

        public TricklingServer(int size)
        {
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _loop = Task.Run(async () =>
            {
                try
                {
                    while (!_stop.IsCancellationRequested)
                    {
                        using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                        await using var stream = client.GetStream();
                        var request = new byte[4096];
                        _ = await stream.ReadAsync(request, _stop.Token); // one GET, headers fit
                        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {size}\r\nConnection: close\r\n\r\n"), _stop.Token);
                        var chunk = new byte[16 << 10];
                        for (var sent = 0; sent < size && !_stop.IsCancellationRequested; sent += chunk.Length)
                        {
                            await stream.WriteAsync(chunk, _stop.Token);
                            Interlocked.Add(ref _sent, chunk.Length);
                            await Task.Delay(50, _stop.Token);
                        }
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
                {
                    // stopped, or the client went away
                }
            });
        }

        public int Port { get; }

        public long Sent => Interlocked.Read(ref _sent);

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _loop.Wait(TimeSpan.FromSeconds(5));
            _stop.Dispose();
        }
    }
}
