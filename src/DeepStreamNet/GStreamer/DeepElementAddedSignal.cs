using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DeepStreamNet.Interop;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.GStreamer;

/// <summary>Handles an element added anywhere under a bin.</summary>
internal unsafe delegate void ElementAddedHandler(GstElement* element);

/// <summary>
/// <c>deep-element-added</c> on a bin: fires for elements added to the bin or any bin inside it (the decoders
/// uridecodebin/decodebin plug, the rtspsrc uridecodebin makes), the C code's <c>child-added</c>/<c>source-setup</c> hooks.
/// </summary>
internal static unsafe class DeepElementAddedSignal
{
    public static void Connect(GstElement* bin, ElementAddedHandler handler, ILogger log)
    {
        var handle = GCHandle.Alloc(new Connection(handler, log));
        using var signal = new Utf8Z("deep-element-added");
        GLib.g_signal_connect_data(bin, signal.P, (delegate* unmanaged[Cdecl]<void>)(delegate* unmanaged[Cdecl]<GstBin*, GstBin*, GstElement*, void*, void>)&OnAdded,
            (void*)GCHandle.ToIntPtr(handle), &OnDestroy, 0);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnAdded(GstBin* bin, GstBin* subBin, GstElement* element, void* data)
    {
        if (GCHandle.FromIntPtr((nint)data).Target is Connection c)
        {
            try
            {
                c.Handler(element);
            }
#pragma warning disable CA1031 // nothing may unwind into GLib
            catch (Exception ex)
#pragma warning restore CA1031
            {
                c.Log.LogError(ex, "deep-element-added handler failed");
            }
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnDestroy(void* data, GClosure* closure) => GCHandle.FromIntPtr((nint)data).Free();

    private sealed record Connection(ElementAddedHandler Handler, ILogger Log);
}
