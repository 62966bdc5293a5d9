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
    public static void Connect(GstElement* element, string what, PadAddedHandler handler, ILogger log) =>
        new Connection(handler, $"pad-added handler of {what}", log)
            .Connect(element, "pad-added", (delegate* unmanaged[Cdecl]<void>)(delegate* unmanaged[Cdecl]<GstElement*, GstPad*, void*, void>)&OnPadAdded);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnPadAdded(GstElement* element, GstPad* pad, void* data) =>
        SignalConnection.Dispatch<Connection>(data, c => c.Handler(pad));

    private sealed record Connection(PadAddedHandler Handler, string What, ILogger Log) : SignalConnection(What, Log);
}
