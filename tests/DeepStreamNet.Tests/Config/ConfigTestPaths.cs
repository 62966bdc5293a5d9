namespace DeepStreamNet.Tests.Config;

/// <summary>Inputs of the config and pipeline tests: the test configs and the ../shared model and clip they use.</summary>
internal static class ConfigTestPaths
{
    public static string ConfigData => Path.Combine(TestPaths.RepositoryRoot, "tests", "DeepStreamNet.Tests", "Config", "TestData");

    public static string Data(string name) => Path.Combine(ConfigData, name);

    public static string UltraFace640 => Path.Combine(TestPaths.SharedAssets, "models", "ultraface", "RFB-640-masked_face-v2.onnx");

    /// <summary>DeepStreamNet's parser library of this checkout's native build (UltraFace's parser lives there).</summary>
    public static string ParserLibrary => Path.Combine(TestPaths.RepositoryRoot, "build", "native", "lib", "libdsnet_parsers.so");

    public static string DemoClip => Path.Combine(TestPaths.SharedAssets, "media", "facemask-demo-720p.mp4");
}
