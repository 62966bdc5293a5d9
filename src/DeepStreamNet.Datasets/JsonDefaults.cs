using System.Text.Json;

namespace DeepStreamNet.Datasets;

/// <summary>One cached serializer configuration for every --json report.</summary>
internal static class JsonDefaults
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Evaluation figures can be NaN (no ground truth); JSON has no NaN, so it is written as the string "NaN".</summary>
    public static readonly JsonSerializerOptions IndentedWithNaN = new()
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
