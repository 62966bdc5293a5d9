namespace DeepStreamNet.Assets;

/// <summary>One file of the asset manifest: where it goes, what it must hash to, where it comes from.</summary>
/// <param name="RelativePath">Path below the assets folder (forward slashes), e.g. <c>models/ultraface/x.onnx</c>.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Url">Upstream download address, or <c>null</c> when the file only comes from a mirror.</param>
/// <param name="Licence">Licence of the file, as shown to users.</param>
/// <param name="Line">Line of the manifest the entry came from (for error messages).</param>
/// <param name="Recipe">When the url column reads <c>recipe:COMMAND</c>: the command that rebuilds an equivalent file
/// from public sources (e.g. <c>dsnet assets build-demo</c>); the SHA-256 is then the published file's.</param>
public sealed record AssetEntry(string RelativePath, string Sha256, long Size, Uri? Url, string Licence, int Line, string? Recipe = null);
