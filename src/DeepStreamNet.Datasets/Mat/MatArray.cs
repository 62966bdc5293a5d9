namespace DeepStreamNet.Datasets.Mat;

/// <summary>A MATLAB array read from a MAT file: name, class and dimensions; subclasses carry the data.</summary>
public abstract class MatArray
{
    private protected MatArray(string name, MatClass matClass, int[] dimensions)
    {
        Name = name;
        Class = matClass;
        Dimensions = dimensions;
        var n = 1L;
        foreach (var d in dimensions)
        {
            n *= d;
        }

        Count = checked((int)n);
    }

    /// <summary>Variable name (empty for cells and struct fields).</summary>
    public string Name { get; }

    public MatClass Class { get; }

    /// <summary>Dimensions, at least two (MATLAB arrays are never 1-D).</summary>
    public IReadOnlyList<int> Dimensions { get; }

    /// <summary>Number of elements (product of the dimensions).</summary>
    public int Count { get; }

    public int Rows => Dimensions[0];

    public int Columns => Dimensions.Count > 1 ? Dimensions[1] : 1;

    /// <summary>Column-major linear index of (row, column) in a 2-D array.</summary>
    public int Index(int row, int column)
    {
        if ((uint)row >= (uint)Rows || (uint)column >= (uint)Columns)
        {
            throw new ArgumentOutOfRangeException(nameof(row), $"({row},{column}) is outside the {Rows}x{Columns} array '{Name}'");
        }

        return row + (column * Rows);
    }
}
