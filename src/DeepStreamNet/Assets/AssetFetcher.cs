using System.Security.Cryptography;

namespace DeepStreamNet.Assets;

/// <summary>
/// Brings every file of an <see cref="AssetManifest"/> into a destination folder: kept when its checksum already
/// matches, else copied from a mirror folder (same relative layout), else downloaded from its upstream address.
/// Every file is written to a temporary name beside its destination, verified by SHA-256 and size, and only then
/// renamed into place, so a destination path never holds a partial or unverified file. No source is read past the
/// manifest's size: a mirror file must be a regular file of exactly that size (a FIFO or device reports size 0 and is
/// refused before it is opened), and a download that sends more is cut off. Cancelling removes the temporary file.
/// </summary>
public sealed class AssetFetcher
{
    private readonly HttpClient? http;

    /// <param name="http">Client for downloads; <c>null</c> disables downloading (offline).</param>
    public AssetFetcher(HttpClient? http) => this.http = http;

    /// <summary>Fetches every entry; never throws for a single file's failure (see <see cref="AssetFetchResult"/>).</summary>
    public async Task<IReadOnlyList<AssetFetchResult>> FetchAllAsync(
        AssetManifest manifest, string destination, string? mirror, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var results = new List<AssetFetchResult>(manifest.Entries.Count);
        foreach (var entry in manifest.Entries)
        {
            results.Add(await FetchAsync(entry, destination, mirror, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>Fetches one entry into <paramref name="destination"/>.</summary>
    public async Task<AssetFetchResult> FetchAsync(
        AssetEntry entry, string destination, string? mirror, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var target = Path.GetFullPath(Path.Combine(destination, entry.RelativePath));
        if (File.Exists(target) && await MatchesAsync(target, entry, cancellationToken).ConfigureAwait(false))
        {
            return new AssetFetchResult(entry, AssetFetchOutcome.UpToDate, []) { Path = target };
        }

        var problems = new List<string>();
        if (mirror is not null)
        {
            var source = Path.Combine(mirror, entry.RelativePath);
            if (MirrorFileProblem(source, entry) is { } refused)
            {
                problems.Add("mirror: " + refused);
            }
            else
            {
                var problem = await InstallAsync(entry, target, async (stream, ct) =>
                {
                    if (entry.Size > 0)
                    {
                        await using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
                        await CopyAtMostAsync(input, stream, entry.Size, source, ct).ConfigureAwait(false);
                    }
                }, source, cancellationToken).ConfigureAwait(false);
                if (problem is null)
                {
                    return new AssetFetchResult(entry, AssetFetchOutcome.FromMirror, problems) { Path = target };
                }

                problems.Add("mirror: " + problem);
            }
        }

        if (entry.Url is null)
        {
            problems.Add(entry.Recipe is { } recipe
                ? $"download: no upstream copy of this file; rebuild an equivalent one from its public sources: {recipe}"
                : "download: the manifest gives no upstream address for this file (mirror only)");
        }
        else if (http is null)
        {
            problems.Add($"download: offline, not trying {entry.Url}");
        }
        else
        {
            try
            {
                var problem = await InstallAsync(entry, target, async (stream, ct) =>
                {
                    using var response = await http.GetAsync(entry.Url, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
                    response.EnsureSuccessStatusCode();
                    await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
                    await CopyAtMostAsync(body, stream, entry.Size, entry.Url.ToString(), ct).ConfigureAwait(false);
                }, entry.Url.ToString(), cancellationToken).ConfigureAwait(false);
                if (problem is null)
                {
                    return new AssetFetchResult(entry, AssetFetchOutcome.Downloaded, problems) { Path = target };
                }

                problems.Add("download: " + problem);
            }
            catch (HttpRequestException e)
            {
                problems.Add($"download: {entry.Url}: {e.Message}");
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                problems.Add($"download: {entry.Url}: timed out ({e.Message})");
            }
        }

        return new AssetFetchResult(entry, AssetFetchOutcome.Failed, problems) { Path = target };
    }

    /// <summary>Why a mirror file cannot be the entry's source, checked without opening it; null when it can.</summary>
    private static string? MirrorFileProblem(string source, AssetEntry entry)
    {
        if (Directory.Exists(source))
        {
            return $"{source} is a folder, expected a file";
        }

        // FileInfo.Length of a symbolic link is the link's own size: look at what it points to.
        var info = new FileInfo(source);
        if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target)
        {
            info = target;
        }

        if (!info.Exists)
        {
            return $"{source} does not exist";
        }

        if (info.Length != entry.Size)
        {
            // FIFOs, devices and /proc files report size 0, so they end here too, before an open that could block.
            return $"{source} is {info.Length} bytes, not the manifest's {entry.Size} (or not a regular file): not copied";
        }

        return null;
    }

    /// <summary>Copies until the end of <paramref name="input"/>, failing as soon as it passes <paramref name="limit"/> bytes.</summary>
    private static async Task CopyAtMostAsync(Stream input, Stream output, long limit, string from, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += n;
            if (total > limit)
            {
                throw new IOException($"{from} gives more than the manifest's {limit} bytes: stopped");
            }

            await output.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes to a temporary file, verifies it, renames it into place; returns a problem or null.</summary>
    private static async Task<string?> InstallAsync(
        AssetEntry entry, string target, Func<Stream, CancellationToken, Task> write, string from, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = $"{target}.partial-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await write(output, cancellationToken).ConfigureAwait(false);
            }

            var (hash, size) = await HashAsync(temporary, cancellationToken).ConfigureAwait(false);
            if (size != entry.Size || hash != entry.Sha256)
            {
                return $"{from}: checksum mismatch (expected sha256 {entry.Sha256}, {entry.Size} bytes; got {hash}, {size} bytes)";
            }

            File.Move(temporary, target, overwrite: true);
            return null;
        }
        catch (IOException e)
        {
            return e.Message.StartsWith(from, StringComparison.Ordinal) ? e.Message : $"{from}: {e.Message}";
        }
        catch (UnauthorizedAccessException e)
        {
            return $"{from}: {e.Message}";
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static async Task<bool> MatchesAsync(string path, AssetEntry entry, CancellationToken cancellationToken)
    {
        if (new FileInfo(path).Length != entry.Size)
        {
            return false;
        }

        var (hash, _) = await HashAsync(path, cancellationToken).ConfigureAwait(false);
        return hash == entry.Sha256;
    }

    private static async Task<(string Hash, long Size)> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
        return (Convert.ToHexStringLower(hash), stream.Length);
    }
}
