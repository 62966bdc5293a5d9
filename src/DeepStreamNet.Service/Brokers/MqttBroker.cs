using MQTTnet;
using MQTTnet.Protocol;

namespace DeepStreamNet.Service.Brokers;

/// <summary>MQTT through MQTTnet (stands in for <c>libnvds_mqtt_proto.so</c>): QoS 1, so a send completes on the broker's PUBACK.</summary>
public sealed class MqttBroker(BrokerSettings settings) : IMessageBroker
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public string Protocol => "MQTT";

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(settings.Host, settings.Port)
            .WithClientId($"dsnet-{Environment.ProcessId}-{Guid.NewGuid():N}")
            .WithTimeout(settings.Timeout)
            .WithCleanSession();
        if (settings.Username is not null)
        {
            options.WithCredentials(settings.Username, settings.Password);
        }

        using var timeout = Timeout(cancellationToken);
        await _client.ConnectAsync(options.Build(), timeout.Token).ConfigureAwait(false);
    }

    public async Task SendAsync(BrokerMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var m = new MqttApplicationMessageBuilder()
            .WithTopic(message.Topic)
            .WithPayload(message.Payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        using var timeout = Timeout(cancellationToken);
        var result = await _client.PublishAsync(m, timeout.Token).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            throw new IOException($"MQTT broker refused the message: {result.ReasonCode} {result.ReasonString}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await _client.DisconnectAsync(new MqttClientDisconnectOptions(), cts.Token).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // a connection that is already gone cannot be closed more politely
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        _client.Dispose();
    }

    private CancellationTokenSource Timeout(CancellationToken token)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(token);
        cts.CancelAfter(settings.Timeout);
        return cts;
    }
}
