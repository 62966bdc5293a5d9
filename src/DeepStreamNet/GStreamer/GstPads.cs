using DeepStreamNet.Interop;

namespace DeepStreamNet.GStreamer;

/// <summary>Pad lookup: static pads by name, request pads from templates, pads of an element found by name in a bin.</summary>
public static unsafe class GstPads
{
    /// <summary>A static pad of <paramref name="element"/>, borrowed (the element keeps its pads alive), or null.</summary>
    public static GstPad* Static(GstElement* element, string name)
    {
        if (element is null)
        {
            return null;
        }

        using var n = new Utf8Z(name);
        var pad = Gst.gst_element_get_static_pad(element, n.P);
        if (pad is not null)
        {
            Gst.gst_object_unref(pad);
        }

        return pad;
    }

    /// <summary>
    /// The static pad <paramref name="padName"/> of element <paramref name="elementName"/> inside <paramref name="bin"/>
    /// (recursive); the caller owns the returned reference (gst_object_unref).
    /// </summary>
    /// <exception cref="ArgumentException">No such element or pad (the message names which).</exception>
    public static GstPad* Find(GstBin* bin, string elementName, string padName)
    {
        ArgumentNullException.ThrowIfNull(elementName);
        ArgumentNullException.ThrowIfNull(padName);
        if (bin is null)
        {
            throw new ArgumentNullException(nameof(bin));
        }

        GstElement* element;
        using (var n = new Utf8Z(elementName))
        {
            element = Gst.gst_bin_get_by_name(bin, n.P);
        }

        if (element is null)
        {
            throw new ArgumentException($"the pipeline has no element named '{elementName}'", nameof(elementName));
        }

        GstPad* pad;
        using (var p = new Utf8Z(padName))
        {
            pad = Gst.gst_element_get_static_pad(element, p.P);
        }

        Gst.gst_object_unref(element);
        return pad is not null
            ? pad
            : throw new ArgumentException($"element '{elementName}' has no static pad '{padName}'", nameof(padName));
    }

    /// <summary>The pad template called <paramref name="name"/>, or the <c>x_%u</c> template of a pad name <c>x_N</c>; null when none.</summary>
    public static GstPadTemplate* Template(GstElement* e, string name)
    {
        var klass = (GstElementClass*)((GObject*)e)->g_type_instance.g_class;
        using var n = new Utf8Z(name);
        var t = Gst.gst_element_class_get_pad_template(klass, n.P);
        if (t is null && name.Contains('_', StringComparison.Ordinal) && !name.Contains('%', StringComparison.Ordinal))
        {
            using var generic = new Utf8Z(name[..(name.LastIndexOf('_') + 1)] + "%u");
            t = Gst.gst_element_class_get_pad_template(klass, generic.P);
        }

        return t;
    }

    /// <summary>A static pad, or a new request pad when <paramref name="template"/> is a request template; borrowed, null when neither.</summary>
    public static GstPad* StaticOrRequest(GstElement* e, string name, GstPadTemplate* template)
    {
        var pad = Static(e, name);
        if (pad is null && template is not null && template->presence == GstPadPresence.GST_PAD_REQUEST)
        {
            using var n = new Utf8Z(name);
            pad = Gst.gst_element_request_pad_simple(e, n.P);
            if (pad is not null)
            {
                Gst.gst_object_unref(pad); // the element keeps its request pad until released
            }
        }

        return pad;
    }

    /// <summary>A pad of <paramref name="e"/> that can link to <paramref name="other"/>; borrowed, or null.</summary>
    public static GstPad* Compatible(GstElement* e, GstPad* other)
    {
        var pad = Gst.gst_element_get_compatible_pad(e, other, null);
        if (pad is not null)
        {
            Gst.gst_object_unref(pad);
        }

        return pad;
    }

    /// <summary>The pad's name (owned copy).</summary>
    public static string Name(GstPad* pad) => NativeText.Take(Gst.gst_object_get_name((GstObject*)pad)) ?? "?";

    /// <summary><c>element.pad</c>, e.g. <c>primary_gie.src</c>.</summary>
    public static string Describe(GstPad* pad)
    {
        var padName = Name(pad);
        var parent = Gst.gst_pad_get_parent_element(pad);
        if (parent is null)
        {
            return padName;
        }

        var elementName = NativeText.Take(Gst.gst_object_get_name((GstObject*)parent)) ?? "?";
        Gst.gst_object_unref(parent);
        return elementName + "." + padName;
    }

    /// <summary>The media type of the pad's caps (current, else queried) and its <c>media</c> field (RTP), or nulls.</summary>
    public static (string? Kind, string? Media) MediaType(GstPad* pad) => (CapsField(pad, null), CapsField(pad, "media"));

    /// <summary>A string field of the pad's first caps structure (current caps, else queried); null field = the structure name.</summary>
    public static string? CapsField(GstPad* pad, string? field)
    {
        var caps = Gst.gst_pad_get_current_caps(pad);
        if (caps is null)
        {
            caps = Gst.gst_pad_query_caps(pad, null);
        }

        if (caps is null)
        {
            return null;
        }

        try
        {
            if (Gst.gst_caps_get_size(caps) == 0)
            {
                return null;
            }

            var s = Gst.gst_caps_get_structure(caps, 0);
            if (field is null)
            {
                return NativeText.From(Gst.gst_structure_get_name(s));
            }

            using var f = new Utf8Z(field);
            return NativeText.From(Gst.gst_structure_get_string(s, f.P));
        }
        finally
        {
            Gst.gst_mini_object_unref((GstMiniObject*)caps);
        }
    }
}
