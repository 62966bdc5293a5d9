using System.Text.Json.Serialization;

namespace DeepStreamNet.BindGen.Config;

[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(RootConfig))]
[JsonSerializable(typeof(SetConfig))]
internal sealed partial class ConfigJsonContext : JsonSerializerContext;
