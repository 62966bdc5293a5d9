namespace DeepStreamNet.Interop;

/// <summary>
/// GStreamer macros and <c>static inline</c> functions the generator cannot bind (inline functions have no
/// exported symbol): the same names, implemented over the exported functions they inline.
/// </summary>
public static unsafe partial class Gst
{
    // gstclock.h (GstClockTime is guint64 nanoseconds).
    public const ulong GST_CLOCK_TIME_NONE = ulong.MaxValue;
    public const ulong GST_SECOND = 1_000_000_000UL;
    public const ulong GST_MSECOND = 1_000_000UL;
    public const ulong GST_USECOND = 1_000UL;
    public const ulong GST_NSECOND = 1UL;

    public static GstBuffer* gst_buffer_ref(GstBuffer* buffer) => (GstBuffer*)gst_mini_object_ref((GstMiniObject*)buffer);

    public static void gst_buffer_unref(GstBuffer* buffer) => gst_mini_object_unref((GstMiniObject*)buffer);

    public static GstCaps* gst_caps_ref(GstCaps* caps) => (GstCaps*)gst_mini_object_ref((GstMiniObject*)caps);

    public static void gst_caps_unref(GstCaps* caps) => gst_mini_object_unref((GstMiniObject*)caps);

    public static GstMessage* gst_message_ref(GstMessage* message) => (GstMessage*)gst_mini_object_ref((GstMiniObject*)message);

    public static void gst_message_unref(GstMessage* message) => gst_mini_object_unref((GstMiniObject*)message);

    public static GstEvent* gst_event_ref(GstEvent* evt) => (GstEvent*)gst_mini_object_ref((GstMiniObject*)evt);

    public static void gst_event_unref(GstEvent* evt) => gst_mini_object_unref((GstMiniObject*)evt);

    public static void gst_query_unref(GstQuery* query) => gst_mini_object_unref((GstMiniObject*)query);

    public static void gst_sample_unref(GstSample* sample) => gst_mini_object_unref((GstMiniObject*)sample);
}
