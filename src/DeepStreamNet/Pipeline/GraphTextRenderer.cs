using System.Text;

namespace DeepStreamNet.Pipeline;

/// <summary>Renders a graph as indented text: elements with factory and properties, then links and host services.</summary>
public static class GraphTextRenderer
{
    public static string Render(PipelineGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var sb = new StringBuilder();
        sb.Append("backend: ").Append(graph.Backend == PipelineBackend.DeepStream ? "deepstream" : "portable")
          .Append(graph.Backend == PipelineBackend.DeepStream ? $" ({(graph.Platform == TargetPlatform.Jetson ? "jetson" : "dgpu")})" : "").AppendLine();
        sb.AppendLine("elements:");
        foreach (var e in graph.Elements)
        {
            sb.Append("  ").Append(e.Name).Append(" (").Append(e.Factory).AppendLine(")");
            foreach (var (name, value) in e.Properties)
            {
                sb.Append("      ").Append(name).Append(" = ").AppendLine(value.ToString());
            }

            if (e.Note is not null)
            {
                sb.Append("      # ").AppendLine(e.Note);
            }
        }

        sb.AppendLine("links:");
        foreach (var l in graph.Links)
        {
            sb.Append("  ").AppendLine(l.ToString());
        }

        if (graph.ChildSettings.Count > 0)
        {
            sb.AppendLine("run-time settings (elements plugged inside source bins):");
            foreach (var c in graph.ChildSettings)
            {
                sb.Append("  ").AppendLine(c.ToString());
            }
        }

        if (graph.DerivedFiles.Count > 0)
        {
            sb.AppendLine("files written when the pipeline starts:");
            foreach (var f in graph.DerivedFiles)
            {
                sb.Append("  ").AppendLine(f.ToString());
            }
        }

        if (graph.RtspServers.Count > 0)
        {
            sb.AppendLine("rtsp servers:");
            foreach (var r in graph.RtspServers)
            {
                sb.Append("  ").Append(r.Url).Append(" <- udp port ").Append(r.UdpPort).Append(' ').Append(r.EncodingName).Append(" (").Append(r.Sink).AppendLine(")");
            }
        }

        if (graph.GieStyles.Count > 0)
        {
            sb.AppendLine("object styling (applied by a probe before the OSD):");
            foreach (var s in graph.GieStyles)
            {
                sb.Append("  ").Append(s.Gie).Append(" (unique-id ").Append(s.GieUniqueId).Append("): border ").Append(s.BorderColor)
                  .Append(", width ").Append(s.BorderWidth);
                foreach (var (cls, c) in s.ClassBorderColors)
                {
                    sb.Append(", class ").Append(cls).Append(" border ").Append(c);
                }

                foreach (var (cls, c) in s.ClassBackgroundColors)
                {
                    sb.Append(", class ").Append(cls).Append(" fill ").Append(c);
                }

                sb.AppendLine();
            }
        }

        var ls = graph.LabelStyle;
        sb.Append("label text: font ").Append(ls.Font ?? "(default)").Append(", size ").Append(ls.TextSize).Append(", colour ").Append(ls.TextColor)
          .Append(", background ").AppendLine(ls.TextBackground?.ToString() ?? "none");
        var o = graph.RunOptions;
        sb.AppendLine("run options:");
        sb.Append("  perf-measurement: ").AppendLine(o.EnablePerfMeasurement ? $"every {o.PerfMeasurementIntervalSec} s" : "off");
        sb.Append("  file-loop: ").AppendLine(o.FileLoop ? "on" : "off");
        if (o.PipelineRecreateSec > 0)
        {
            sb.Append("  pipeline-recreate-sec: ").Append(o.PipelineRecreateSec).AppendLine();
        }

        if (o.GieKittiOutputDir is not null)
        {
            sb.Append("  gie-kitti-output-dir: ").AppendLine(o.GieKittiOutputDir);
        }

        if (o.KittiTrackOutputDir is not null)
        {
            sb.Append("  kitti-track-output-dir: ").AppendLine(o.KittiTrackOutputDir);
        }

        if (o.ReidTrackOutputDir is not null)
        {
            sb.Append("  reid-track-output-dir: ").AppendLine(o.ReidTrackOutputDir);
        }

        sb.Append("  label text rebuilt by the host: ").AppendLine(o.RewriteLabels ? "yes" : "no");
        return sb.ToString();
    }
}
