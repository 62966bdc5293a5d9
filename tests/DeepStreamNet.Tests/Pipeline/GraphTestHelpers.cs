using DeepStreamNet.Config;
using DeepStreamNet.Pipeline;
using DeepStreamNet.Tests.Config;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Pipeline;

/// <summary>Builds graphs of the TestData configs and walks them.</summary>
internal static class GraphTestHelpers
{
    public static (PipelineGraph Graph, ValidationReport Report) Build(string config, PipelineBackend backend, TargetPlatform platform = TargetPlatform.DGpu, params string[] overrides)
    {
        // Validated for the backend as on a machine that has it (DeepStream's nvinfer "installed").
        var plan = PipelinePlan.Create(ConfigTestPaths.Data(config), overrides, backend, platform, factoryExists: _ => true);
        Assert.That(plan.Graph, Is.Not.Null, plan.Report.ToString());
        return (plan.Graph!, plan.Report);
    }

    /// <summary>Factories along the first downstream link from <paramref name="start"/> (inclusive) to a sink.</summary>
    public static IReadOnlyList<string> FactoriesFrom(PipelineGraph g, string start)
    {
        var result = new List<string>();
        var name = start;
        var seen = new HashSet<string>();
        while (name is not null && seen.Add(name))
        {
            result.Add(g[name].Factory);
            name = g.Links.FirstOrDefault(l => l.From == name)?.To;
        }

        return result;
    }

    /// <summary>Property value rendered as text, or null.</summary>
    public static string? Prop(PipelineGraph g, string element, string property) => g[element].Get(property)?.ToString();

    /// <summary>Every link refers to elements in the graph and every element but sources/sinks is linked.</summary>
    public static void AssertWellFormed(PipelineGraph g)
    {
        var names = g.Elements.Select(e => e.Name).ToHashSet();
        Assert.That(g.Links.All(l => names.Contains(l.From) && names.Contains(l.To)), Is.True);
        foreach (var e in g.Elements)
        {
            var linked = g.Links.Any(l => l.From == e.Name || l.To == e.Name);
            Assert.That(linked, Is.True, $"{e} is not linked");
        }
    }
}
