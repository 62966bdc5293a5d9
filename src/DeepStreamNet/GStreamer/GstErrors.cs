using DeepStreamNet.Interop;

namespace DeepStreamNet.GStreamer;

/// <summary>Text of GLib errors and of GStreamer's error and warning messages.</summary>
public static unsafe class GstErrors
{
    /// <summary>The message of <paramref name="error"/>, which is freed ("unknown error" for NULL).</summary>
    public static string Take(GError* error)
    {
        if (error is null)
        {
            return "unknown error";
        }

        var text = NativeText.From(error->message) ?? "unknown error";
        GLib.g_error_free(error);
        return text;
    }

    /// <summary>The text and debug string of an ERROR (or, with <paramref name="warning"/>, WARNING) bus message.</summary>
    public static (string Text, string? Debug) Parse(GstMessage* message, bool warning = false)
    {
        GError* error = null;
        byte* debug = null;
        if (warning)
        {
            Gst.gst_message_parse_warning(message, &error, &debug);
        }
        else
        {
            Gst.gst_message_parse_error(message, &error, &debug);
        }

        return (Take(error), NativeText.Take(debug));
    }

    /// <summary>An ERROR message as one line: <c>element: text (debug)</c>.</summary>
    public static string Describe(GstMessage* message)
    {
        var (text, debug) = Parse(message);
        var source = message->src is null ? null : NativeText.Take(Gst.gst_object_get_name(message->src));
        return $"{(source is null ? string.Empty : source + ": ")}{text}{(debug is null ? string.Empty : " (" + debug + ")")}";
    }
}
