using DeepStreamNet.Pipeline;
using DeepStreamNet.GStreamer;
using NUnit.Framework;

namespace DeepStreamNet.Service.Tests.Pipeline;

/// <summary>GStreamer on this checkout's build (isolated registry) and face-mask configs written for the service tests.</summary>
internal static class ServiceTestEnv
{
    public static string NativeLibDir => Path.Combine(ServicePaths.RepositoryRoot, "build", "native", "lib");

    public static string PortableConfigs => Path.Combine(ServicePaths.RepositoryRoot, "configs", "face-mask", "portable");

    public static string DemoUri => new Uri(Path.Combine(ServicePaths.SharedAssets, "media", "facemask-demo-720p.mp4")).AbsoluteUri;

    public static void Init()
    {
        if (!File.Exists(Path.Combine(NativeLibDir, "libgstdsnet.so")))
        {
            Assert.Fail($"libgstdsnet.so is not built in {NativeLibDir}: run ./setup.sh --no-demo");
        }

        if (!GstStartup.IsInitialized)
        {
            GstStartup.UseIsolatedRegistry(NativeLibDir, Path.Combine(ServicePaths.RepositoryRoot, "build", "native", "gst-registry-dotnet-service-tests.bin"));
            GstStartup.Initialize();
        }
    }

    /// <summary>The demo clip → UltraFace (ONNX, MIT model trained on the non-commercial WIDER FACE and MAFA) → IOU tracker →
    /// tiler → OSD → fakesink, plus <paramref name="extraSinks"/> groups; the assets resolve into ../shared/assets.</summary>
    public static string FaceMaskConfig(string dir, string extraSinks, int sources = 1)
    {
        var model = Path.Combine(dir, "config_infer_primary_ultraface.txt");
        File.WriteAllText(model, File.ReadAllText(Path.Combine(PortableConfigs, "config_infer_primary_ultraface.txt"))
            .Replace("../../../assets/", ServicePaths.SharedAssets + "/", StringComparison.Ordinal));
        File.Copy(Path.Combine(PortableConfigs, "labels_masknet.txt"), Path.Combine(dir, "labels_masknet.txt"), overwrite: true);
        File.Copy(Path.Combine(PortableConfigs, "config_tracker_IOU.yml"), Path.Combine(dir, "config_tracker_IOU.yml"), overwrite: true);
        File.Copy(Path.Combine(PortableConfigs, "msgconv_facemask.txt"), Path.Combine(dir, "msgconv_facemask.txt"), overwrite: true);
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < sources; i++)
        {
            sb.AppendLine($"[source{i}]\nenable=1\ntype=2\nuri={DemoUri}");
        }

        var text = $"""
            [application]
            {sb}
            [streammux]
            batch-size={sources}
            batched-push-timeout=40000
            width=640
            height=360

            [primary-gie]
            enable=1
            batch-size={sources}
            gie-unique-id=1
            bbox-border-color0=0;1;0;1
            bbox-border-color1=1;0;0;1
            config-file=config_infer_primary_ultraface.txt

            [tracker]
            enable=1
            tracker-width=640
            tracker-height=384
            ll-config-file=config_tracker_IOU.yml

            [tiled-display]
            enable=1
            width=640
            height=360

            [osd]
            enable=1
            border-width=2
            text-size=10
            font=DejaVu Sans

            [sink0]
            enable=1
            type=1
            sync=0

            {extraSinks}
            """;
        var path = Path.Combine(dir, "app.txt");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Loads, validates and builds the portable graph; fails on config errors.</summary>
    public static PipelineGraph Build(string path, params string[] overrides)
    {
        var plan = PipelinePlan.Create(path, overrides, PipelineBackend.Portable, TargetPlatform.DGpu);
        Assert.That(plan.IsValid, Is.True, plan.Report.ToString());
        return plan.Graph!;
    }
}
