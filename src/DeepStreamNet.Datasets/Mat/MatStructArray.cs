namespace DeepStreamNet.Datasets.Mat;

/// <summary>A struct array (or an object, whose class name is kept): every element has the same ordered fields.</summary>
public sealed class MatStructArray : MatArray
{
    private readonly MatArray[][] _values;

    internal MatStructArray(string name, MatClass matClass, int[] dimensions, string[] fieldNames, MatArray[][] values, string? objectClassName)
        : base(name, matClass, dimensions)
    {
        FieldNames = fieldNames;
        _values = values;
        ObjectClassName = objectClassName;
    }

    /// <summary>Field names in file order (readers of MAFA index fields by position).</summary>
    public IReadOnlyList<string> FieldNames { get; }

    /// <summary>Class name of a MATLAB object; null for plain structs.</summary>
    public string? ObjectClassName { get; }

    /// <summary>Field <paramref name="field"/> (by position) of element <paramref name="index"/> (column-major).</summary>
    public MatArray this[int index, int field] => _values[index][field];

    /// <summary>Field by name of element <paramref name="index"/>.</summary>
    public MatArray this[int index, string field]
    {
        get
        {
            for (var f = 0; f < FieldNames.Count; f++)
            {
                if (FieldNames[f] == field)
                {
                    return _values[index][f];
                }
            }

            throw new KeyNotFoundException($"struct '{Name}' has no field '{field}' (fields: {string.Join(", ", FieldNames)})");
        }
    }
}
