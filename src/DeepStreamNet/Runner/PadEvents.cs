using DeepStreamNet.Interop;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Runner;

/// <summary>
/// Sends EOS into a pad on a thread of its own, never on the main loop: a serialized event waits for the pad's stream
/// lock, which a streaming thread holds while it is blocked downstream (a muxer waiting for a stalled source). Sent
/// from the main loop, that EOS would block the bus, the stop timer and every other source with it.
/// </summary>
internal static unsafe class PadEvents
{
    /// <summary>Sends EOS into <paramref name="pad"/> (a reference is held until it was delivered); returns at once.</summary>
    public static void SendEosDetached(GstPad* pad, string what, ILogger log)
    {
        if (pad is null)
        {
            return;
        }

        var held = (nint)Gst.gst_object_ref(pad);
        var thread = new Thread(() =>
        {
            var p = (GstPad*)held;
            var taken = Gst.gst_pad_send_event(p, Gst.gst_event_new_eos());
            log.LogDebug("EOS into the muxer pad of {What} {Result}", what, taken ? "delivered" : "refused");
            Gst.gst_object_unref(p);
        })
        {
            // A pad that never takes the EOS (a streaming thread stuck for good) must not keep the process alive.
            IsBackground = true,
            Name = "dsnet-eos",
        };
        thread.Start();
    }
}
