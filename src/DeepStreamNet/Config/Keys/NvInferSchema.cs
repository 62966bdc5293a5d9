namespace DeepStreamNet.Config;

/// <summary>Lookup of nvinfer config keys in <see cref="NvInferKeys"/> and <see cref="ClassAttrKeys"/>.</summary>
public static class NvInferSchema
{
    private static readonly Dictionary<string, KeySpec> Property = NvInferKeys.All.ToDictionary(k => k.Name, StringComparer.Ordinal);
    private static readonly Dictionary<string, KeySpec> ClassAttrs = ClassAttrKeys.All.ToDictionary(k => k.Name, StringComparer.Ordinal);

    public static KeySpec? FindProperty(string key) => Property.GetValueOrDefault(key);

    public static KeySpec? FindClassAttr(string key) => ClassAttrs.GetValueOrDefault(key);

    /// <summary>All <c>[property]</c> keys.</summary>
    public static IEnumerable<KeySpec> PropertyKeys => NvInferKeys.All;

    /// <summary>Names of the <c>[property]</c> keys that name files (resolved against the nvinfer file's folder).</summary>
    public static IEnumerable<string> PathKeys => NvInferKeys.Paths.Select(p => p.Key.Name);
}
