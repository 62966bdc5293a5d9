namespace DeepStreamNet.Interop;

/// <summary>Keeps the C spelling of a type (e.g. <c>const gchar *</c>) where the blittable C# type loses it.</summary>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Enum | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class NativeTypeNameAttribute(string name) : Attribute
{
    /// <summary>The C type as written in the header.</summary>
    public string Name { get; } = name;
}
