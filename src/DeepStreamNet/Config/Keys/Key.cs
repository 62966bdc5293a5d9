namespace DeepStreamNet.Config;

/// <summary>A key with its default: records initialise from <see cref="Default"/> and read with
/// <see cref="GroupReader.Value{T}(Key{T})"/>, so the default is stated once.</summary>
/// <typeparam name="T">The value a reader returns: matches <see cref="KeySpec.Type"/> (checked on construction).</typeparam>
public sealed record Key<T> : KeySpec
{
    public Key(string name, KeyType type, T @default, string since = "5.0")
        : base(name, type, since)
    {
        var expected = ClrTypeOf(type);
        var actual = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (actual != expected)
        {
            throw new ArgumentException($"key '{name}' of type {type} is read as {expected.Name}, not {typeof(T).Name}", nameof(type));
        }

        Default = @default;
    }

    /// <summary>The value deepstream-app / nvinfer use when the key is absent (null: "not set").</summary>
    public T Default { get; init; }

    public override object? DefaultValue => Default;
}
