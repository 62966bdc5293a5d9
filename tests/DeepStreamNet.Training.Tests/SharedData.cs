namespace DeepStreamNet.Training.Tests;

/// <summary>The read-only <c>shared/</c> folder beside the repository root (or DSNET_SHARED_DIR).</summary>
internal static class SharedData
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var env = Environment.GetEnvironmentVariable("DSNET_SHARED_DIR");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var shared = Path.GetFullPath(Path.Combine(d.FullName, "..", "shared"));
            if (File.Exists(Path.Combine(d.FullName, "DeepStreamNet.sln")) && Directory.Exists(shared))
            {
                return shared;
            }
        }

        throw new DirectoryNotFoundException("shared/ not found beside the repository root; set DSNET_SHARED_DIR");
    });

    public static string TrainSet => Path.Combine(Root.Value, "datasets", "kaggle-facemask-train");

    public static string DevSet => Path.Combine(Root.Value, "datasets", "kaggle-facemask-dev");

    public static string YuNet => Path.Combine(Root.Value, "assets", "models", "yunet", "yunet_n_640_640.onnx");

    public static string RetinaFace => Path.Combine(Root.Value, "assets", "models", "retinaface", "retinaface_mnet025_dynpatch.onnx");

    public static string UltraFace => Path.Combine(Root.Value, "assets", "models", "ultraface", "RFB-640-masked_face-v2.onnx");
}
