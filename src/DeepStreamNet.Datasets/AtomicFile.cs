namespace DeepStreamNet.Datasets;

/// <summary>Writes a file through a temporary sibling and a rename, so an interrupted run never leaves half a file.</summary>
internal static class AtomicFile
{
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var tmp = path + ".tmp-" + Environment.CurrentManagedThreadId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            fs.Write(bytes);
        }

        File.Move(tmp, path, overwrite: true);
    }
}
