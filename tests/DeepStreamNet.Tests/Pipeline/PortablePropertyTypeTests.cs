using System.Text;
using DeepStreamNet.Config;
using DeepStreamNet.Interop;
using DeepStreamNet.Pipeline;
using DeepStreamNet.GStreamer;
using DeepStreamNet.Runner;
using DeepStreamNet.Tests.Config;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Pipeline;

/// <summary>
/// Every property the portable builder sets, on the real elements: made through the interop from this checkout's
/// plugin (isolated registry), the property must exist (g_object_class_find_property) with a matching value type.
/// </summary>
public sealed unsafe class PortablePropertyTypeTests
{
    private static readonly Dictionary<GraphValueKind, string[]> Fundamentals = new()
    {
        [GraphValueKind.Int] = ["gint"],
        [GraphValueKind.UInt] = ["guint"],
        [GraphValueKind.Int64] = ["gint64"],
        [GraphValueKind.UInt64] = ["guint64"],
        [GraphValueKind.Double] = ["gdouble", "gfloat"],
        [GraphValueKind.Boolean] = ["gboolean"],
        [GraphValueKind.String] = ["gchararray"],
        [GraphValueKind.Enum] = ["GEnum", "GFlags"], // a nick: rtspsrc protocols=tcp, x264enc tune=zerolatency are flags
        [GraphValueKind.Caps] = ["GBoxed"],
    };

    private static IEnumerable<string> PortableFiles => FaceMaskConfigs.Portable;

    [OneTimeSetUp]
    public void Init()
    {
        FaceMaskConfigs.EnsureAssets();
        var lib = Path.Combine(TestPaths.RepositoryRoot, "build", "native", "lib");
        Assert.That(File.Exists(Path.Combine(lib, "libgstdsnet.so")), Is.True, $"native build missing: {lib}/libgstdsnet.so (cmake --build build/native)");
        if (!GstStartup.IsInitialized)
        {
            GstStartup.UseIsolatedRegistry(lib, Path.Combine(TestPaths.RepositoryRoot, "build", "native", "gst-registry-dotnet-tests.bin"));
            GstStartup.Initialize();
        }
    }

    [TestCaseSource(nameof(PortableFiles))]
    public void Every_property_exists_on_the_real_element_with_the_right_type(string file)
    {
        var loaded = AppConfigLoader.Load(FaceMaskConfigs.PathOf("portable", file), null, ValidationTarget.Portable);
        Assert.That(loaded.Config, Is.Not.Null, loaded.Report.ToString());
        var g = PipelineGraphBuilder.Build(loaded.Config!, PipelineBackend.Portable, TargetPlatform.DGpu, loaded.Report);
        var problems = new List<string>();
        var checkedCount = 0;
        foreach (var e in g.Elements)
        {
            foreach (var (property, value) in e.Properties)
            {
                var actual = PropertyFundamental(e.Factory, property);
                checkedCount++;
                if (actual is null)
                {
                    problems.Add($"{e}: no property '{property}'");
                }
                else if (!Fundamentals[value.Kind].Contains(actual))
                {
                    problems.Add($"{e}: '{property}' is {actual}, the graph gives {value.Kind} {value}");
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(checkedCount, Is.GreaterThan(10));
        });
    }

    [Test]
    public void Portable_tracker_gets_the_nvtracker_properties()
    {
        var loaded = AppConfigLoader.Load(FaceMaskConfigs.PathOf("portable", "deepstream_app_file_masknet.txt"), null, ValidationTarget.Portable);
        var g = PipelineGraphBuilder.Build(loaded.Config!, PipelineBackend.Portable, TargetPlatform.DGpu, loaded.Report);
        var t = g["tracking_tracker"];
        Assert.Multiple(() =>
        {
            Assert.That(t.Factory, Is.EqualTo("dsnettracker"));
            foreach (var p in new[] { "tracker-width", "tracker-height", "ll-config-file", "gpu-id", "display-tracking-id", "tracking-id-reset-mode" })
            {
                Assert.That(t.Get(p), Is.Not.Null, p);
            }

            Assert.That(t.Get("ll-config-file")?.ToString(), Does.EndWith("config_tracker_IOU.yml"));
        });
    }

    [Test]
    public void Checker_sees_a_wrong_name_and_a_wrong_type()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PropertyFundamental("dsnettracker", "tracker-widht"), Is.Null);
            Assert.That(PropertyFundamental("dsnettracker", "tracker-width"), Is.EqualTo("guint"));
            Assert.That(PropertyFundamental("dsnettracker", "display-tracking-id"), Is.EqualTo("gboolean"));
        });
    }

    [Test]
    public void Auto_backend_asks_the_gstreamer_registry()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ElementRegistry.HasFactory("dsnettracker"), Is.True, "this checkout's plugin");
            Assert.That(ElementRegistry.HasFactory("uridecodebin"), Is.True, "a system plugin");
            Assert.That(ElementRegistry.HasFactory("no-such-element"), Is.False);
            var expected = ElementRegistry.HasFactory("nvinfer") ? PipelineBackend.DeepStream : PipelineBackend.Portable;
            Assert.That(PipelinePlan.Create(Path.Combine(TestPaths.RepositoryRoot, "configs", "face-mask", "portable", "deepstream_app_file_masknet.txt")).Backend, Is.EqualTo(expected));
        });
    }

    /// <summary>The fundamental type name of a property of a new <paramref name="factory"/> element, or null when it has none.</summary>
    private static string? PropertyFundamental(string factory, string property)
    {
        fixed (byte* f = Encoding.UTF8.GetBytes(factory + "\0"))
        fixed (byte* p = Encoding.UTF8.GetBytes(property + "\0"))
        {
            var element = Gst.gst_element_factory_make(f, null);
            Assert.That(element is not null, Is.True, $"element factory '{factory}' is not installed");
            Gst.gst_object_ref_sink(element);
            try
            {
                var klass = (GObjectClass*)((GTypeInstance*)element)->g_class;
                var spec = GLib.g_object_class_find_property(klass, p);
                return spec is null ? null : Encoding.UTF8.GetString(MemoryMarshal(GLib.g_type_name(GLib.g_type_fundamental(spec->value_type))));
            }
            finally
            {
                Gst.gst_object_unref(element);
            }
        }
    }

    private static ReadOnlySpan<byte> MemoryMarshal(byte* z) => System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpanFromNullTerminated(z);
}
