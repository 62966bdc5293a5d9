using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner;

/// <summary>Collects the runner's log (and echoes it to the test output) so tests can assert on messages.</summary>
internal sealed class TestLogger : ILogger
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var line = $"[{logLevel}] {formatter(state, exception)}";
        lock (_lines)
        {
            _lines.Add(line);
        }

        TestContext.Progress.WriteLine(line);
    }
}
