namespace DeepStreamNet.Config;

/// <summary>nvinfer label files: one line per class (detectors: first <c>;</c> token is the label), empty lines skipped.</summary>
public static class LabelFile
{
    /// <summary>Detector labels by class id (CR of CRLF files stripped).</summary>
    /// <exception cref="IOException">Not a regular file of at most <see cref="FileLimits.MaxTextBytes"/> bytes.</exception>
    public static IReadOnlyList<string> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return FileLimits.ReadText(path, System.Text.Encoding.UTF8).Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Length > 0)
            .Select(l => l.Split(';')[0])
            .ToArray();
    }
}
