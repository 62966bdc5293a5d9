using DeepStreamNet.Interop;

namespace DeepStreamNet.GStreamer;

/// <summary>The version of the plugin an element comes from (DeepStream's plugins carry the DeepStream version).</summary>
internal static unsafe class ElementVersion
{
    /// <summary>E.g. <c>6.3.0</c>, or null when unknown.</summary>
    public static string? Of(GstElement* element)
    {
        var factory = Gst.gst_element_get_factory(element);
        if (factory is null)
        {
            return null;
        }

        var plugin = Gst.gst_plugin_feature_get_plugin((GstPluginFeature*)factory);
        if (plugin is null)
        {
            return null;
        }

        var version = NativeText.From(Gst.gst_plugin_get_version(plugin));
        Gst.gst_object_unref(plugin);
        return version;
    }

    /// <summary>The factory name of an element, or null.</summary>
    public static string? FactoryName(GstElement* element)
    {
        var factory = Gst.gst_element_get_factory(element);
        return factory is null ? null : NativeText.Take(Gst.gst_object_get_name((GstObject*)factory));
    }
}
