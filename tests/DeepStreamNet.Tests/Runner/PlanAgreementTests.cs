using DeepStreamNet.Tests.Config;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner;

/// <summary><c>dsnet validate</c> and <c>dsnet run</c> (real processes) come from one <c>PipelinePlan</c>: the same
/// findings and the same verdict for the same config and backend.</summary>
[TestFixture]
[NonParallelizable]
public sealed class PlanAgreementTests
{
    [Test]
    public void DeepStreamBackend_MissingTrackerLibrary_IsTheSameErrorInValidateAndRun()
    {
        using var dir = new TempConfigDir();
        var app = dir.WriteApp(extra: "[tracker]\nenable=1\ntracker-width=640\ntracker-height=384\n");
        var validate = CliProcessTests.Dsnet(dir.Path, TimeSpan.FromSeconds(60), "validate", app, "--backend", "deepstream");
        var run = CliProcessTests.Dsnet(dir.Path, TimeSpan.FromSeconds(60), "run", app, "--backend", "deepstream");
        var validateErrors = ErrorLines(validate.Out);
        var runErrors = ErrorLines(run.Out);
        Assert.Multiple(() =>
        {
            Assert.That(validate.Code, Is.EqualTo(1), validate.Out + validate.Err);
            Assert.That(run.Code, Is.EqualTo(1), run.Out + run.Err);
            Assert.That(validateErrors, Has.Some.Contains("[tracker] ll-lib-file: error:"), validate.Out);
            Assert.That(runErrors, Is.EqualTo(validateErrors), "run reports exactly what validate reports");
            Assert.That(run.Out, Does.Contain("app.txt: invalid (" + validateErrors.Count + " error(s)"));
        });
    }

    private static List<string> ErrorLines(string output) =>
        output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains(": error: ", StringComparison.Ordinal)).ToList();
}
