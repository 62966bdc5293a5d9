using DeepStreamNet.GStreamer;
using DeepStreamNet.Interop;
using DeepStreamNet.Pipeline;
using Microsoft.Extensions.Logging;

namespace DeepStreamNet.Runner;

/// <summary>
/// A <see cref="PipelineGraph"/> made real: a GstPipeline with every element (typed properties set), static and
/// request-pad links, sometimes-pads linked on <c>pad-added</c> (video only). Knows each source's muxer pad and can take
/// elements out again.
/// </summary>
internal sealed unsafe partial class GraphInstance : IDisposable
{
    private readonly PipelineGraph _graph;
    private readonly ILogger _log;
    private readonly Dictionary<string, nint> _elements = new(StringComparer.Ordinal);
    private readonly Dictionary<int, nint> _muxPads = [];
    private readonly GstObjectHandle _pipeline;

    /// <summary>Creates the pipeline; elements named in <paramref name="skipped"/> (and their links) are left out.</summary>
    public GraphInstance(PipelineGraph graph, IReadOnlySet<string> skipped, ILogger log)
    {
        _graph = graph;
        _log = log;
        using (var name = new Utf8Z("dsnet-pipeline"))
        {
            _pipeline = GstObjectHandle.ForPipeline((GstElement*)Gst.gst_object_ref_sink(Gst.gst_pipeline_new(name.P)));
        }

        try
        {
            foreach (var ge in graph.Elements.Where(e => !skipped.Contains(e.Name)))
            {
                Add(ge);
            }

            foreach (var link in graph.Links.Where(l => !skipped.Contains(l.From) && !skipped.Contains(l.To)))
            {
                Link(link);
            }

            if (graph.ChildSettings.Count > 0)
            {
                DeepElementAddedSignal.Connect(Pipeline, OnElementAdded, log);
            }
        }
        catch
        {
            _pipeline.Dispose();
            throw;
        }
    }

    public GstElement* Pipeline => _pipeline.Element;

    /// <summary>An element by name (borrowed; null when absent or removed).</summary>
    public GstElement* Element(string name) => _elements.TryGetValue(name, out var e) ? (GstElement*)e : null;

    /// <summary>The muxer sink pad source <paramref name="index"/> feeds (borrowed), or null.</summary>
    public GstPad* MuxerPad(int index) => _muxPads.TryGetValue(index, out var p) ? (GstPad*)p : null;

    /// <summary>Whether any source feeds the muxer through a known pad.</summary>
    public bool HasMuxerPads => _muxPads.Count > 0;

