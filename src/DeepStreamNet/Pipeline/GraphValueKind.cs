namespace DeepStreamNet.Pipeline;

/// <summary>GType family of a <see cref="GraphValue"/>.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Names mirror the GType families.")]
public enum GraphValueKind
{
    Int,
    UInt,
    Int64,
    UInt64,
    Double,
    Boolean,
    String,
    Enum,
    Caps,
}
