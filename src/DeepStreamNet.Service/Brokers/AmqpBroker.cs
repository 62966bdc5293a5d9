using RabbitMQ.Client;

namespace DeepStreamNet.Service.Brokers;

/// <summary>
/// AMQP 0-9-1 through RabbitMQ.Client (stands in for <c>libnvds_amqp_proto.so</c>): publishes to the configured exchange
/// (default <c>amq.topic</c>) with the topic as routing key, persistent, on a channel with publisher confirms, so a
/// send completes when the broker confirmed it.
/// </summary>
public sealed class AmqpBroker(BrokerSettings settings) : IMessageBroker
{
    private IConnection? _connection;
    private IChannel? _channel;

    public string Protocol => "AMQP";

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            HostName = settings.Host,
            Port = settings.Port,
            UserName = settings.Username ?? "guest",
            Password = settings.Password ?? "guest",
            AutomaticRecoveryEnabled = false, // the publisher reconnects with a fresh client and spools meanwhile
            RequestedConnectionTimeout = settings.Timeout,
            ClientProvidedName = "dsnet",
        };
        using var timeout = Timeout(cancellationToken);
        _connection = await factory.CreateConnectionAsync(timeout.Token).ConfigureAwait(false);
        _channel = await _connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            timeout.Token).ConfigureAwait(false);
    }

    public async Task SendAsync(BrokerMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var channel = _channel ?? throw new InvalidOperationException("not connected");
        var props = new BasicProperties { Persistent = true, ContentType = "application/json" };
        using var timeout = Timeout(cancellationToken);
        await channel.BasicPublishAsync(settings.Exchange, message.Topic, mandatory: false, props, message.Payload, timeout.Token).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_channel is not null)
            {
                await _channel.DisposeAsync().ConfigureAwait(false);
            }

            if (_connection is not null)
            {
                await _connection.DisposeAsync().ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // a connection that is already gone cannot be closed more politely
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private CancellationTokenSource Timeout(CancellationToken token)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(token);
        cts.CancelAfter(settings.Timeout);
        return cts;
    }
}
