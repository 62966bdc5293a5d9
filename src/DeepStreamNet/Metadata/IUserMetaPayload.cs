namespace DeepStreamNet.Metadata;

/// <summary>
/// A managed user-meta payload that wants its own copy when the metadata is copied (a buffer made writable, a tee
/// branch, <c>gst_buffer_copy</c>). Payloads that do not implement it are shared by reference between copies.
/// </summary>
public interface IUserMetaPayload
{
    /// <summary>Returns the payload the copied metadata should carry.</summary>
    object CloneForCopy();
}
