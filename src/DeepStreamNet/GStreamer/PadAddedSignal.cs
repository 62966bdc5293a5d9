using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DeepStreamNet.Interop;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.GStreamer;

/// <summary>Handles a new sometimes-pad of an element.</summary>
internal unsafe delegate void PadAddedHandler(GstPad* pad);

/// <summary><c>pad-added</c> (uridecodebin, decodebin, rtspsrc): the handler lives as long as the element.</summary>
internal static unsafe class PadAddedSignal
{
    public static void Connect(GstElement* element, string what, PadAddedHandler handler, ILogger log)
    {
        var handle = GCHandle.Alloc(new Connection(what, handler, log));
        using var signal = new Utf8Z("pad-added");
        GLib.g_signal_connect_data(element, signal.P, (delegate* unmanaged[Cdecl]<void>)(delegate* unmanaged[Cdecl]<GstElement*, GstPad*, void*, void>)&OnPadAdded,
            (void*)GCHandle.ToIntPtr(handle), &OnDestroy, 0);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnPadAdded(GstElement* element, GstPad* pad, void* data)
    {
        if (GCHandle.FromIntPtr((nint)data).Target is Connection c)
        {
            try
            {
                c.Handler(pad);
            }
#pragma warning disable CA1031 // nothing may unwind into GLib
            catch (Exception ex)
#pragma warning restore CA1031
            {
                c.Log.LogError(ex, "pad-added handler of {Element} failed", c.What);
            }
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnDestroy(void* data, GClosure* closure) => GCHandle.FromIntPtr((nint)data).Free();

    private sealed record Connection(string What, PadAddedHandler Handler, ILogger Log);
}
