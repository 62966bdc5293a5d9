using System.Runtime.InteropServices;
using NUnit.Framework;

namespace DeepStreamNet.Interop.Tests;

public sealed class NativeLibraryResolverTests
{
    [Test]
    public void GStreamer_resolves_to_its_soname()
    {
        Assert.That(NativeLibraryResolver.Candidates(LibraryNames.GStreamer), Does.Contain("libgstreamer-1.0.so.0"));
        Assert.That(NativeLibraryResolver.LoadedPath(LibraryNames.GStreamer), Is.EqualTo("libgstreamer-1.0.so.0"));
        Assert.That(NativeLibrary.TryGetExport(NativeLibraryResolver.Load(LibraryNames.GStreamer), "gst_init", out _), Is.True);
    }

    [Test]
    public void NvDs_names_try_DeepStream_first_then_the_portable_library()
    {
        foreach (var (name, deepStreamFile) in new[] { (LibraryNames.NvDsMeta, "libnvds_meta.so"), (LibraryNames.NvDsGstMeta, "libnvdsgst_meta.so") })
        {
            var candidates = NativeLibraryResolver.Candidates(name);
            int ds = candidates.ToList().IndexOf(Path.Combine(NativeLibraryResolver.DeepStreamLibDir, deepStreamFile));
            int portable = candidates.ToList().FindIndex(c => c.EndsWith("libdsnet_meta.so", StringComparison.Ordinal));
            Assert.That(ds, Is.GreaterThanOrEqualTo(0), name);
            Assert.That(portable, Is.GreaterThan(ds), name);
            Assert.That(candidates[^1], Is.EqualTo("libdsnet_meta.so"), "the loader's own search comes last");
        }
    }

    [Test]
    public void NvBufSurface_tries_DeepStream_first_and_the_portable_surface_meta_only_the_portable_library()
    {
        var surface = NativeLibraryResolver.Candidates(LibraryNames.NvBufSurface).ToList();
        int ds = surface.IndexOf(Path.Combine(NativeLibraryResolver.DeepStreamLibDir, "libnvbufsurface.so"));
        Assert.That(ds, Is.GreaterThanOrEqualTo(0));
        Assert.That(surface.FindIndex(c => c.EndsWith("libdsnet_bufsurface.so", StringComparison.Ordinal)), Is.GreaterThan(ds));
        Assert.That(surface[^1], Is.EqualTo("libdsnet_bufsurface.so"));

        var meta = NativeLibraryResolver.Candidates(LibraryNames.DsNetBufSurface);
        Assert.That(meta.Any(c => c.Contains("deepstream", StringComparison.OrdinalIgnoreCase)), Is.False, "DeepStream has no surface meta library");
        Assert.That(meta[^1], Is.EqualTo("libdsnet_bufsurface.so"));
    }

    [Test]
    public void Without_DeepStream_both_NvDs_names_load_the_portable_library_of_this_build()
    {
        if (File.Exists(Path.Combine(NativeLibraryResolver.DeepStreamLibDir, "libnvds_meta.so")))
        {
            Assert.Ignore("DeepStream is installed on this machine: the portable fallback is not used");
        }

        string expected = Path.Combine(RepoPaths.NativeLibDir, "libdsnet_meta.so");
        Assert.That(File.Exists(expected), Is.True, $"{expected} missing: build the native side first");
        Assert.That(Path.GetFullPath(NativeLibraryResolver.LoadedPath(LibraryNames.NvDsMeta)), Is.EqualTo(Path.GetFullPath(expected)));
        Assert.That(Path.GetFullPath(NativeLibraryResolver.LoadedPath(LibraryNames.NvDsGstMeta)), Is.EqualTo(Path.GetFullPath(expected)));
    }

    [Test]
    public void SetPath_overrides_and_a_missing_library_lists_every_path_tried()
    {
        const string bogus = "/nonexistent/dsnet/libgstrtspserver-test.so";
        NativeLibraryResolver.Forget(LibraryNames.GstRtspServer); // other tests may have loaded it already
        NativeLibraryResolver.SetPath(LibraryNames.GstRtspServer, bogus);
        var candidates = NativeLibraryResolver.Candidates(LibraryNames.GstRtspServer);
        Assert.That(candidates[0], Is.EqualTo(bogus));

        // The override fails, the soname after it loads: the message path is exercised through an unknown file only.
        Assert.That(NativeLibraryResolver.LoadedPath(LibraryNames.GstRtspServer), Is.EqualTo("libgstrtspserver-1.0.so.0"));
        Assert.Throws<InvalidOperationException>(() => NativeLibraryResolver.SetPath(LibraryNames.GstRtspServer, bogus));
        NativeLibraryResolver.Forget(LibraryNames.GstRtspServer);
    }

    [Test]
    public void Environment_override_is_listed_first_after_the_api_override()
    {
        // The variable is read at resolution time; setting it for this process is enough for Candidates().
        Environment.SetEnvironmentVariable("DSNET_LIB_GSTVIDEO", "/opt/custom/libgstvideo-1.0.so.0");
        try
        {
            Assert.That(NativeLibraryResolver.Candidates(LibraryNames.GstVideo)[0], Is.EqualTo("/opt/custom/libgstvideo-1.0.so.0"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("DSNET_LIB_GSTVIDEO", null);
        }
    }

    [Test]
    public void Unknown_names_are_rejected_with_the_known_ones()
    {
        var ex = Assert.Throws<ArgumentException>(() => NativeLibraryResolver.Candidates("nosuchlib"));
        Assert.That(ex!.Message, Does.Contain("gstreamer").And.Contain("nvdsmeta"));
    }

    [Test]
    public void A_library_that_loads_nowhere_fails_with_every_path_tried()
    {
        string[] tried = ["/nonexistent/a/libnvds_meta.so", "/nonexistent/b/libdsnet_meta.so", "libdsnet-no-such-lib.so"];
        var ex = Assert.Throws<DllNotFoundException>(() => NativeLibraryResolver.LoadFirst("nvdsmeta", tried));
        foreach (string path in tried)
        {
            Assert.That(ex!.Message, Does.Contain(path));
        }

        Assert.That(ex!.Message, Does.Contain("DSNET_LIB_NVDSMETA"));
    }
}
