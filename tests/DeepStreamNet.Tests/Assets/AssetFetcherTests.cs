using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using DeepStreamNet.Assets;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Assets;

public sealed class AssetFetcherTests
{
    private string work = null!;

    [SetUp]
    public void SetUp() => work = Directory.CreateTempSubdirectory("dsnet-assets-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(work, recursive: true);

    [Test]
    public async Task Mirror_hit_copies_and_verifies_the_real_model()
    {
        var shared = TestPaths.SharedAssets;
        var manifest = WriteManifest(Line("models/ultraface/voc-model-labels.txt", File.ReadAllBytes(Path.Combine(shared, "models/ultraface/voc-model-labels.txt")), url: null));
        var dest = Path.Combine(work, "dest");

        var results = await new AssetFetcher(http: null).FetchAllAsync(manifest, dest, shared);

        Assert.That(results.Single().Outcome, Is.EqualTo(AssetFetchOutcome.FromMirror));
        Assert.That(File.ReadAllText(Path.Combine(dest, "models/ultraface/voc-model-labels.txt")), Does.StartWith("BACKGROUND"));

        var again = await new AssetFetcher(http: null).FetchAllAsync(manifest, dest, shared);
        Assert.That(again.Single().Outcome, Is.EqualTo(AssetFetchOutcome.UpToDate));
    }

    [Test]
    public async Task The_repository_manifest_is_complete_against_the_shared_mirror()
    {
        var manifest = AssetManifest.Load(Path.Combine(TestPaths.RepositoryRoot, "assets", "manifest.tsv"));
        var dest = Path.Combine(work, "all");

        var results = await new AssetFetcher(http: null).FetchAllAsync(manifest, dest, TestPaths.SharedAssets);

        Assert.That(results.Select(r => r.Outcome), Is.All.EqualTo(AssetFetchOutcome.FromMirror),
            string.Join("\n", results.SelectMany(r => r.Problems)));
        Assert.That(results.Select(r => r.Entry.RelativePath), Does.Contain("models/ultraface/RFB-640-masked_face-v2.onnx"));
    }

    [Test]
    public async Task Checksum_mismatch_in_the_mirror_fails_and_leaves_no_file_behind()
    {
        var mirror = Path.Combine(work, "mirror");
        Directory.CreateDirectory(Path.Combine(mirror, "models"));
        File.WriteAllText(Path.Combine(mirror, "models", "m.onnx"), "tampered");
        var manifest = WriteManifest(Line("models/m.onnx", "original"u8.ToArray(), url: null));
        var dest = Path.Combine(work, "dest");

        var result = (await new AssetFetcher(http: null).FetchAllAsync(manifest, dest, mirror)).Single();

        Assert.That(result.Outcome, Is.EqualTo(AssetFetchOutcome.Failed));
        Assert.That(result.Problems, Has.Some.Contains("checksum mismatch"));
        Assert.That(result.Problems, Has.Some.Contains("mirror only"));
        Assert.That(Directory.Exists(Path.Combine(dest, "models")) ? Directory.GetFiles(Path.Combine(dest, "models")) : [], Is.Empty);
    }

    [Test]
    public async Task A_wrong_existing_file_is_replaced_from_the_mirror()
    {
        var mirror = Path.Combine(work, "mirror");
        Directory.CreateDirectory(mirror);
        File.WriteAllText(Path.Combine(mirror, "a.txt"), "good");
        var dest = Path.Combine(work, "dest");
        Directory.CreateDirectory(dest);
        File.WriteAllText(Path.Combine(dest, "a.txt"), "stale");
        var manifest = WriteManifest(Line("a.txt", "good"u8.ToArray(), url: null));

        var result = (await new AssetFetcher(http: null).FetchAllAsync(manifest, dest, mirror)).Single();

        Assert.That(result.Outcome, Is.EqualTo(AssetFetchOutcome.FromMirror));
        Assert.That(File.ReadAllText(Path.Combine(dest, "a.txt")), Is.EqualTo("good"));
    }

    [Test]
    public async Task Download_from_a_local_http_server_when_the_mirror_lacks_the_file()
    {
        var payload = RandomNumberGenerator.GetBytes(200_000);
        using var server = new LoopbackFileServer(new Dictionary<string, byte[]> { ["/files/model.onnx"] = payload });
        var manifest = WriteManifest(Line("models/model.onnx", payload, new Uri(server.BaseAddress, "/files/model.onnx")));
        var dest = Path.Combine(work, "dest");
        using var http = new HttpClient();

        var result = (await new AssetFetcher(http).FetchAllAsync(manifest, dest, Path.Combine(work, "empty-mirror"))).Single();

        Assert.That(result.Outcome, Is.EqualTo(AssetFetchOutcome.Downloaded));
        Assert.That(File.ReadAllBytes(Path.Combine(dest, "models/model.onnx")), Is.EqualTo(payload));
        Assert.That(result.Problems, Has.Some.Contains("does not exist"));
    }

    [Test]
    public async Task Download_errors_are_reported_with_the_address()
    {
        using var server = new LoopbackFileServer(new Dictionary<string, byte[]>());
        var url = new Uri(server.BaseAddress, "/missing.onnx");
        var manifest = WriteManifest(Line("missing.onnx", "x"u8.ToArray(), url));
        using var http = new HttpClient();

        var result = (await new AssetFetcher(http).FetchAllAsync(manifest, Path.Combine(work, "dest"), mirror: null)).Single();

        Assert.That(result.Outcome, Is.EqualTo(AssetFetchOutcome.Failed));
        Assert.That(result.Problems, Has.Some.Contains(url.ToString()).And.Some.Contains("404"));
        Assert.That(File.Exists(Path.Combine(work, "dest", "missing.onnx")), Is.False);
    }

    [Test]
    public async Task Fifo_device_and_oversized_mirror_files_are_refused_without_blocking()
    {
        var mirror = Path.Combine(work, "mirror");
        Directory.CreateDirectory(mirror);
        using (var mk = System.Diagnostics.Process.Start("mkfifo", [Path.Combine(mirror, "fifo.bin")]))
        {
            await mk.WaitForExitAsync();
        }

        File.CreateSymbolicLink(Path.Combine(mirror, "zero.bin"), "/dev/zero");
        File.WriteAllBytes(Path.Combine(mirror, "big.bin"), new byte[5000]);
        Directory.CreateDirectory(Path.Combine(mirror, "dir.bin"));
        var content = "payload"u8.ToArray();
        var manifest = WriteManifest(Line("fifo.bin", content, null), Line("zero.bin", content, null), Line("big.bin", content, null), Line("dir.bin", content, null));
        var dest = Path.Combine(work, "dest");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var results = await new AssetFetcher(http: null).FetchAllAsync(manifest, dest, mirror, timeout.Token);

        Assert.That(results.Select(r => r.Outcome), Is.All.EqualTo(AssetFetchOutcome.Failed));
        Assert.That(results[0].Problems[0], Does.Contain("fifo.bin is 0 bytes").And.Contain("not a regular file"));
        Assert.That(results[1].Problems[0], Does.Contain("zero.bin is 0 bytes"));
        Assert.That(results[2].Problems[0], Does.Contain("big.bin is 5000 bytes, not the manifest's 7"));
        Assert.That(results[3].Problems[0], Does.Contain("is a folder"));
        Assert.That(results.Select(r => r.Path), Is.EqualTo(new[] { "fifo.bin", "zero.bin", "big.bin", "dir.bin" }.Select(f => Path.Combine(dest, f))));
        Assert.That(Directory.Exists(dest) ? Directory.GetFileSystemEntries(dest) : [], Is.Empty);
    }

    [Test]
    public async Task A_download_longer_than_the_manifest_size_is_cut_off()
    {
        var declared = "short"u8.ToArray();
        using var server = new LoopbackFileServer(new Dictionary<string, byte[]> { ["/f.bin"] = new byte[3_000_000] });
        var manifest = WriteManifest(Line("f.bin", declared, new Uri(server.BaseAddress, "/f.bin")));
        using var http = new HttpClient();

        var result = (await new AssetFetcher(http).FetchAllAsync(manifest, Path.Combine(work, "dest"), mirror: null)).Single();

        Assert.That(result.Outcome, Is.EqualTo(AssetFetchOutcome.Failed));
        Assert.That(result.Problems, Has.Some.Contains("more than the manifest's 5 bytes"));
        Assert.That(Directory.GetFiles(Path.Combine(work, "dest")), Is.Empty, "no partial file");
    }

    [Test]
    public void A_folder_given_as_the_manifest_says_so() =>
        Assert.That(() => AssetManifest.Load(work), Throws.TypeOf<AssetException>().With.Message.Contain("is a folder"));

    [Test]
    public void Malformed_manifest_lines_are_reported_with_line_numbers()
    {
        var path = Path.Combine(work, "bad.tsv");
        File.WriteAllText(path, "# header\nmodels/a.onnx\tnothex\t10\t\tMIT\n../escape\t" + new string('a', 64) + "\t1\t\tMIT\nonly-two\tfields\n");

        var error = Assert.Throws<AssetException>(() => AssetManifest.Load(path))!;

        Assert.That(error.Message, Does.Contain("bad.tsv:2: sha256"));
        Assert.That(error.Message, Does.Contain("bad.tsv:3: path '../escape'"));
        Assert.That(error.Message, Does.Contain("bad.tsv:4: expected 5"));
    }

    private AssetManifest WriteManifest(params string[] lines)
    {
        var path = Path.Combine(work, "manifest.tsv");
        File.WriteAllLines(path, ["# test manifest", .. lines]);
        return AssetManifest.Load(path);
    }

    private static string Line(string relative, byte[] content, Uri? url) =>
        $"{relative}\t{Convert.ToHexStringLower(SHA256.HashData(content))}\t{content.Length}\t{url}\ttest licence";

    /// <summary>A real HTTP server on 127.0.0.1 serving fixed files (404 for anything else).</summary>
    private sealed class LoopbackFileServer : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly Task loop;

        public LoopbackFileServer(IReadOnlyDictionary<string, byte[]> files)
        {
            var port = FreePort();
            BaseAddress = new Uri($"http://127.0.0.1:{port}/");
            listener.Prefixes.Add(BaseAddress.ToString());
            listener.Start();
            loop = Task.Run(async () =>
            {
                while (listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await listener.GetContextAsync();
                    }
                    catch (Exception) when (!listener.IsListening)
                    {
                        return;
                    }
                    catch (HttpListenerException)
                    {
                        return;
                    }

                    if (files.TryGetValue(context.Request.Url!.AbsolutePath, out var body))
                    {
                        context.Response.ContentLength64 = body.Length;
                        await context.Response.OutputStream.WriteAsync(body);
                    }
                    else
                    {
                        context.Response.StatusCode = 404;
                    }

                    context.Response.Close();
                }
            });
        }

        public Uri BaseAddress { get; }

        public void Dispose()
        {
            listener.Stop();
            listener.Close();
            loop.Wait(TimeSpan.FromSeconds(5));
        }

        private static int FreePort()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }
    }
}
