namespace DeepStreamNet.Datasets.Mat;

/// <summary>A cell array: each element is itself an array.</summary>
public sealed class MatCellArray : MatArray
{
    internal MatCellArray(string name, int[] dimensions, MatArray[] cells)
        : base(name, MatClass.Cell, dimensions) => Cells = cells;

    /// <summary>The cells in column-major order.</summary>
    public IReadOnlyList<MatArray> Cells { get; }

    public MatArray this[int index] => Cells[index];

    public MatArray this[int row, int column] => Cells[Index(row, column)];
}
