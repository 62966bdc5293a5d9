namespace DeepStreamNet.GStreamer;

/// <summary>A pipeline could not be built or started; the message names the element, property, pad or file.</summary>
public sealed class PipelineException : Exception
{
    public PipelineException()
    {
    }

    public PipelineException(string message)
        : base(message)
    {
    }

    public PipelineException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
