namespace DeepStreamNet.Datasets.Mat;

/// <summary>
/// A numeric (or logical, or sparse expanded to dense) array. <see cref="Real"/> holds values of the array class's
/// own .NET type (double[] for mxDOUBLE, short[] for mxINT16, …), converted from whatever type the file stored them
/// in: MATLAB stores integer-valued doubles as narrow integers, so the stored type is not the class.
/// </summary>
public sealed class MatNumericArray : MatArray
{
    internal MatNumericArray(string name, MatClass matClass, int[] dimensions, Array real, Array? imaginary, bool isLogical, bool isSparse)
        : base(name, matClass, dimensions)
    {
        Real = real;
        Imaginary = imaginary;
        IsLogical = isLogical;
        IsSparse = isSparse;
    }

    /// <summary>Real parts in column-major order, typed by <see cref="MatArray.Class"/>.</summary>
    public Array Real { get; }

    /// <summary>Imaginary parts of a complex array, else null.</summary>
    public Array? Imaginary { get; }

    public bool IsComplex => Imaginary is not null;

    public bool IsLogical { get; }

    /// <summary>True when the file held a sparse matrix (expanded here to a dense array).</summary>
    public bool IsSparse { get; }

    /// <summary>Element <paramref name="index"/> (column-major) as a double (64-bit integers beyond 2^53 lose precision).</summary>
    public double this[int index] => Convert.ToDouble(Real.GetValue(index), System.Globalization.CultureInfo.InvariantCulture);

    public double this[int row, int column] => this[Index(row, column)];

    /// <summary>The real parts typed as <typeparamref name="T"/>; throws when the class's type differs.</summary>
    public T[] As<T>() => Real as T[] ?? throw new InvalidCastException($"array '{Name}' is {Class} ({Real.GetType().Name}), not {typeof(T).Name}[]");

    /// <summary>All real values as doubles, column-major.</summary>
    public double[] ToDoubles()
    {
        var r = new double[Count];
        for (var i = 0; i < r.Length; i++)
        {
            r[i] = this[i];
        }

        return r;
    }
}
