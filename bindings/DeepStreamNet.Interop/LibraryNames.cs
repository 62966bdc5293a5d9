namespace DeepStreamNet.Interop;

/// <summary>Logical library names used by the generated <c>[LibraryImport]</c>s; <see cref="NativeLibraryResolver"/> maps them to files.</summary>
public static class LibraryNames
{
    public const string GLib = "glib";
    public const string GObject = "gobject";
    public const string GStreamer = "gstreamer";
    public const string GstBase = "gstbase";
    public const string GstVideo = "gstvideo";
    public const string GstApp = "gstapp";
    public const string GstRtspServer = "gstrtspserver";

    /// <summary>nvdsmeta.h: DeepStream's libnvds_meta.so, else the portable libdsnet_meta.so.</summary>
    public const string NvDsMeta = "nvdsmeta";

    /// <summary>gstnvdsmeta.h: DeepStream's libnvdsgst_meta.so, else the portable libdsnet_meta.so.</summary>
    public const string NvDsGstMeta = "nvdsgstmeta";

    /// <summary>nvbufsurface.h: DeepStream's libnvbufsurface.so, else the portable libdsnet_bufsurface.so.</summary>
    public const string NvBufSurface = "nvbufsurface";

    /// <summary>dsnet_bufsurface.h (the portable batched buffer's surface meta): libdsnet_bufsurface.so only.</summary>
    public const string DsNetBufSurface = "dsnetbufsurface";
}
