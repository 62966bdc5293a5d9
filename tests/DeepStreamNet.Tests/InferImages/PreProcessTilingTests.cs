using System.Globalization;
using DeepStreamNet.Config;
using DeepStreamNet.InferImages;
using DeepStreamNet.Pipeline;
using DeepStreamNet.Tests.Pipeline;
using DeepStreamNet.Tests.Probes;
using NUnit.Framework;

namespace DeepStreamNet.Tests.InferImages;

/// <summary>
/// The [pre-process] group on the portable runtime: dsnetpreprocess in the graph and in <c>dsnet infer-images</c>, with the
/// shipped tiled face-mask config (UltraFace, MIT; trained on the non-commercial WIDER FACE / MAFA data) on a real image.
/// </summary>
[TestFixture]
public sealed class PreProcessTilingTests
{
    private string _tmp = null!;

    private static string TiledApp => Path.Combine(ProbeTestEnv.PortableConfigDir, "deepstream_app_file_masknet_tiled.txt");

    [OneTimeSetUp]
    public void Init() => ProbeTestEnv.Init();

    [SetUp]
    public void MakeTemp() => _tmp = Directory.CreateTempSubdirectory("dsnet-preprocess-test-").FullName;

    [TearDown]
    public void RemoveTemp() => Directory.Delete(_tmp, recursive: true);

    [Test]
    public void Pre_process_group_builds_dsnetpreprocess_before_a_tensor_input_primary_gie()
    {
        var (g, r) = GraphTestHelpers.Build(TiledApp, PipelineBackend.Portable);
        var (ds, _) = GraphTestHelpers.Build(TiledApp, PipelineBackend.DeepStream, TargetPlatform.Jetson);
        Assert.Multiple(() =>
        {
            Assert.That(r.Errors, Is.Empty, r.ToString());
            Assert.That(g["preprocess"].Factory, Is.EqualTo("dsnetpreprocess"));
            Assert.That(GraphTestHelpers.Prop(g, "preprocess", "config-file"), Does.EndWith("config_preprocess_tiles.txt"));
            Assert.That(GraphTestHelpers.FactoriesFrom(g, "preprocess").Take(3), Is.EqualTo(new[] { "dsnetpreprocess", "queue", "dsnetinfer" }));
            Assert.That(GraphTestHelpers.Prop(g, "primary_gie", "input-tensor-meta"), Is.EqualTo("True").IgnoreCase);
            Assert.That(ds["preprocess"].Factory, Is.EqualTo("nvdspreprocess"));
            Assert.That(r.Warnings.Select(w => w.Message), Has.None.Contains("has no portable element"));
        });
    }

    [Test]
    public void Infer_images_runs_the_tiles_and_maps_boxes_back_to_the_image()
    {
        var chain = InferenceChain.FromAppConfig(TiledApp);
        Assert.That(chain.ToLaunch(), Does.StartWith("dsnetpreprocess name=preprocess config-file=").And.Contain("input-tensor-meta=true"));
        Assert.That(chain.FrameSize, Is.EqualTo((1280, 720)));
        var images = Directory.CreateDirectory(Path.Combine(_tmp, "images")).FullName;
        File.Copy(ProbeTestEnv.FaceImage, Path.Combine(images, "a.png"));
        Run(TiledApp, "tiled");
        Run(Path.Combine(ProbeTestEnv.PortableConfigDir, "deepstream_app_file_masknet.txt"), "plain");
        var tiled = Read("tiled");
        var plain = Read("plain");
        Assert.Multiple(() =>
        {
            Assert.That(plain, Is.Not.Empty);
            Assert.That(tiled, Has.Count.InRange(plain.Count, plain.Count + 3), "one box per face: the tiles' duplicates are merged");
            foreach (var b in tiled)
            {
                Assert.That(b[0] >= 0 && b[2] <= 512 && b[1] >= 0 && b[3] <= 366 && b[2] > b[0] && b[3] > b[1], Is.True, string.Join(",", b));
            }

            // every face of the whole-frame run is found by the tiled run at about the same place (image pixels)
            foreach (var p in plain)
            {
                Assert.That(tiled.Any(t => Iou(t, p) > 0.5), Is.True, $"face {string.Join(",", p)} not found");
            }
        });

        void Run(string app, string name) => ImageInference.Run(new InferImagesOptions
        {
            AppConfigPath = app,
            ImagesDirectory = images,
            OutputDirectory = Path.Combine(_tmp, name),
        });
    }

    private List<double[]> Read(string name) =>
        File.ReadAllLines(Path.Combine(_tmp, name, "a.txt")).Where(l => l.Length > 0)
            .Select(l => l.Split(' ')[4..8].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();

    private static double Iou(double[] a, double[] b)
    {
        var w = Math.Max(0, Math.Min(a[2], b[2]) - Math.Max(a[0], b[0]));
        var h = Math.Max(0, Math.Min(a[3], b[3]) - Math.Max(a[1], b[1]));
        var inter = w * h;
        return inter / (((a[2] - a[0]) * (a[3] - a[1])) + ((b[2] - b[0]) * (b[3] - b[1])) - inter);
    }
}
