using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Service.Tests;

/// <summary>A logger that keeps what was logged (to assert on warnings) and echoes it to the test output.</summary>
internal sealed class TestLog : ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var m = formatter(state, exception);
        Entries.Enqueue((logLevel, m));
        TestContext.Progress.WriteLine($"[{logLevel}] {m}");
    }

    private static class TestContext
    {
        public static TextWriter Progress => NUnit.Framework.TestContext.Progress;
    }
}
