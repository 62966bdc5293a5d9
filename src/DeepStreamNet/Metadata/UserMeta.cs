using System.Runtime.InteropServices;
using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>Zero-copy view of one <c>NvDsUserMeta</c>: its type, raw payload pointer, or the managed payload it carries.</summary>
public readonly unsafe ref struct UserMeta : IMetaView<UserMeta>
{
    private readonly NvDsUserMeta* _p;

    /// <summary>Wraps a native user meta.</summary>
    public UserMeta(NvDsUserMeta* native) => _p = native;

    /// <summary>The native pointer.</summary>
    public NvDsUserMeta* Native => _p;

    /// <inheritdoc/>
    static UserMeta IMetaView<UserMeta>.FromData(void* data) => new((NvDsUserMeta*)data);

    /// <summary>True for a null view.</summary>
    public bool IsNull => _p is null;

    /// <summary><c>base_meta.meta_type</c> (a built-in type or one from <c>nvds_get_user_meta_type</c>).</summary>
    public NvDsMetaType MetaType => _p->base_meta.meta_type;

    /// <summary><c>user_meta_data</c>: the raw payload pointer.</summary>
    public void* Data => _p->user_meta_data;

    /// <summary>Whether this meta carries a managed payload attached through <see cref="ManagedUserMeta"/>.</summary>
    public bool IsManaged => ManagedUserMeta.IsManaged(_p);

    /// <summary>The managed payload when this is a managed user meta holding a <typeparamref name="T"/>.</summary>
    public bool TryGetPayload<T>([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? payload)
        where T : class
    {
        payload = IsManaged && _p->user_meta_data is not null
            ? GCHandle.FromIntPtr((nint)_p->user_meta_data).Target as T
            : null;
        return payload is not null;
    }

    /// <summary>The managed payload, or null when this meta carries none (or another type).</summary>
    public T? GetPayload<T>()
        where T : class => TryGetPayload<T>(out var p) ? p : null;
}
