using System.Globalization;
using System.Text;

namespace DeepStreamNet.Training.Classifier;

/// <summary>Confusion matrix (rows = truth, columns = prediction), per-class precision/recall and accuracy.</summary>
public sealed class ClassificationReport
{
    public ClassificationReport(IReadOnlyList<string> classes)
    {
        Classes = classes ?? throw new ArgumentNullException(nameof(classes));
        Confusion = new int[classes.Count][];
        for (var k = 0; k < classes.Count; k++)
        {
            Confusion[k] = new int[classes.Count];
        }
    }

    public IReadOnlyList<string> Classes { get; }

    public int[][] Confusion { get; }

    public int Total => Confusion.Sum(r => r.Sum());

    public double Accuracy => Total == 0 ? 0 : Enumerable.Range(0, Classes.Count).Sum(k => Confusion[k][k]) / (double)Total;

    public void Add(int truth, int predicted) => Confusion[truth][predicted]++;

    public double Precision(int k)
    {
        var predicted = Confusion.Sum(r => r[k]);
        return predicted == 0 ? 0 : Confusion[k][k] / (double)predicted;
    }

    public double Recall(int k)
    {
        var truth = Confusion[k].Sum();
        return truth == 0 ? 0 : Confusion[k][k] / (double)truth;
    }

    public string ToText(string title)
    {
        var b = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        b.Append(inv, $"{title}: {Total} faces, accuracy {Accuracy:F4}\n");
        b.Append(inv, $"{"class",-10} {"precision",9} {"recall",7} {"count",6}\n");
        for (var k = 0; k < Classes.Count; k++)
        {
            b.Append(inv, $"{Classes[k],-10} {Precision(k),9:F4} {Recall(k),7:F4} {Confusion[k].Sum(),6}\n");
        }

        b.Append(inv, $"confusion (rows truth, columns predicted): {string.Join(' ', Classes)}\n");
        for (var k = 0; k < Classes.Count; k++)
        {
            b.Append(inv, $"  {Classes[k],-10} {string.Join(' ', Confusion[k].Select(v => v.ToString(inv).PadLeft(6)))}\n");
        }

        return b.ToString();
    }
}
