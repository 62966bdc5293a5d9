using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace DeepStreamNet.Cli.Progress;

/// <summary>"done/total" of a progress task (just "done" while the total is unknown).</summary>
internal sealed class CountColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        ArgumentNullException.ThrowIfNull(task);
        var text = task.IsIndeterminate
            ? task.Value.ToString("0", CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{task.Value:0}/{task.MaxValue:0}");
        return new Text(text);
    }
}
