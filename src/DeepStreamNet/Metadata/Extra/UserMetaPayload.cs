using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>Finds a typed native payload in a user meta list (the <c>X.cast(user_meta.user_meta_data)</c> step of pyds probes).</summary>
internal static unsafe class UserMetaPayload
{
    /// <summary>The payload of the first user meta of <paramref name="type"/> in <paramref name="list"/>, or null.</summary>
    public static void* Find(MetaList<UserMeta> list, NvDsMetaType type)
    {
        foreach (var um in list)
        {
            if (um.MetaType == type && um.Data is not null)
            {
                return um.Data;
            }
        }

        return null;
    }

    /// <summary>The payload of <paramref name="meta"/> when it has <paramref name="type"/>, else null.</summary>
    public static void* Of(UserMeta meta, NvDsMetaType type) => meta.MetaType == type ? meta.Data : null;
}
