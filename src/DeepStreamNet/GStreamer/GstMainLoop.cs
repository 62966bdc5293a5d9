using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DeepStreamNet.Interop;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.GStreamer;

/// <summary>Handles one bus message on the main-loop thread.</summary>
internal unsafe delegate void BusHandler(GstMessage* message);

/// <summary>
/// A GLib main loop with a context of its own: actions posted from any thread run on the loop's thread, a bus watch
/// delivers the pipeline's messages there. <see cref="Enter"/> makes it the loop thread's default context (so sources
/// attached there, e.g. RTSP servers, run on it), <see cref="Run"/> runs until <see cref="Quit"/>, <see cref="Leave"/>
/// removes the watch and runs what is still posted. A failing action or handler is logged; nothing unwinds into GLib.
/// </summary>
internal sealed unsafe class GstMainLoop : IDisposable
{
    private readonly ConcurrentQueue<Action> _posted = new();
    private readonly ILogger _log;
    private GCHandle _self;
    private GMainContext* _context;
    private GMainLoop* _loop;
    private BusHandler? _busHandler;
    private uint _watch;
    private bool _entered;

    public GstMainLoop(ILogger log)
    {
        _log = log;
        _context = GLib.g_main_context_new();
        _loop = GLib.g_main_loop_new(_context, false);
        _self = GCHandle.Alloc(this);
    }

    /// <summary>The loop's context (to attach sources to).</summary>
    public GMainContext* Context => _context;

    /// <summary>Makes the context the calling thread's default (call on the loop thread, before <see cref="Run"/>).</summary>
    public void Enter()
    {
        GLib.g_main_context_push_thread_default(_context);
        _entered = true;
    }

    /// <summary>Watches <paramref name="bus"/> (after <see cref="Enter"/>): its messages go to <paramref name="handler"/>.</summary>
    public void WatchBus(GstBus* bus, BusHandler handler)
    {
        _busHandler = handler;
        _watch = Gst.gst_bus_add_watch(bus, &OnBusMessage, (void*)GCHandle.ToIntPtr(_self));
    }

    /// <summary>Runs until <see cref="Quit"/>.</summary>
    public void Run() => GLib.g_main_loop_run(_loop);

    public void Quit()
    {
        if (_loop is not null)
        {
            GLib.g_main_loop_quit(_loop);
        }
    }

    /// <summary>Runs <paramref name="action"/> on the loop's thread (queued until the loop runs; run by <see cref="Leave"/> at the latest).</summary>
    public void Post(Action action)
    {
        _posted.Enqueue(action);
        var ctx = _context;
        if (ctx is not null && _self.IsAllocated)
        {
            GLib.g_main_context_invoke(ctx, &OnInvoke, (void*)GCHandle.ToIntPtr(_self));
        }
    }

    /// <summary>Runs what is still posted, removes the bus watch and gives the thread its previous default context back.</summary>
    public void Leave()
    {
        Drain();
        if (_watch != 0)
        {
            var source = GLib.g_main_context_find_source_by_id(_context, _watch);
            if (source is not null)
            {
                GLib.g_source_destroy(source);
            }

            _watch = 0;
        }

        if (_entered)
        {
            GLib.g_main_context_pop_thread_default(_context);
            _entered = false;
        }
    }

    public void Dispose()
    {
        if (_loop is null)
        {
            return;
        }

        GLib.g_main_loop_unref(_loop);
        _loop = null;
        GLib.g_main_context_unref(_context);
        _context = null;
        if (_self.IsAllocated)
        {
            _self.Free();
        }
    }

    private void Drain()
    {
        while (_posted.TryDequeue(out var a))
        {
            try
            {
                a();
            }
#pragma warning disable CA1031 // a failing action must not stop the loop
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _log.LogError(ex, "main-loop action failed");
            }
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnInvoke(void* data)
    {
        if (GCHandle.FromIntPtr((nint)data).Target is GstMainLoop l)
        {
            l.Drain();
        }

        return 0; // G_SOURCE_REMOVE
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnBusMessage(GstBus* bus, GstMessage* message, void* data)
    {
        if (GCHandle.FromIntPtr((nint)data).Target is GstMainLoop l && l._busHandler is { } handler)
        {
            try
            {
                handler(message);
            }
#pragma warning disable CA1031 // nothing may unwind into GLib
            catch (Exception ex)
#pragma warning restore CA1031
            {
                l._log.LogError(ex, "bus message handling failed");
            }
        }

        return 1; // keep the watch
    }
}