    /// <summary>Takes elements out of the running pipeline (state locked, NULL, removed).</summary>
    public void Remove(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            var e = Element(name);
            if (e is null)
            {
                continue;
            }

            Gst.gst_element_set_locked_state(e, true);
            Gst.gst_element_set_state(e, GstState.GST_STATE_NULL);
            Gst.gst_bin_remove((GstBin*)Pipeline, e);
            _elements.Remove(name);
        }
    }

    /// <summary>Whether <paramref name="obj"/> is (inside) the pipeline.</summary>
    public bool Contains(GstObject* obj)
    {
        for (var o = obj; o is not null; o = o->parent)
        {
            if (o == (GstObject*)Pipeline)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name of the pipeline's direct child that holds <paramref name="obj"/>, or null.</summary>
    public string? ChildHolding(GstObject* obj)
    {
        for (var o = obj; o is not null; o = o->parent)
        {
            if (o->parent == (GstObject*)Pipeline)
            {
                return NativeText.From(o->name);
            }
        }

        return null;
    }

    public void Dispose() => _pipeline.Dispose();

    /// <summary>Leaves the pipeline behind (never set to NULL or freed): it did not stop, a thread of it may still run.</summary>
    public void Abandon() => _pipeline.SetHandleAsInvalid();

    private void Add(GraphElement ge)
    {
        using var f = new Utf8Z(ge.Factory);
        using var n = new Utf8Z(ge.Name);
        var e = Gst.gst_element_factory_make(f.P, n.P);
        if (e is null)
        {
            throw new PipelineException($"GStreamer element '{ge.Factory}' for '{ge.Name}' could not be created: {ElementRegistry.InstallHint(ge.Factory)}");
        }

        if (!Gst.gst_bin_add((GstBin*)Pipeline, e))
        {
            Gst.gst_object_unref(Gst.gst_object_ref_sink(e));
            throw new PipelineException($"element '{ge.Name}' could not be added to the pipeline");
        }

        _elements[ge.Name] = (nint)e;
        foreach (var (property, value) in ge.Properties)
        {
            if (_graph.Backend != PipelineBackend.DeepStream || ge.ExplicitProperties.Contains(property))
            {
                ObjectProperties.Set((GObject*)e, ge.Name, ge.Factory, property, value.Value);
            }
            else if (ObjectProperties.SetOrExplain((GObject*)e, ge.Name, ge.Factory, property, value.Value) is { } problem)
            {
                // deepstream-app's g_object_set only warns about a property or value this DeepStream version lacks.
                _log.LogWarning("{Problem} in {Version}: left unset, as deepstream-app's g_object_set would", problem, RuntimeChoices.VersionText(e));
            }
        }
    }

    /// <summary>An element appeared under the pipeline: settings deepstream-app gives it in child-added/source-setup.</summary>
    private void OnElementAdded(GstElement* element)
    {
        if (ChildHolding((GstObject*)element) is { } container && (GstElement*)((GstObject*)element)->parent != Pipeline)
        {
            RuntimeChoices.ApplyChildSettings(_graph, container, element, _log);
        }
    }

    private void Link(GraphLink link)
    {
        var src = Element(link.From);
        var dst = Element(link.To);
        if (link.Caps is not null)
        {
            throw new PipelineException($"link {link}: caps on links are not supported by the runner; use a capsfilter element");
        }

        var srcTemplate = link.FromPad is null ? null : GstPads.Template(src, link.FromPad);

        // A pattern with no template of that name (rtspsrc calls its pads stream_%u) means "its sometimes pads".
        var pattern = link.FromPad?.Contains('%', StringComparison.Ordinal) == true;
        if ((srcTemplate is not null && srcTemplate->presence == GstPadPresence.GST_PAD_SOMETIMES) || (pattern && srcTemplate is null))
        {
            PadAddedSignal.Connect(src, link.From, pad => LinkAddedPad(link, pad), _log);
            return;
        }

        var srcPad = link.FromPad is null ? null : Pad(src, link.FromPad, srcTemplate, link);
        var dstPad = link.ToPad is null ? null : Pad(dst, link.ToPad, GstPads.Template(dst, link.ToPad), link);
        if (dstPad is not null && _graph.Find(link.To)?.Role == ElementRole.Muxer && _graph.Sources.FirstOrDefault(s => s.Feed == link.From) is { } source)
        {
            _muxPads[source.Index] = (nint)dstPad;
        }

        if (srcPad is null && dstPad is null)
        {
            if (!Gst.gst_element_link(src, dst))
            {
                throw new PipelineException($"cannot link {link.From} -> {link.To}: no compatible pads (caps do not intersect)");
            }

            return;
        }

        srcPad = srcPad is null ? Compatible(src, dstPad, "source", link) : srcPad;
        dstPad = dstPad is null ? Compatible(dst, srcPad, "sink", link) : dstPad;
        var r = Gst.gst_pad_link(srcPad, dstPad);
        if (r != GstPadLinkReturn.GST_PAD_LINK_OK)
        {
            throw new PipelineException($"cannot link {link}: {r}");
        }
    }

    private static GstPad* Pad(GstElement* e, string name, GstPadTemplate* template, GraphLink link)
    {
        var pad = GstPads.StaticOrRequest(e, name, template);
        return pad is not null ? pad : throw new PipelineException($"link {link}: element has no pad '{name}'");
    }

    private static GstPad* Compatible(GstElement* e, GstPad* other, string direction, GraphLink link)
    {
        var pad = GstPads.Compatible(e, other);
        return pad is not null ? pad : throw new PipelineException($"link {link}: no compatible {direction} pad");
    }

    private void LinkAddedPad(GraphLink link, GstPad* pad)
    {
        if (link.RtpDepayPrefix is not null)
        {
            LinkRtpPad(link, pad);
            return;
        }

        var (kind, media) = GstPads.MediaType(pad);
        var padName = GstPads.Name(pad);
        var isVideo = kind?.StartsWith("video/", StringComparison.Ordinal) == true || (kind == "application/x-rtp" && media == "video");
        if (!isVideo)
        {
            _log.LogDebug("{Element}.{Pad}: {Caps} is not video, left unlinked", link.From, padName, kind);
            return;
        }

        var sink = GstPads.Static(Element(link.To), link.ToPad ?? "sink");
        if (sink is null)
        {
            _log.LogError("{Element}.{Pad}: {Target} has no pad '{SinkPad}'", link.From, padName, link.To, link.ToPad ?? "sink");
            return;
        }

        if (Gst.gst_pad_is_linked(sink))
        {
            _log.LogDebug("{Element}.{Pad}: {Target} is already linked, extra video stream left unlinked", link.From, padName, link.To);
            return;
        }

        var r = Gst.gst_pad_link(pad, sink);
        if (r != GstPadLinkReturn.GST_PAD_LINK_OK)
        {
            _log.LogError("cannot link {Element}.{Pad} ({Caps}) -> {Target}: {Result}", link.From, padName, kind, link.To, r);
        }
        else
        {
            _log.LogDebug("linked {Element}.{Pad} ({Caps}) -> {Target}", link.From, padName, kind, link.To);
        }
    }

    /// <summary>
    /// cb_rtspsrc_select_stream + cb_newpad (deepstream_source_bin.c:486-541): depayloader and parser from the RTP
    /// pad's encoding-name, made once per source and replaced when a reconnection brings another codec.
    /// </summary>
    private void LinkRtpPad(GraphLink link, GstPad* pad)
    {
        var padName = GstPads.Name(pad);
        if (GstPads.CapsField(pad, "media") != "video")
        {
            _log.LogDebug("{Element}.{Pad}: not video, left unlinked", link.From, padName);
            return;
        }

        var encoding = GstPads.CapsField(pad, "encoding-name");
        if (RuntimeChoices.ForEncoding(encoding) is not { } pair)
        {
            _log.LogError("{Element}.{Pad}: RTP encoding '{Encoding}' is not H264 or H265, the encodings deepstream-app depayloads; the stream is left unlinked", link.From, padName, encoding);
            return;
        }

        var depayName = link.RtpDepayPrefix + "_depay";
        var parseName = link.RtpDepayPrefix + "_parse";
        var depay = Element(depayName);
        if (depay is not null && ElementVersion.FactoryName(depay) != pair.Depay)
        {
            Remove([depayName, parseName]);
            depay = null;
        }

        if (depay is null)
        {
            depay = AddDynamic(pair.Depay, depayName);
            var parse = AddDynamic(pair.Parse, parseName);
            RuntimeChoices.ApplyChildSettings(_graph, link.From, parse, _log);
            if (!Gst.gst_element_link(depay, parse) || !Gst.gst_element_link(parse, Element(link.To)))
            {
                _log.LogError("{Element}.{Pad}: cannot link {Depay} -> {Parse} -> {Target}", link.From, padName, pair.Depay, pair.Parse, link.To);
                return;
            }

            Gst.gst_element_sync_state_with_parent(parse);
            Gst.gst_element_sync_state_with_parent(depay);
        }

        var sink = GstPads.Static(depay, "sink");
        if (Gst.gst_pad_is_linked(sink))
        {
            _log.LogDebug("{Element}.{Pad}: {Depay} is already linked, extra video stream left unlinked", link.From, padName, depayName);
            return;
        }

        var r = Gst.gst_pad_link(pad, sink);
        if (r != GstPadLinkReturn.GST_PAD_LINK_OK)
        {
            _log.LogError("cannot link {Element}.{Pad} ({Encoding}) -> {Depay}: {Result}", link.From, padName, encoding, pair.Depay, r);
        }
        else
        {
            _log.LogInformation("{Element}.{Pad}: {Encoding} stream -> {Depay} -> {Parse}", link.From, padName, encoding, pair.Depay, pair.Parse);
        }
    }

    private GstElement* AddDynamic(string factory, string name)
    {
        using var f = new Utf8Z(factory);
        using var n = new Utf8Z(name);
        var e = Gst.gst_element_factory_make(f.P, n.P);
        if (e is null)
        {
            throw new PipelineException($"GStreamer element '{factory}' for '{name}' could not be created: {ElementRegistry.InstallHint(factory)}");
        }

        if (!Gst.gst_bin_add((GstBin*)Pipeline, e))
        {
            Gst.gst_object_unref(Gst.gst_object_ref_sink(e));
            throw new PipelineException($"element '{name}' could not be added to the pipeline");
        }

        _elements[name] = (nint)e;
        return e;
    }
}
