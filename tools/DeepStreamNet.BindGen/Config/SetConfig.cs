using System.Text.Json.Serialization;

namespace DeepStreamNet.BindGen.Config;

/// <summary><c>&lt;set&gt;/set.json</c>: one header set (see bindings/README.md for every key).</summary>
public sealed class SetConfig
{
    /// <summary>Static class receiving the set's functions and constants.</summary>
    [JsonPropertyName("class")]
    public string Class { get; set; } = string.Empty;

    /// <summary>Headers #included, in order, into the translation unit.</summary>
    [JsonPropertyName("headers")]
    public IList<string> Headers { get; set; } = [];

    /// <summary>pkg-config modules whose <c>--cflags</c> are passed to clang.</summary>
    [JsonPropertyName("pkgConfig")]
    public IList<string> PkgConfig { get; set; } = [];

    /// <summary>Extra include folders, relative to the set folder.</summary>
    [JsonPropertyName("includeDirs")]
    public IList<string> IncludeDirs { get; set; } = [];

    /// <summary>Preprocessor definitions (NAME or NAME=VALUE).</summary>
    [JsonPropertyName("defines")]
    public IList<string> Defines { get; set; } = [];

    /// <summary>Path suffixes of the files whose declarations may be taken (e.g. gst/gstpad.h).</summary>
    [JsonPropertyName("files")]
    public IList<string> Files { get; set; } = [];

    /// <summary>Function name globs to take; empty = every function of <see cref="Files"/>.</summary>
    [JsonPropertyName("functions")]
    public IList<string> Functions { get; set; } = [];

    /// <summary>Struct/union/enum name globs to take; empty = every type of <see cref="Files"/>.</summary>
    [JsonPropertyName("types")]
    public IList<string> Types { get; set; } = [];

    /// <summary>Macro constant globs to take; empty = every simple <c>#define NAME literal</c> of <see cref="Files"/>.</summary>
    [JsonPropertyName("constants")]
    public IList<string> Constants { get; set; } = [];

    /// <summary>Name globs never taken (any kind).</summary>
    [JsonPropertyName("exclude")]
    public IList<string> Exclude { get; set; } = [];

    /// <summary>Function-name prefix → logical library name; the longest matching prefix wins.</summary>
    [JsonPropertyName("libraries")]
    public IDictionary<string, string> Libraries { get; set; } = new Dictionary<string, string>();

    /// <summary>C typedef name → C# type name used instead of the typedef's canonical type.</summary>
    [JsonPropertyName("remap")]
    public IDictionary<string, string> Remap { get; set; } = new Dictionary<string, string>();

    /// <summary>Enums emitted with [Flags] besides those whose name ends in "Flags".</summary>
    [JsonPropertyName("flags")]
    public IList<string> Flags { get; set; } = [];
}
