using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace DeepStreamNet.Cli.Progress;

/// <summary>Items per second of a progress task, e.g. "12.5 images/s".</summary>
internal sealed class RateColumn(string unit) : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new Text(task.Speed is { } speed ? string.Create(CultureInfo.InvariantCulture, $"{speed:0.0} {unit}/s") : $"- {unit}/s");
    }
}
