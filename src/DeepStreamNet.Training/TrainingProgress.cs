namespace DeepStreamNet.Training;

/// <summary>Where a training run is: the stage, items done of the total, items per second and the time left for the stage.</summary>
public readonly record struct TrainingProgress(string Stage, int Done, int Total, double PerSecond, TimeSpan Remaining)
{
    /// <summary>Reports progress of a stage that started at <paramref name="startTicks"/> (<see cref="System.Diagnostics.Stopwatch"/>).</summary>
    public static TrainingProgress Of(string stage, int done, int total, long startTicks)
    {
        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(startTicks).TotalSeconds;
        var rate = seconds > 0 ? done / seconds : 0;
        var left = rate > 0 ? TimeSpan.FromSeconds((total - done) / rate) : TimeSpan.Zero;
        return new TrainingProgress(stage, done, total, rate, left);
    }

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Stage}: {Done}/{Total} ({PerSecond:F1}/s, {Remaining:mm\\:ss} left)");
}
