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
    public static void Connect(GstElement* bin, ElementAddedHandler handler, ILogger log) =>
        new Connection(handler, "deep-element-added handler", log)
            .Connect(bin, "deep-element-added", (delegate* unmanaged[Cdecl]<void>)(delegate* unmanaged[Cdecl]<GstBin*, GstBin*, GstElement*, void*, void>)&OnAdded);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnAdded(GstBin* bin, GstBin* subBin, GstElement* element, void* data) =>
        SignalConnection.Dispatch<Connection>(data, c => c.Handler(element));

    private sealed record Connection(ElementAddedHandler Handler, string What, ILogger Log) : SignalConnection(What, Log);
}
