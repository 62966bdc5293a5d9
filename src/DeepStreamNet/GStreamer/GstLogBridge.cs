using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DeepStreamNet.Interop;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.GStreamer;

/// <summary>
/// Routes GStreamer's own debug log into <see cref="ILogger"/>s named <c>GStreamer.&lt;category&gt;</c> (Serilog's
/// SourceContext when Serilog is the provider), replacing the default stderr printer. GStreamer filters by its
/// thresholds before calling us, so <c>GST_DEBUG</c> still decides what is produced; the logger's level decides what
/// is kept. Levels: ERROR → Error, WARNING/FIXME → Warning, INFO → Information, DEBUG → Debug, LOG and finer → Trace.
/// </summary>
public static unsafe class GstLogBridge
{
    private static readonly ConcurrentDictionary<nint, ILogger> Loggers = new();
    private static ILoggerFactory? _factory;
    private static bool _installed;

    /// <summary>Installs the bridge once per process (later calls only switch the factory).</summary>
    public static void Install(ILoggerFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        GstStartup.Initialize();
        lock (Loggers)
        {
            _factory = factory;
            Loggers.Clear();
            if (_installed)
            {
                return;
            }

            _ = Gst.gst_debug_remove_log_function(null); // the default printer to stderr
            Gst.gst_debug_add_log_function(&OnLog, null, null);
            _installed = true;
        }
    }

    /// <summary>GStreamer level → logging level.</summary>
    public static LogLevel Map(GstDebugLevel level) => level switch
    {
        GstDebugLevel.GST_LEVEL_ERROR => LogLevel.Error,
        GstDebugLevel.GST_LEVEL_WARNING or GstDebugLevel.GST_LEVEL_FIXME => LogLevel.Warning,
        GstDebugLevel.GST_LEVEL_INFO => LogLevel.Information,
        GstDebugLevel.GST_LEVEL_DEBUG => LogLevel.Debug,
        GstDebugLevel.GST_LEVEL_NONE => LogLevel.None,
        _ => LogLevel.Trace,
    };

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(GstDebugCategory* category, GstDebugLevel level, byte* file, byte* function, int line, GObject* obj, GstDebugMessage* message, void* data)
    {
        try
        {
            var factory = _factory;
            if (factory is null)
            {
                return;
            }

            var logger = Loggers.GetOrAdd((nint)category, c => factory.CreateLogger("GStreamer." + (NativeText.From(Gst.gst_debug_category_get_name((GstDebugCategory*)c)) ?? "default")));
            var mapped = Map(level);
            if (!logger.IsEnabled(mapped))
            {
                return;
            }

            var text = NativeText.From(Gst.gst_debug_message_get(message));
            var name = obj is not null && GLib.g_type_check_instance_is_a((GTypeInstance*)obj, Gst.gst_object_get_type())
                ? NativeText.From(((GstObject*)obj)->name)
                : null;
            logger.Log(mapped, "{GstObject} {Function}:{Line}: {GstMessage}", name ?? "-", NativeText.From(function), line, text);
        }
#pragma warning disable CA1031 // nothing may unwind into GStreamer
        catch
#pragma warning restore CA1031
        {
            // A logging failure must not take the pipeline down.
        }
    }
}
