using System.Globalization;
using System.Text;

namespace DeepStreamNet.Datasets.Limits;

/// <summary>
/// Reads whole input files with a size limit. Only non-empty files are opened: a FIFO, a character device such as
/// <c>/dev/zero</c> or a <c>/proc</c> file reports size 0, so it is refused before an open that could block or a read
/// that never ends; a file is read up to the size it had when it was checked, never more.
/// </summary>
public static class BoundedFile
{
    /// <exception cref="IOException">Missing, a folder, empty or not a regular file, over <paramref name="maxBytes"/>, or unreadable.</exception>
    public static byte[] ReadAllBytes(string path, long maxBytes)
    {
        var length = CheckedLength(path, maxBytes);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[length];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0)
            {
                return buffer[..read]; // shrank while read: what is there
            }

            read += n;
        }

        return buffer;
    }

    /// <summary>Lines of a UTF-8 (or ASCII) text file; invalid UTF-8 is an error naming the file, not a crash.</summary>
    /// <exception cref="IOException">As <see cref="ReadAllBytes"/>, or the text is not UTF-8.</exception>
    public static string[] ReadAllLines(string path, long maxBytes = InputLimits.MaxTextFileBytes)
    {
        var bytes = ReadAllBytes(path, maxBytes);
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new IOException($"{path}: not UTF-8 text ({e.Message})", e);
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].TrimEnd('\r');
        }

        return lines.Length > 0 && lines[^1].Length == 0 ? lines[..^1] : lines;
    }

    /// <summary>The length of a non-empty regular file within the limit.</summary>
    /// <exception cref="IOException">It is not one.</exception>
    public static int CheckedLength(string path, long maxBytes)
    {
        if (Directory.Exists(path))
        {
            throw new IOException($"{path}: is a folder, expected a file");
        }

        // FileInfo.Length of a symbolic link is the link's own size: look at what it points to.
        var info = new FileInfo(path);
        if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target)
        {
            info = target;
        }

        if (!info.Exists)
        {
            throw new FileNotFoundException($"{path}: file not found", path);
        }

        if (info.Length == 0)
        {
            throw new IOException($"{path}: empty, or not a regular file (FIFO, device): not read");
        }

        if (info.Length > maxBytes || info.Length > Array.MaxLength)
        {
            throw new IOException(TooLarge(path, maxBytes));
        }

        return (int)info.Length;
    }

    private static string TooLarge(string path, long maxBytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}: larger than the limit of {maxBytes} bytes: not read");
}
