namespace DeepStreamNet.Config;

/// <summary>
/// GIF files are refused as sources up front: GStreamer's GIF decoder (avdec_gif behind uridecodebin) gives every frame
/// the same timestamp, restarts at the first frame instead of ending and, on the shipped samples, stops delivering after
/// a few dozen frames; a non-live muxer would then wait for that source forever. DeepStream's decoders do not take GIF
/// either.
/// </summary>
internal static class GifInput
{
    /// <summary>Why the file cannot be a source, or null when it is not a GIF (or cannot be read: other rules say so).</summary>
    public static string? Problem(string path)
    {
        Span<byte> head = stackalloc byte[6];
        if (!FileLimits.IsReadableFile(path))
        {
            return null; // opening a FIFO would block; the file checks report it
        }

        try
        {
            using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
            if (!f.CanSeek || f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length)
            {
                return null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return head.SequenceEqual("GIF87a"u8) || head.SequenceEqual("GIF89a"u8)
            ? $"{path} is a GIF: GStreamer's GIF decoder gives no frame timing, loops instead of ending and stalls part-way, which would hold the other sources up"
            : null;
    }
}
