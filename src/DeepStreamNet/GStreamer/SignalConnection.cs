using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DeepStreamNet.Interop;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.GStreamer;

/// <summary>
/// The managed side of one GObject signal handler: kept alive by a GCHandle that GLib frees with the handler, and run
/// under the one fault policy of this boundary (nothing unwinds into GLib; a failure is logged as "<see cref="What"/> failed").
/// </summary>
internal abstract record SignalConnection(string What, ILogger Log)
{
    /// <summary>Connects <paramref name="callback"/> (an <c>[UnmanagedCallersOnly]</c> function whose last argument is
    /// the user data) to <paramref name="signal"/> of <paramref name="instance"/> with this connection as its data.</summary>
    public unsafe void Connect(void* instance, string signal, delegate* unmanaged[Cdecl]<void> callback)
    {
        var handle = GCHandle.Alloc(this);
        using var name = new Utf8Z(signal);
        GLib.g_signal_connect_data(instance, name.P, callback, (void*)GCHandle.ToIntPtr(handle), &OnDestroy, 0);
    }

    /// <summary>Runs <paramref name="run"/> on the connection behind the user data <paramref name="data"/>.</summary>
    public static unsafe void Dispatch<T>(void* data, Action<T> run)
        where T : SignalConnection
    {
        if (GCHandle.FromIntPtr((nint)data).Target is not T c)
        {
            return;
        }

        try
        {
            run(c);
        }
#pragma warning disable CA1031 // nothing may unwind into GLib
        catch (Exception ex)
#pragma warning restore CA1031
        {
            c.Log.LogError(ex, "{What} failed", c.What);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static unsafe void OnDestroy(void* data, GClosure* closure) => GCHandle.FromIntPtr((nint)data).Free();
}
