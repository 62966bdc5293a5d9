using DeepStreamNet.Interop;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Runner;

/// <summary>Takes a pipeline to NULL within a time limit: the state change runs on a thread of its own, so a streaming
/// thread that is stuck for good (a hung decoder holding its pad's stream lock) cannot keep the run from ending.</summary>
internal static unsafe class BoundedStop
{
    /// <summary>True when the pipeline reached NULL within <paramref name="limit"/>; false: it is left behind (never
    /// free it: the thread may still finish the state change).</summary>
    public static bool ToNull(GstElement* pipeline, TimeSpan limit, ILogger log)
    {
        var p = (nint)pipeline;
        using var done = new ManualResetEventSlim();
        var finished = false;
        var thread = new Thread(() =>
        {
            Gst.gst_element_set_state((GstElement*)p, GstState.GST_STATE_NULL);
            Volatile.Write(ref finished, true);
            try
            {
                done.Set();
            }
            catch (ObjectDisposedException)
            {
                // The wait gave up long ago.
            }
        })
        {
            IsBackground = true,
            Name = "dsnet-stop",
        };
        thread.Start();
        if (done.Wait(limit) || Volatile.Read(ref finished))
        {
            return true;
        }

        log.LogError("the pipeline did not stop within {Seconds} s (a streaming thread is stuck): it is left behind; exit the process to free it", limit.TotalSeconds);
        return false;
    }
}
