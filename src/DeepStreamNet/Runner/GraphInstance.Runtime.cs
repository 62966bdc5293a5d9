using DeepStreamNet.GStreamer;
using DeepStreamNet.Interop;
using DeepStreamNet.Pipeline;

namespace DeepStreamNet.Runner;

/// <summary>Sources joining and leaving the playing pipeline: their elements, their muxer request pads.</summary>
internal sealed unsafe partial class GraphInstance
{
    /// <summary>The muxer element (borrowed), or null.</summary>
    public GstElement* Muxer => _graph.FirstWithRole(ElementRole.Muxer) is { } m ? Element(m.Name) : null;

    /// <summary>Adds the elements of <paramref name="source"/> (built in <paramref name="fragment"/>) to the playing
    /// pipeline: links them, links the feed to a new muxer pad <c>sink_N</c>, shifts the source's running time to now
    /// (it starts at 0 while the pipeline's clock has run on) and brings every element to the pipeline's state.
    /// Returns the running-time offset. On failure everything added is taken out again.</summary>
    public long AddRuntimeSource(PipelineGraph fragment, GraphSource source)
    {
        var mux = Muxer;
        if (mux is null)
        {
            throw new PipelineException("the pipeline has no stream muxer to add a source to");
        }

        var added = new List<string>();
        try
        {
            foreach (var ge in fragment.Elements)
            {
                Add(ge);
                added.Add(ge.Name);
            }

            foreach (var link in fragment.Links)
            {
                Link(link);
            }

            var padName = $"sink_{source.Index}";
            var muxPad = GstPads.StaticOrRequest(mux, padName, GstPads.Template(mux, padName));
            if (muxPad is null)
            {
                throw new PipelineException($"the muxer gave no pad {padName}");
            }

            _muxPads[source.Index] = (nint)muxPad;
            var feed = GstPads.Static(Element(source.Feed), "src");
            var r = Gst.gst_pad_link(feed, muxPad);
            if (r != GstPadLinkReturn.GST_PAD_LINK_OK)
            {
                throw new PipelineException($"cannot link {source.Feed} to the muxer's {padName}: {r}");
            }

            var now = Gst.gst_element_get_current_running_time(Pipeline);
            var offset = now == ulong.MaxValue ? 0 : (long)now;
            Gst.gst_pad_set_offset(feed, offset);

            // Downstream first, so no element pushes into one that is not running yet.
            for (var i = added.Count - 1; i >= 0; i--)
            {
                Gst.gst_element_sync_state_with_parent(Element(added[i]));
            }

            return offset;
        }
        catch
        {
            Remove(added);
            ReleaseMuxerPad(source.Index);
            throw;
        }
    }

    /// <summary>Gives the muxer's request pad of source <paramref name="index"/> back (no-op when it has none).</summary>
    public void ReleaseMuxerPad(int index)
    {
        if (_muxPads.Remove(index, out var pad) && Muxer is var mux && mux is not null)
        {
            Gst.gst_element_release_request_pad(mux, (GstPad*)pad);
        }
    }

    /// <summary>Names of the muxer's sink pads now (call on the main-loop thread).</summary>
    public IReadOnlyList<string> MuxerPadNames()
    {
        var names = new List<string>();
        var mux = Muxer;
        if (mux is null)
        {
            return names;
        }

        // Pads are requested and released only on the main-loop thread, where this runs.
        for (var l = mux->sinkpads; l is not null; l = l->next)
        {
            names.Add(NativeText.From(((GstObject*)l->data)->name) ?? "?");
        }

        return names;
    }
}
