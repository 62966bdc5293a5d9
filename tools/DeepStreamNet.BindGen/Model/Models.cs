namespace DeepStreamNet.BindGen.Model;

// The language-neutral result of reading a set: what the C# and layout-probe writers print.

/// <summary>A field at an explicit byte offset. <see cref="FixedLength"/> &gt; 0 makes it a C# fixed buffer.</summary>
public sealed record FieldModel(string Name, string CsType, string? NativeType, long Offset, int FixedLength, string? CDesignator, bool IsBitfieldStorage);

/// <summary>A C bitfield exposed as a property over a backing field.</summary>
public sealed record BitfieldModel(string Name, string CsType, string? NativeType, string Storage, string StorageType, int Shift, int Width, bool IsSigned);

/// <summary>
/// A struct or union. <see cref="ProbeRoot"/>/<see cref="ProbePath"/> say how C reaches it for the layout probe
/// (a nested anonymous type is <c>((Root*)0)-&gt;path</c>). <see cref="InlineArrayLength"/> &gt; 0: an InlineArray helper.
/// </summary>
public sealed record StructModel(
    string Name,
    string? NativeType,
    bool IsUnion,
    long Size,
    long Align,
    IReadOnlyList<FieldModel> Fields,
    IReadOnlyList<BitfieldModel> Bitfields,
    IReadOnlyList<StructModel> Nested,
    string ProbeRoot,
    string ProbePath,
    int InlineArrayLength = 0);

public sealed record EnumMemberModel(string Name, string Value);

public sealed record EnumModel(string Name, string UnderlyingType, bool IsFlags, IReadOnlyList<EnumMemberModel> Members);

public sealed record ParameterModel(string Name, string CsType, string? NativeType);

public sealed record FunctionModel(string Name, string Library, string ReturnType, string? ReturnNativeType, IReadOnlyList<ParameterModel> Parameters);

public sealed record ConstantModel(string Name, string CsType, string Value, string? NativeType);

/// <summary>Everything one set emits.</summary>
public sealed class SetModel(string name, string className)
{
    public string Name { get; } = name;

    public string ClassName { get; } = className;

    public SortedDictionary<string, StructModel> Structs { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, EnumModel> Enums { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Opaque { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, FunctionModel> Functions { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, ConstantModel> Constants { get; } = new(StringComparer.Ordinal);

    /// <summary>Headers the layout probe includes (the set's headers, as configured).</summary>
    public IList<string> Headers { get; } = [];

    /// <summary>Selected declarations that were not bound, with the reason.</summary>
    public IList<string> Notes { get; } = [];
}
