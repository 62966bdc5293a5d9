using System.Text;
using DeepStreamNet.Interop;

namespace DeepStreamNet.Probes;

/// <summary>Finds element pads by name (for probes attached by element name + pad).</summary>
public static unsafe class PadLookup
{
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
        fixed (byte* n = Encoding.UTF8.GetBytes(elementName + "\0"))
        {
            element = Gst.gst_bin_get_by_name(bin, n);
        }

        if (element is null)
        {
            throw new ArgumentException($"the pipeline has no element named '{elementName}'", nameof(elementName));
        }

        GstPad* pad;
        fixed (byte* p = Encoding.UTF8.GetBytes(padName + "\0"))
        {
            pad = Gst.gst_element_get_static_pad(element, p);
        }

        Gst.gst_object_unref(element);
        return pad is not null
            ? pad
            : throw new ArgumentException($"element '{elementName}' has no static pad '{padName}'", nameof(padName));
    }
}
