namespace DeepStreamNet.Datasets.Mat;

/// <summary>A char array; <see cref="Text"/> joins its rows with newlines (a 1×N char array is simply the string).</summary>
public sealed class MatCharArray : MatArray
{
    internal MatCharArray(string name, int[] dimensions, char[] columnMajor)
        : base(name, MatClass.Char, dimensions)
    {
        var rows = new string[Rows];
        var cols = Count == 0 ? 0 : Count / Math.Max(Rows, 1);
        for (var r = 0; r < Rows; r++)
        {
            var row = new char[cols];
            for (var c = 0; c < cols; c++)
            {
                row[c] = columnMajor[r + (c * Rows)];
            }

            rows[r] = new string(row);
        }

        RowStrings = rows;
    }

    public IReadOnlyList<string> RowStrings { get; }

    public string Text => string.Join('\n', RowStrings);

    public override string ToString() => Text;
}
