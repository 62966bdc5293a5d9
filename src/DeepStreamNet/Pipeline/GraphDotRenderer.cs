using System.Text;

namespace DeepStreamNet.Pipeline;

/// <summary>Renders a graph as Graphviz dot (one record-shaped node per element, edges labelled with pads/caps).</summary>
public static class GraphDotRenderer
{
    public static string Render(PipelineGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var sb = new StringBuilder();
        sb.AppendLine("digraph pipeline {");
        sb.AppendLine("  rankdir=LR;");
        sb.AppendLine("  node [shape=box, fontname=\"monospace\", fontsize=10];");
        sb.AppendLine("  edge [fontname=\"monospace\", fontsize=8];");
        foreach (var e in graph.Elements)
        {
            var label = new StringBuilder().Append(e.Name).Append("\\n(").Append(e.Factory).Append(')');
            foreach (var (name, value) in e.Properties)
            {
                label.Append("\\l").Append(name).Append('=').Append(value.ToString());
            }

            if (e.Properties.Count > 0)
            {
                label.Append("\\l");
            }

            sb.Append("  ").Append(Id(e.Name)).Append(" [label=\"").Append(Escape(label.ToString())).AppendLine("\"];");
        }

        foreach (var l in graph.Links)
        {
            var label = string.Join(" ", new[] { l.FromPad is null ? null : l.FromPad + " ->", l.ToPad, l.Caps }.Where(x => x is not null));
            sb.Append("  ").Append(Id(l.From)).Append(" -> ").Append(Id(l.To));
            if (label.Length > 0)
            {
                sb.Append(" [label=\"").Append(Escape(label)).Append("\"]");
            }

            sb.AppendLine(";");
        }

        sb.AppendLine("}");
        return sb.ToString();
    }

    private static string Id(string name) => "\"" + Escape(name) + "\"";

    // Keep the \n / \l line breaks the label uses; escape quotes only.
    private static string Escape(string s) => s.Replace("\"", "\\\"", StringComparison.Ordinal);
}
