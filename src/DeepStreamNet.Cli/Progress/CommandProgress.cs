using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace DeepStreamNet.Cli.Progress;

/// <summary>
/// Progress of a long command. On a terminal (stdout and stderr both, TERM not <c>dumb</c>) a live Spectre.Console
/// display per stage — bar, done/total, rate, time left — started at the first report, so whatever the command prints
/// before (config warnings) is not drawn over; lines written through <see cref="Out"/> and <see cref="Error"/> while it
/// is live appear above it. Otherwise nothing live: one summary line on stderr at the end, and the lines go to stdout /
/// stderr unchanged, so logs and pipes stay clean.
/// </summary>
internal sealed class CommandProgress : IProgress<(string Stage, int Done, int Total)>
{
    private readonly string _command;
    private readonly string _unit;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<string, (int Done, int Total)> _stages = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly IAnsiConsole? _console;
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Thread? _display;
    private volatile ProgressContext? _context;

    private CommandProgress(string command, string unit, IAnsiConsole? console)
    {
        _command = command;
        _unit = unit;
        _console = console;
        Out = new LineWriter(this, Console.Out);
        Error = new LineWriter(this, Console.Error);
    }

    /// <summary>Where the command's own lines go: stdout, or above the live display.</summary>
    public TextWriter Out { get; }

    /// <summary>Where warnings and skipped inputs go: stderr, or above the live display.</summary>
    public TextWriter Error { get; }

    /// <summary>True when stdout and stderr are a terminal that can draw a live display.</summary>
    public static bool IsTerminal =>
        !Console.IsOutputRedirected && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is { Length: > 0 } term && term != "dumb";

    /// <summary>Runs <paramref name="work"/> with progress for <paramref name="command"/>, counting <paramref name="unit"/>.</summary>
    public static T Run<T>(string command, string unit, Func<CommandProgress, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var console = IsTerminal ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }) : null;
        var progress = new CommandProgress(command, unit, console);
        try
        {
            return work(progress);
        }
        finally
        {
            progress.Finish();
        }
    }

    public void Report((string Stage, int Done, int Total) value)
    {
        lock (_lock)
        {
            // Parallel workers report out of order, and a stream may run a little past its announced length:
            // the count only grows and never passes the total.
            if (_stages.TryGetValue(value.Stage, out var before))
            {
                value.Done = Math.Max(value.Done, before.Done);
            }
            else
            {
                _order.Add(value.Stage);
            }

            if (value.Total > 0)
            {
                value.Done = Math.Min(value.Done, value.Total);
            }

            _stages[value.Stage] = (value.Done, value.Total);
            if (_console is null)
            {
                return;
            }

            var context = _context ?? StartDisplay(_console);
            if (!_tasks.TryGetValue(value.Stage, out var task))
            {
                _tasks[value.Stage] = task = context.AddTask(Markup.Escape(value.Stage), autoStart: true, maxValue: Math.Max(1, value.Total));
                task.IsIndeterminate = value.Total <= 0;
            }

            if (value.Total > 0)
            {
                task.MaxValue = value.Total;
            }

            task.Value = value.Done;
        }
    }

    /// <summary>The one line printed when there is no terminal: every stage's done/total, the time and the rate.</summary>
    public string Summary()
    {
        lock (_lock)
        {
            var seconds = _clock.Elapsed.TotalSeconds;
            var stages = string.Join(", ", _order.Select(s => _stages[s].Total > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{s} {_stages[s].Done}/{_stages[s].Total}")
                : string.Create(CultureInfo.InvariantCulture, $"{s} {_stages[s].Done}")));
            var last = _order.Count > 0 ? _stages[_order[^1]].Done : 0;
            return string.Create(CultureInfo.InvariantCulture,
                $"{_command}: {(stages.Length > 0 ? stages : "nothing to do")} {_unit} in {seconds:0.0} s ({(seconds > 0 ? last / seconds : 0):0.0} {_unit}/s)");
        }
    }

    /// <summary>Starts Spectre's live display on its own thread (it lives inside a callback) and returns its context.</summary>
    private ProgressContext StartDisplay(IAnsiConsole console)
    {
        using var ready = new ManualResetEventSlim();
        _display = new Thread(() => console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new CountColumn(), new RateColumn(_unit), new RemainingTimeColumn())
            .Start(context =>
            {
                _context = context;
                ready.Set();
                _finished.Task.Wait();
            }))
        { IsBackground = true, Name = "progress display" };
        _display.Start();
        ready.Wait();
        return _context!;
    }

    private void Finish()
    {
        if (_console is null)
        {
            Console.Error.WriteLine(Summary());
            return;
        }

        _finished.TrySetResult();
        _display?.Join();
    }

    /// <summary>Writes whole lines: through the live display while there is one (above it), else to the plain writer.</summary>
    private sealed class LineWriter(CommandProgress owner, TextWriter plain) : TextWriter
    {
        private readonly System.Text.StringBuilder _line = new();

        public override System.Text.Encoding Encoding => plain.Encoding;

        public override void Write(char value)
        {
            lock (_line)
            {
                if (value != '\n')
                {
                    _line.Append(value);
                    return;
                }

                var text = _line.ToString().TrimEnd('\r');
                _line.Clear();
                if (owner._context is not null && owner._console is { } console)
                {
                    console.WriteLine(text);
                }
                else
                {
                    plain.WriteLine(text);
                }
            }
        }
    }
}
