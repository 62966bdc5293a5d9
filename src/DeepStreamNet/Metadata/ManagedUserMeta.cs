using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>
/// User meta carrying a managed object: <c>user_meta_data</c> is a <see cref="GCHandle"/>; the copy func gives the
/// copy its own handle (to <see cref="IUserMetaPayload.CloneForCopy"/> or the same object) and the release func frees
/// the handle, both static <c>[UnmanagedCallersOnly]</c> functions. The meta type comes from
/// <c>nvds_get_user_meta_type("DSNET.…")</c>, one per descriptor.
/// </summary>
public static unsafe class ManagedUserMeta
{
    /// <summary>The descriptor used when none is given.</summary>
    public const string DefaultDescriptor = "DSNET.MANAGED_PAYLOAD";

    private static readonly ConcurrentDictionary<string, NvDsMetaType> Types = new(StringComparer.Ordinal);
    private static long _live;
    private static long _released;

    /// <summary>Managed payload handles currently held by native metadata (0 once every buffer carrying one is gone).</summary>
    public static long LiveHandles => Interlocked.Read(ref _live);

    /// <summary>Handles released so far (each attach or copy is released exactly once).</summary>
    public static long ReleasedHandles => Interlocked.Read(ref _released);

    /// <summary>The user meta type for <paramref name="descriptor"/> (must start with <c>DSNET.</c>).</summary>
    public static NvDsMetaType TypeFor(string descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (!descriptor.StartsWith("DSNET.", StringComparison.Ordinal) || descriptor.Length <= 6)
        {
            throw new ArgumentException($"user meta descriptor '{descriptor}' must look like DSNET.<NAME>", nameof(descriptor));
        }

        return Types.GetOrAdd(descriptor, static d =>
        {
            var bytes = Encoding.UTF8.GetBytes(d + "\0");
            fixed (byte* p = bytes)
            {
                return NvDs.nvds_get_user_meta_type(p);
            }
        });
    }

    /// <summary>Whether a native user meta was made here (its release func is ours).</summary>
    internal static bool IsManaged(NvDsUserMeta* um) =>
        (nint)um->base_meta.release_func == (nint)(delegate* unmanaged[Cdecl]<void*, void*, void>)&Release;

    /// <summary>Acquires a user meta from the batch pool carrying <paramref name="payload"/>; the caller adds it to its owner.</summary>
    internal static NvDsUserMeta* Acquire(NvDsBatchMeta* batch, object payload, string descriptor)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var type = TypeFor(descriptor);
        var um = NvDs.nvds_acquire_user_meta_from_pool(batch);
        if (um is null)
        {
            throw new InvalidOperationException("the batch meta's user meta pool is exhausted");
        }

        um->user_meta_data = (void*)NewHandle(payload);
        um->base_meta.meta_type = type;
        um->base_meta.copy_func = &Copy;
        um->base_meta.release_func = &Release;
        return um;
    }

    private static nint NewHandle(object payload)
    {
        Interlocked.Increment(ref _live);
        return GCHandle.ToIntPtr(GCHandle.Alloc(payload));
    }

    // NvDsMetaCopyFunc: data is the source NvDsUserMeta*; returns the copy's user_meta_data.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void* Copy(void* data, void* userData)
    {
        _ = userData;
        try
        {
            var src = (NvDsUserMeta*)data;
            if (src is null || src->user_meta_data is null || GCHandle.FromIntPtr((nint)src->user_meta_data).Target is not { } payload)
            {
                return null;
            }

            var copy = payload is IUserMetaPayload p ? p.CloneForCopy() : payload;
            return (void*)NewHandle(copy);
        }
#pragma warning disable CA1031 // nothing may unwind into native code: the copy simply carries no payload
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    // NvDsMetaReleaseFunc: data is the NvDsUserMeta* being released.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Release(void* data, void* userData)
    {
        _ = userData;
        var um = (NvDsUserMeta*)data;
        if (um is null || um->user_meta_data is null)
        {
            return;
        }

        GCHandle.FromIntPtr((nint)um->user_meta_data).Free();
        um->user_meta_data = null;
        Interlocked.Decrement(ref _live);
        Interlocked.Increment(ref _released);
    }
}
