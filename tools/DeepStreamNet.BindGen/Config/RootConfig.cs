using System.Text.Json.Serialization;

namespace DeepStreamNet.BindGen.Config;

/// <summary><c>bindings/generation/bindgen.json</c>: where output goes and which sets, in which order.</summary>
public sealed class RootConfig
{
    /// <summary>C# namespace of every generated file.</summary>
    [JsonPropertyName("namespace")]
    public string Namespace { get; set; } = "DeepStreamNet.Interop";

    /// <summary>Folder (relative to the generation folder) that receives one sub-folder per set.</summary>
    [JsonPropertyName("output")]
    public string Output { get; set; } = "Generated";

    /// <summary>Set folder names in dependency order: a type referenced by several sets belongs to the first.</summary>
    [JsonPropertyName("sets")]
    public IList<string> Sets { get; set; } = [];
}
