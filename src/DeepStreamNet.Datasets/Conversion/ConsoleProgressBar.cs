using System.Globalization;

namespace DeepStreamNet.Datasets.Conversion;

/// <summary>A one-line progress bar on stderr, drawn only when stderr is a terminal (never in logs or pipes).</summary>
public sealed class ConsoleProgressBar : IProgress<(string Stage, int Done, int Total)>, IDisposable
{
    private readonly bool _enabled = !Console.IsErrorRedirected;
    private readonly Lock _lock = new();
    private long _lastTicks;
    private bool _drawn;

    public void Report((string Stage, int Done, int Total) value)
    {
        if (!_enabled || value.Total <= 0)
        {
            return;
        }

        lock (_lock)
        {
            var now = Environment.TickCount64;
            if (value.Done < value.Total && now - _lastTicks < 100)
            {
                return;
            }

            _lastTicks = now;
            const int width = 30;
            var filled = (int)((long)width * value.Done / value.Total);
            var line = string.Create(CultureInfo.InvariantCulture, $"\r{value.Stage,-10} [{new string('#', filled)}{new string('.', width - filled)}] {value.Done}/{value.Total}");
            Console.Error.Write(line);
            _drawn = true;
        }
    }

    public void Dispose()
    {
        if (_drawn)
        {
            Console.Error.WriteLine();
        }
    }
}
