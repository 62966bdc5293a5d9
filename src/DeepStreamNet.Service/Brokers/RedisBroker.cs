using StackExchange.Redis;

namespace DeepStreamNet.Service.Brokers;

/// <summary>
/// Redis streams through StackExchange.Redis (stands in for <c>libnvds_redis_proto.so</c>): <c>XADD topic * payloadkey
/// payload</c>, trimmed to <c>streamsize</c> when set; commands fail fast while disconnected so the publisher spools.
/// </summary>
public sealed class RedisBroker(BrokerSettings settings) : IMessageBroker
{
    private ConnectionMultiplexer? _redis;

    public string Protocol => "REDIS";

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var options = new ConfigurationOptions
        {
            EndPoints = { { settings.Host, settings.Port } },
            AbortOnConnectFail = true,
            ConnectTimeout = (int)settings.Timeout.TotalMilliseconds,
            SyncTimeout = (int)settings.Timeout.TotalMilliseconds,
            AsyncTimeout = (int)settings.Timeout.TotalMilliseconds,
            BacklogPolicy = BacklogPolicy.FailFast,
            User = settings.Username,
            Password = settings.Password,
            ClientName = "dsnet",
        };
        _redis = await ConnectionMultiplexer.ConnectAsync(options).WaitAsync(settings.Timeout, cancellationToken).ConfigureAwait(false);
    }

    public async Task SendAsync(BrokerMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var db = (_redis ?? throw new InvalidOperationException("not connected")).GetDatabase();
        int? maxLength = settings.StreamSize > 0 ? settings.StreamSize : null;
        await db.StreamAddAsync(message.Topic, settings.PayloadKey, message.Payload, maxLength: maxLength, useApproximateMaxLength: maxLength is not null)
            .WaitAsync(settings.Timeout, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync().ConfigureAwait(false);
        }
    }
}
