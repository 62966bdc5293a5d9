using DeepStreamNet.Config;
using DeepStreamNet.Pipeline;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Conformance;

/// <summary>
/// Builds the DeepStream graph of the conformance configs (configs/, written in deepstream-app's sample shape) with
/// <c>--set</c> variants, as on a machine that has DeepStream. The expected values are deepstream-app 6.3's, cited by
/// file:line of NVIDIA's 6.3 sources (A/ = apps-common/src, APP/ = deepstream-app) from
/// ../shared/spec/deepstream-app-6.3-audit.md, whose item ids (S8, K1, …) name the tests.
/// </summary>
internal static class Conformance
{
    public static string ConfigPath(string name) => Path.Combine(TestPaths.RepositoryRoot, "tests", "DeepStreamNet.Tests", "Conformance", "configs", name);

    public static (PipelineGraph Graph, ValidationReport Report) Build(string config, TargetPlatform platform = TargetPlatform.DGpu, params string[] overrides) =>
        Build(config, PipelineBackend.DeepStream, platform, overrides);

    public static (PipelineGraph Graph, ValidationReport Report) Build(string config, PipelineBackend backend, TargetPlatform platform, params string[] overrides)
    {
        var plan = PipelinePlan.Create(ConfigPath(config), overrides, backend, platform, factoryExists: _ => true);
        Assert.That(plan.Graph, Is.Not.Null, plan.Report.ToString());
        return (plan.Graph!, plan.Report);
    }

    /// <summary>Builds a copy of a conformance config edited by <paramref name="edit"/> (written to a temporary folder, paths made absolute).</summary>
    public static (PipelineGraph Graph, ValidationReport Report) BuildEdited(string config, Func<string, string> edit, TargetPlatform platform = TargetPlatform.DGpu)
    {
        var text = File.ReadAllText(ConfigPath(config))
            .Replace("../../Config/TestData/", Tests.Config.ConfigTestPaths.ConfigData + "/", StringComparison.Ordinal)
            .Replace("file://../../../../../shared/", "file://" + TestPaths.Shared + "/", StringComparison.Ordinal);
        var dir = Directory.CreateTempSubdirectory("dsnet-conformance-").FullName;
        try
        {
            var path = Path.Combine(dir, config);
            File.WriteAllText(path, edit(text));
            var plan = PipelinePlan.Create(path, null, PipelineBackend.DeepStream, platform, factoryExists: _ => true);
            Assert.That(plan.Graph, Is.Not.Null, plan.Report.ToString());
            return (plan.Graph!, plan.Report);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The report of a config (validation + backend problems).</summary>
    public static ValidationReport Report(string config, params string[] overrides) => Build(config, TargetPlatform.DGpu, overrides).Report;

    public static string? Prop(PipelineGraph g, string element, string property) => g[element].Get(property)?.ToString();

    /// <summary>Names of the elements directly downstream of <paramref name="name"/>.</summary>
    public static List<string> Next(PipelineGraph g, string name) => g.Links.Where(l => l.From == name).Select(l => l.To).ToList();

    /// <summary>The single element upstream of <paramref name="name"/>.</summary>
    public static string Prev(PipelineGraph g, string name) => g.Links.Single(l => l.To == name).From;

    /// <summary>Factories along the first downstream link from <paramref name="start"/> (inclusive).</summary>
    public static List<string> Chain(PipelineGraph g, string start)
    {
        var result = new List<string>();
        var seen = new HashSet<string>();
        for (var name = start; name is not null && seen.Add(name); name = g.Links.FirstOrDefault(l => l.From == name)?.To)
        {
            result.Add(g[name].Factory);
        }

        return result;
    }

    /// <summary>Whether <paramref name="to"/> is downstream of <paramref name="from"/>.</summary>
    public static bool Reaches(PipelineGraph g, string from, string to)
    {
        var todo = new Queue<string>([from]);
        var seen = new HashSet<string>();
        while (todo.TryDequeue(out var n))
        {
            if (n == to)
            {
                return true;
            }

            foreach (var next in Next(g, n).Where(seen.Add))
            {
                todo.Enqueue(next);
            }
        }

        return false;
    }

    /// <summary>Errors other than the missing nvtracker library, which only a DeepStream install has.</summary>
    public static IEnumerable<ValidationIssue> Errors(ValidationReport r) => r.Errors.Where(e => e.Key != "ll-lib-file");

    public static IEnumerable<string> Messages(ValidationReport r, Severity severity) =>
        r.Issues.Where(i => i.Severity == severity).Select(i => i.ToString());
}
