using DeepStreamNet.GStreamer;
using DeepStreamNet.Runner;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner;

/// <summary>Points GStreamer at this checkout's build with a private registry before anything initialises it.</summary>
[SetUpFixture]
public sealed class GstSetUp
{
    public static string NativeLib => Path.Combine(TestPaths.RepositoryRoot, "build", "native", "lib");

    [OneTimeSetUp]
    public void Init()
    {
        Assert.That(File.Exists(Path.Combine(NativeLib, "libgstdsnet.so")), Is.True, $"native build missing: {NativeLib}/libgstdsnet.so (cmake --build build/native)");
        if (!GstStartup.IsInitialized)
        {
            GstStartup.UseIsolatedRegistry(NativeLib, Path.Combine(TestPaths.RepositoryRoot, "build", "native", "gst-registry-dotnet-tests.bin"));
            GstStartup.Initialize();
        }
    }
}
