using DeepStreamNet.Interop;

namespace DeepStreamNet.Config;

/// <summary>
/// What the config layer accepts as a file it reads or passes on: a regular file (not a FIFO, device or
/// directory, which would block or never end) and, for the text files it reads (configs, nvinfer and tracker
/// files, labels), at most <see cref="MaxTextBytes"/> bytes.
/// </summary>
public static class FileLimits
{
    /// <summary>Largest config, nvinfer, tracker or label file read (real ones are a few KiB).</summary>
    public const long MaxTextBytes = 4L << 20;

    /// <summary>Why <paramref name="path"/> cannot be read as a regular file of at most <paramref name="maxBytes"/>
    /// bytes ("file not found", "not a regular file", …), or null when it can.</summary>
    public static string? Problem(string path, long maxBytes = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return "a directory, not a file";
        }

        if (!File.Exists(path))
        {
            return "file not found";
        }

        if (!IsRegular(path))
        {
            return "not a regular file (a device, FIFO or socket would block or never end)";
        }

        var length = new FileInfo(path).Length;
        return length > maxBytes ? $"file is {length} bytes, more than the {maxBytes} bytes allowed for this kind of file" : null;
    }

    /// <summary>True for an existing regular file (symbolic links followed).</summary>
    public static bool IsReadableFile(string path) => Problem(path) is null;

    /// <summary>Reads a text file the config layer needs, after <see cref="Problem"/> with <see cref="MaxTextBytes"/>.</summary>
    /// <exception cref="IOException">The path is not a regular file within the limit (message: the reason).</exception>
    public static string ReadText(string path, System.Text.Encoding encoding)
    {
        if (Problem(path, MaxTextBytes) is { } problem)
        {
            throw new IOException(problem);
        }

        return File.ReadAllText(path, encoding);
    }

    private static unsafe bool IsRegular(string path)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(path + "\0");
        fixed (byte* p = bytes)
        {
            return GLib.g_file_test(p, GFileTest.G_FILE_TEST_IS_REGULAR);
        }
    }
}
