using DeepStreamNet.Pipeline;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Pipeline;

public sealed class BackendSelectorTests
{
    [Test]
    public void Auto_picks_deepstream_only_when_nvinfer_exists()
    {
        var asked = new List<string>();
        Assert.Multiple(() =>
        {
            Assert.That(BackendSelector.Resolve(PipelineBackend.Auto, f => { asked.Add(f); return true; }), Is.EqualTo(PipelineBackend.DeepStream));
            Assert.That(BackendSelector.Resolve(PipelineBackend.Auto, _ => false), Is.EqualTo(PipelineBackend.Portable));
            Assert.That(asked, Is.EqualTo(new[] { "nvinfer" }));
        });
    }

    [Test]
    public void Explicit_backend_is_kept()
    {
        Assert.Multiple(() =>
        {
            Assert.That(BackendSelector.Resolve(PipelineBackend.Portable, _ => true), Is.EqualTo(PipelineBackend.Portable));
            Assert.That(BackendSelector.Resolve(PipelineBackend.DeepStream, _ => false), Is.EqualTo(PipelineBackend.DeepStream));
        });
    }

    [Test]
    public void Builder_refuses_an_unresolved_backend()
    {
        var cfg = new DeepStreamNet.Config.AppConfig { Path = "/x/app.txt" };
        Assert.That(() => PipelineGraphBuilder.Build(cfg, PipelineBackend.Auto, TargetPlatform.DGpu, new DeepStreamNet.Config.ValidationReport()), Throws.ArgumentException);
    }
}
