using DeepStreamNet.Config;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Config;

/// <summary>custom-lib-path / parser-name checks of <c>dsnet validate</c> against the real libdsnet_parsers.so of this build.</summary>
public sealed class CustomParserRuleTests
{
    private static ValidationReport Load(string app, ValidationTarget target) => AppConfigLoader.Load(app, null, target).Report;

    private static IEnumerable<ValidationIssue> About(ValidationReport r, string key) => r.Issues.Where(i => i.Key == key);

    [Test]
    public void Bare_project_library_is_found_beside_the_plugin_and_exports_the_parser()
    {
        using var dir = new TempConfigDir();
        var app = dir.WriteApp();
        dir.WriteInfer("infer.txt", "custom-lib-path=libdsnet_parsers.so\nparse-bbox-func-name=NvDsInferParseUltraFaceMask\n");
        var portable = Load(app, ValidationTarget.Portable);
        var deepstream = Load(app, ValidationTarget.DeepStream);
        Assert.Multiple(() =>
        {
            Assert.That(portable.Issues, Is.Empty, portable.ToString());
            // nvinfer resolves the bare name against the config folder, where it is not
            Assert.That(About(deepstream, "custom-lib-path").Single().Severity, Is.EqualTo(Severity.Error));
        });
    }

    [Test]
    public void Missing_symbol_and_missing_library_are_errors_naming_file_and_symbol()
    {
        using var dir = new TempConfigDir();
        var app = dir.WriteApp();
        dir.WriteInfer("infer.txt", "custom-lib-path=libdsnet_parsers.so\nparse-bbox-func-name=NvDsInferParseNoSuchParser\n");
        var symbol = Load(app, ValidationTarget.Portable);
        dir.WriteInfer("infer.txt", "custom-lib-path=lib/libmissing.so\nparse-bbox-func-name=NvDsInferParseUltraFaceMask\n");
        var missing = Load(app, ValidationTarget.Portable);
        var elsewhere = Load(app, ValidationTarget.DeepStreamElsewhere);
        Assert.Multiple(() =>
        {
            var s = About(symbol, "parse-bbox-func-name").Single();
            Assert.That(s.Severity, Is.EqualTo(Severity.Error));
            Assert.That(s.Message, Does.Contain("libdsnet_parsers.so does not export 'NvDsInferParseNoSuchParser'"));
            Assert.That(s.Line, Is.EqualTo(8));
            var m = About(missing, "custom-lib-path").Single();
            Assert.That(m.Message, Does.Contain("lib/libmissing.so"));
            Assert.That(m.Severity, Is.EqualTo(Severity.Error));
            Assert.That(About(elsewhere, "custom-lib-path").Single().Severity, Is.EqualTo(Severity.Warning));
        });
    }

    [Test]
    public void Shipped_portable_face_mask_config_validates()
    {
        var app = Path.Combine(TestPaths.RepositoryRoot, "configs", "face-mask", "portable", "deepstream_app_file_masknet.txt");
        var r = Load(app, ValidationTarget.Portable);
        Assert.That(r.Errors, Is.Empty, r.ToString());
    }
}
