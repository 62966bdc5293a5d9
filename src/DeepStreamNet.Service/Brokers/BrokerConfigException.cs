namespace DeepStreamNet.Service.Brokers;

/// <summary>A type-6 sink's broker keys are unusable; the message names the sink group and key.</summary>
public sealed class BrokerConfigException : InvalidOperationException
{
    public BrokerConfigException()
    {
    }

    public BrokerConfigException(string message)
        : base(message)
    {
    }

    public BrokerConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BrokerConfigException(string group, string key, string reason, Exception? innerException = null)
        : base($"[{group}] {key}: {reason}", innerException)
    {
    }
}
