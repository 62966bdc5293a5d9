namespace DeepStreamNet.Interop;

/// <summary>
/// GLib's <c>gboolean</c>: a 4-byte int where any non-zero value is true. A distinct type (not <c>bool</c>, whose
/// native size is 1 byte) keeps signatures and struct layouts exact while converting implicitly to and from bool.
/// </summary>
public readonly struct GBoolean : IEquatable<GBoolean>
{
    public static readonly GBoolean True = new(1);
    public static readonly GBoolean False = new(0);

    public GBoolean(int value) => Value = value;

    /// <summary>The raw C value.</summary>
    public int Value { get; }

    public bool IsTrue => Value != 0;

    public static implicit operator bool(GBoolean value) => value.Value != 0;

    public static implicit operator GBoolean(bool value) => new(value ? 1 : 0);

    public static bool operator ==(GBoolean left, GBoolean right) => left.IsTrue == right.IsTrue;

    public static bool operator !=(GBoolean left, GBoolean right) => left.IsTrue != right.IsTrue;

    public static bool operator true(GBoolean value) => value.IsTrue;

    public static bool operator false(GBoolean value) => !value.IsTrue;

    public bool ToBoolean() => IsTrue;

    public static GBoolean FromBoolean(bool value) => value;

    public bool Equals(GBoolean other) => IsTrue == other.IsTrue;

    public override bool Equals(object? obj) => obj is GBoolean other && Equals(other);

    public override int GetHashCode() => IsTrue ? 1 : 0;

    public override string ToString() => IsTrue ? "TRUE" : "FALSE";
}
