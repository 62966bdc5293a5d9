using System.Security.Cryptography;

namespace DeepStreamNet.Assets;

/// <summary>
/// Brings every file of an <see cref="AssetManifest"/> into a destination folder: kept when its checksum already
/// matches, else copied from a mirror folder (same relative layout), else downloaded from its upstream address.
/// Every file is written to a temporary name beside its destination, verified by SHA-256 and size, and only then
/// renamed into place, so a destination path never holds a partial or unverified file.
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
        var target = Path.Combine(destination, entry.RelativePath);
        if (File.Exists(target) && await MatchesAsync(target, entry, cancellationToken).ConfigureAwait(false))
        {
            return new AssetFetchResult(entry, AssetFetchOutcome.UpToDate, []);
        }

        var problems = new List<string>();
        if (mirror is not null)
        {
            var source = Path.Combine(mirror, entry.RelativePath);
            if (!File.Exists(source))
            {
                problems.Add($"mirror: {source} does not exist");
            }
            else
            {
                var problem = await InstallAsync(entry, target, async (stream, ct) =>
                {
                    await using var input = File.OpenRead(source);
                    await input.CopyToAsync(stream, ct).ConfigureAwait(false);
                }, source, cancellationToken).ConfigureAwait(false);
                if (problem is null)
                {
                    return new AssetFetchResult(entry, AssetFetchOutcome.FromMirror, problems);
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
                    await body.CopyToAsync(stream, ct).ConfigureAwait(false);
                }, entry.Url.ToString(), cancellationToken).ConfigureAwait(false);
                if (problem is null)
                {
                    return new AssetFetchResult(entry, AssetFetchOutcome.Downloaded, problems);
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

        return new AssetFetchResult(entry, AssetFetchOutcome.Failed, problems);
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
            return $"{from}: {e.Message}";
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
