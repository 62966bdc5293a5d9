namespace DeepStreamNet.BindGen.Parsing;

/// <summary>A C type with no blittable C# equivalent (long double, __int128, K&amp;R function types…).</summary>
internal sealed class UnmappableTypeException : Exception
{
    public UnmappableTypeException()
    {
    }

    public UnmappableTypeException(string message)
        : base(message)
    {
    }

    public UnmappableTypeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
