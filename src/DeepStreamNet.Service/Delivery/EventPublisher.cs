using System.Threading.Channels;
using DeepStreamNet.Service.Brokers;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Service.Delivery;

/// <summary>
/// At-least-once delivery to one broker. <see cref="Publish"/> never blocks the caller (a pipeline thread): messages go to
/// a bounded in-memory queue, and to the <see cref="DiskSpool"/> when that is full. One worker sends them, oldest spooled
/// first; a message counts as delivered only after the broker acknowledged it. When a send or connect fails, the message
/// is spooled, the client is dropped and the worker reconnects every <see cref="PublisherOptions.RetryInterval"/> while new
/// messages move to the spool; when the broker is back the spool drains. A full spool drops its oldest message with a
/// counted warning.
/// </summary>
public sealed partial class EventPublisher : IAsyncDisposable
{
    private readonly Func<IMessageBroker> _connect;
    private readonly PublisherOptions _options;
    private readonly ILogger _log;
    private readonly Channel<BrokerMessage> _queue;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _worker;
    private IMessageBroker? _broker;
    private long _delivered;
    private long _failures;
    private int _queued;
    private volatile bool _connected;
    private int _disposed;

    public EventPublisher(Func<IMessageBroker> connect, PublisherOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(connect);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _connect = connect;
        _options = options;
        _log = logger;
        Spool = new DiskSpool(options.SpoolDirectory, options.SpoolCapacity);
        _queue = Channel.CreateBounded<BrokerMessage>(new BoundedChannelOptions(options.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _worker = Task.Run(RunAsync);
    }

    /// <summary>The spool (depth, drops).</summary>
    public DiskSpool Spool { get; }

    /// <summary>Messages acknowledged by the broker.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Failed sends or connects so far.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Messages in the in-memory queue.</summary>
    public int QueueDepth => Volatile.Read(ref _queued);

    /// <summary>Whether the last connect or send succeeded.</summary>
    public bool IsConnected => _connected;

    /// <summary>Hands a message over without blocking: queued in memory, or spooled to disk when the queue is full.</summary>
    public void Publish(BrokerMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_queue.Writer.TryWrite(message))
        {
            Interlocked.Increment(ref _queued);
            return;
        }

        ToSpool(message);
    }

    /// <summary>Waits until everything handed over so far was delivered (queue and spool empty) or the timeout passed.</summary>
    public async Task<bool> FlushAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (QueueDepth > 0 || Spool.Count > 0)
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return; // DI may hand the same singleton out under two service types and dispose it for each
        }

        // Give the queue a moment to reach the broker; whatever is left goes to the spool for the next start.
        await FlushAsync(_options.DrainOnStop).ConfigureAwait(false);
        _queue.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _worker.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        while (_queue.Reader.TryRead(out var left))
        {
            Interlocked.Decrement(ref _queued);
            ToSpool(left);
        }

        await DropBrokerAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            if (_broker is null && !await TryConnectAsync(token).ConfigureAwait(false))
            {
                await SpoolQueuedAsync(_options.RetryInterval, token).ConfigureAwait(false);
                continue;
            }

            bool sent;
            if (Spool.Peek() is { } spooled)
            {
                sent = await TrySendAsync(spooled.Message, token).ConfigureAwait(false);
                if (sent)
                {
                    Spool.Remove(spooled.Id);
                }
            }
            else
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(token);
                wait.CancelAfter(_options.RetryInterval);
                BrokerMessage? message = null;
                try
                {
                    if (!await _queue.Reader.WaitToReadAsync(wait.Token).ConfigureAwait(false))
                    {
                        return; // completed: stopping
                    }

                    _queue.Reader.TryRead(out message);
                }
                catch (OperationCanceledException) when (!token.IsCancellationRequested)
                {
                    // idle: look at the spool again
                }

                if (message is null)
                {
                    continue;
                }

                sent = await TrySendAsync(message, token).ConfigureAwait(false);
                if (!sent)
                {
                    ToSpool(message);
                }

                Interlocked.Decrement(ref _queued); // only now: a flush must not see an empty queue while a send is in flight
            }

            if (!sent)
            {
                await SpoolQueuedAsync(_options.RetryInterval, token).ConfigureAwait(false); // back off before reconnecting
            }
        }
    }

    private async Task<bool> TryConnectAsync(CancellationToken token)
    {
        var broker = _connect();
        try
        {
            await broker.ConnectAsync(token).ConfigureAwait(false);
            _broker = broker;
            if (!_connected)
            {
                LogConnected(broker.Protocol, Spool.Count);
            }

            _connected = true;
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
        {
            await broker.DisposeAsync().ConfigureAwait(false);
            Failed(ex);
            return false;
        }
    }

    private async Task<bool> TrySendAsync(BrokerMessage message, CancellationToken token)
    {
        try
        {
            await _broker!.SendAsync(message, token).ConfigureAwait(false);
            Interlocked.Increment(ref _delivered);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
        {
            Failed(ex);
            await DropBrokerAsync().ConfigureAwait(false);
            return false;
        }
    }

    private void Failed(Exception ex)
    {
        var n = Interlocked.Increment(ref _failures);
        if (_connected || n == 1)
        {
            LogUnreachable(ex.GetType().Name, ex.Message, _options.RetryInterval.TotalSeconds);
        }

        _connected = false;
    }

    // While disconnected: move what arrives to the spool, so memory stays bounded and order is kept.
    private async Task SpoolQueuedAsync(TimeSpan duration, CancellationToken token)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(token);
        wait.CancelAfter(duration);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(wait.Token).ConfigureAwait(false))
            {
                while (_queue.Reader.TryRead(out var m))
                {
                    Interlocked.Decrement(ref _queued);
                    ToSpool(m);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void ToSpool(BrokerMessage message)
    {
        try
        {
            if (Spool.Append(message))
            {
                var dropped = Spool.Dropped;
                if (dropped == 1 || dropped % 100 == 0)
                {
                    LogSpoolFull(Spool.Capacity, dropped);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogSpoolWriteFailed(Spool.Directory, ex.Message);
        }
    }

    private async Task DropBrokerAsync()
    {
        if (_broker is { } b)
        {
            _broker = null;
            await b.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Protocol} broker connected ({Spooled} spooled messages to deliver)")]
    private partial void LogConnected(string protocol, int spooled);

    [LoggerMessage(Level = LogLevel.Warning, Message = "broker unreachable ({Error}: {Reason}); spooling events to disk, retrying every {Seconds} s")]
    private partial void LogUnreachable(string error, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "event spool full ({Capacity} messages): dropped the oldest, {Dropped} dropped so far")]
    private partial void LogSpoolFull(int capacity, long dropped);

    [LoggerMessage(Level = LogLevel.Error, Message = "cannot write to the event spool {Directory}: {Reason}; the event is lost")]
    private partial void LogSpoolWriteFailed(string directory, string reason);
}
