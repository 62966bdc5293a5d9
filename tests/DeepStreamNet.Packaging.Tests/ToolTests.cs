namespace DeepStreamNet.Packaging.Tests;

/// <summary>The dsnet tool installed from the feed with --tool-path, used from a folder that is not the checkout.</summary>
public sealed class ToolTests
{
    private static string Elsewhere()
    {
        var dir = Path.Combine(PackagedFeed.Box.Root, "elsewhere");
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FileConfig => Path.Combine(PackagedFeed.Box.DataRoot, "configs", "face-mask", "portable", "deepstream_app_file_masknet.txt");

    [Test]
    public void Assets_fetch_fills_the_user_data_folder_with_assets_and_configs()
    {
        PackagedFeed.Tool();
        var data = PackagedFeed.Box.DataRoot;
        Assert.That(File.Exists(Path.Combine(data, "assets", "media", "facemask-demo-720p.mp4")));
        Assert.That(File.Exists(Path.Combine(data, "assets", "models", "ultraface", "RFB-640-masked_face-v2.onnx")));
        Assert.That(File.Exists(FileConfig));
    }

    [Test]
    public void Validate_works_from_another_folder()
    {
        var output = PackagedFeed.Box.RunOk(PackagedFeed.Tool(), $"validate {FileConfig}", Elsewhere(), TimeSpan.FromMinutes(2));
        Assert.That(output, Does.Contain("deepstream_app_file_masknet.txt: valid"));
    }

    [Test]
    public void Short_run_from_another_folder_writes_the_file_it_announces()
    {
        var dir = Elsewhere();
        // SIGINT after 20 s: dsnet sends EOS, finalises the MP4 and exits 0.
        var output = PackagedFeed.Box.RunOk("timeout", $"--preserve-status -s INT 20 {PackagedFeed.Tool()} run {FileConfig}", dir, TimeSpan.FromMinutes(3));
        var expected = Path.Combine(dir, "out", "facemask-demo-annotated.mp4");
        Assert.That(output, Does.Contain("output files:").And.Contain(expected));
        Assert.That(new FileInfo(expected).Length, Is.GreaterThan(10_000), output);
    }

    [Test]
    public void Doctor_reports_the_portable_backend_ready()
    {
        var (code, output) = PackagedFeed.Box.Run(PackagedFeed.Tool(), "doctor", Elsewhere(), TimeSpan.FromMinutes(2));
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("backend auto → portable: READY"));
        Assert.That(output, Does.Match(@"ok +plugin libgstdsnet\.so: \S+/tools/\.store/dsnet/\S+/runtimes/linux-x64/native/libgstdsnet\.so"));
        Assert.That(output, Does.Match(@"ok +ONNX Runtime: \S+/runtimes/linux-x64/native/libonnxruntime\.so"));
    }

    [Test]
    public void Doctor_with_the_plugin_hidden_is_not_ready_and_names_the_fix()
    {
        var tool = PackagedFeed.Tool();
        var plugin = Directory.GetFiles(Path.Combine(PackagedFeed.Box.Root, "tools", ".store"), "libgstdsnet.so", SearchOption.AllDirectories)
            .Single(p => p.Contains("/linux-x64/", StringComparison.Ordinal));
        File.Move(plugin, plugin + ".hidden");
        try
        {
            var (code, output) = PackagedFeed.Box.Run(tool, "doctor --backend portable", Elsewhere(), TimeSpan.FromMinutes(2),
                ("XDG_CACHE_HOME", Path.Combine(PackagedFeed.Box.Root, "cache-hidden")));
            Assert.That(code, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain("MISSING  plugin libgstdsnet.so: not found; looked in:"));
            Assert.That(output, Does.Contain("fix: dotnet add package DeepStreamNet.Runtime.Portable"));
            Assert.That(output, Does.Contain("MISSING  elements: missing: dsnetstreammux"));
            Assert.That(output, Does.Contain("backend portable: NOT READY"));
        }
        finally
        {
            File.Move(plugin + ".hidden", plugin);
        }
    }
}
