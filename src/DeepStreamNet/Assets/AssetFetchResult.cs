namespace DeepStreamNet.Assets;

/// <summary>How one asset was obtained (or why it was not).</summary>
public enum AssetFetchOutcome
{
    /// <summary>The file was already there with the right checksum.</summary>
    UpToDate,

    /// <summary>Copied from the mirror folder and verified.</summary>
    FromMirror,

    /// <summary>Downloaded from its upstream address and verified.</summary>
    Downloaded,

    /// <summary>Neither source gave a file with the right checksum.</summary>
    Failed,
}

/// <summary>Result of fetching one asset.</summary>
/// <param name="Entry">The manifest entry.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Problems">Why each source failed (empty when the fetch succeeded at once).</param>
public sealed record AssetFetchResult(AssetEntry Entry, AssetFetchOutcome Outcome, IReadOnlyList<string> Problems)
{
    /// <summary>The absolute destination path of the file (where it is, or would have been written).</summary>
    public string Path { get; init; } = string.Empty;
}
