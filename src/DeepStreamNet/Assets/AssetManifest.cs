using System.Globalization;

namespace DeepStreamNet.Assets;

/// <summary>
/// The asset manifest (<c>assets/manifest.tsv</c>): one tab-separated line per file with
/// <c>path, sha256, bytes, url, licence</c>; <c>#</c> lines are comments; an empty url means "mirror only";
/// <c>recipe:COMMAND</c> means "mirror, or rebuilt from public sources by COMMAND".
/// </summary>
public sealed class AssetManifest
{
    /// <summary>Url column prefix of a file rebuilt from public sources by a command (<see cref="AssetEntry.Recipe"/>).</summary>
    public const string RecipePrefix = "recipe:";

    private AssetManifest(string path, IReadOnlyList<AssetEntry> entries)
    {
        Path = path;
        Entries = entries;
    }

    /// <summary>Largest manifest read (a line per file; the project's is 2 kB).</summary>
    public const long MaxManifestBytes = 1 << 20;

    /// <summary>The manifest file.</summary>
    public string Path { get; }

    /// <summary>Entries in file order.</summary>
    public IReadOnlyList<AssetEntry> Entries { get; }

    /// <summary>Reads and validates a manifest; every malformed line is reported with its line number.</summary>
    /// <exception cref="AssetException">The file is missing or has malformed lines.</exception>
    public static AssetManifest Load(string path)
    {
        if (Directory.Exists(path))
        {
            throw new AssetException($"{path}: is a folder; give the manifest file (e.g. assets/manifest.tsv)");
        }

        if (!File.Exists(path))
        {
            throw new AssetException($"{path}: asset manifest not found");
        }

        if (new FileInfo(path).Length is 0 or > MaxManifestBytes)
        {
            throw new AssetException($"{path}: empty, not a regular file, or over {MaxManifestBytes} bytes: not an asset manifest");
        }

        var entries = new List<AssetEntry>();
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length < 5)
            {
                errors.Add($"{path}:{lineNumber}: expected 5 tab-separated fields (path, sha256, bytes, url, licence), found {fields.Length}");
                continue;
            }

            var (relative, sha, bytes, url, licence) = (fields[0], fields[1].ToLowerInvariant(), fields[2], fields[3], fields[4]);
            if (relative.Length == 0 || relative.StartsWith('/') || relative.Split('/').Contains(".."))
            {
                errors.Add($"{path}:{lineNumber}: path '{relative}' must be relative and stay inside the assets folder");
                continue;
            }

            if (sha.Length != 64 || !sha.All(Uri.IsHexDigit))
            {
                errors.Add($"{path}:{lineNumber}: sha256 of '{relative}' must be 64 hex digits");
                continue;
            }

            if (!long.TryParse(bytes, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                errors.Add($"{path}:{lineNumber}: size of '{relative}' must be a whole number of bytes, not '{bytes}'");
                continue;
            }

            Uri? uri = null;
            string? recipe = null;
            if (url.StartsWith(RecipePrefix, StringComparison.Ordinal))
            {
                recipe = url[RecipePrefix.Length..].Trim();
                url = string.Empty;
                if (recipe.Length == 0)
                {
                    errors.Add($"{path}:{lineNumber}: recipe of '{relative}' names no command");
                    continue;
                }
            }

            if (url.Length > 0 && (!Uri.TryCreate(url, UriKind.Absolute, out uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
            {
                errors.Add($"{path}:{lineNumber}: url of '{relative}' must be an absolute http(s) address");
                continue;
            }

            if (!seen.Add(relative))
            {
                errors.Add($"{path}:{lineNumber}: '{relative}' is listed twice");
                continue;
            }

            entries.Add(new AssetEntry(relative, sha, size, uri, licence, lineNumber, recipe));
        }

        if (errors.Count > 0)
        {
            throw new AssetException(string.Join(Environment.NewLine, errors));
        }

        return new AssetManifest(path, entries);
    }
}
