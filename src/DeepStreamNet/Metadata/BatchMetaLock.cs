using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>The held batch meta lock (<c>nvds_acquire_meta_lock</c>); <see cref="Dispose"/> releases it.</summary>
public unsafe ref struct BatchMetaLock
{
    private NvDsBatchMeta* _p;

    internal BatchMetaLock(NvDsBatchMeta* p) => _p = p;

    /// <summary>Releases the lock (once).</summary>
    public void Dispose()
    {
        if (_p is not null)
        {
            NvDs.nvds_release_meta_lock(_p);
            _p = null;
        }
    }
}
