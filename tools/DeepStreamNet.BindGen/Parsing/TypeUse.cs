namespace DeepStreamNet.BindGen.Parsing;

/// <summary>How a declaration uses a named type: it decides whether the type is emitted in full or opaque.</summary>
internal enum TypeUse
{
    /// <summary>A struct/union held by value: its layout is needed.</summary>
    RecordByValue,

    /// <summary>A struct/union only pointed to: an opaque declaration is enough.</summary>
    RecordByPointer,

    /// <summary>An enum (always emitted in full).</summary>
    Enum,
}
