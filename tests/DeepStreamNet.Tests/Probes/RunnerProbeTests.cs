using DeepStreamNet.Hosting;
using DeepStreamNet.Metadata;
using DeepStreamNet.Probes;
using DeepStreamNet.GStreamer;
using DeepStreamNet.Runner;
using DeepStreamNet.Tests.Runner;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Probes;

/// <summary>Probes on the deepstream-app runner: attach points, registration from DI, writes seen before the OSD.</summary>
[TestFixture]
public sealed class RunnerProbeTests
{
    [OneTimeSetUp]
    public void Init() => ProbeTestEnv.Init();

    private sealed class Relabel : IBatchProbe
    {
        public int NoMaskSeen;

        public void OnBatch(ref BatchMeta batch, in ProbeContext context)
        {
            foreach (var f in batch.Frames)
            {
                foreach (var o in f.Objects)
                {
                    if (o.LabelEquals("no-mask"u8))
                    {
                        NoMaskSeen++;
                        o.SetLabel("NO MASK!");
                    }
                }
            }
        }
    }

    [Test]
    public void DiRegisteredProbeAtPrimaryInferenceWritesWhatTheOsdProbeSees()
    {
        var dir = RunnerHarness.TempDir("probes");
        var (graph, config) = RunnerHarness.Graph(dir,
            RunnerHarness.Config([TestMedia.Uri(TestMedia.DemoMp4)], "type=1\nsync=0"),
            $"primary-gie.config-file={ProbeTestEnv.InferConfig}");
        using var runner = new PipelineRunner(graph);
        runner.Build();

        var services = new ServiceCollection()
            .AddBatchProbe<Relabel>(ProbeTarget.At(ProbeAttachPoint.AfterPrimaryInference))
            .BuildServiceProvider();
        var bindings = services.GetServices<ProbeBinding>().ToList();
        Assert.That(bindings, Has.Count.EqualTo(1));
        using var relabel = bindings[0].Attach(runner, services);
        Assert.That(relabel.Location, Is.EqualTo("primary_gie.src"));

        using var cts = new CancellationTokenSource();
        var osdLabels = new List<string>();
        var batches = 0;
        using var osd = runner.AddProbe(ProbeAttachPoint.BeforeOsd, (ref BatchMeta batch, in ProbeContext ctx) =>
        {
            foreach (var f in batch.Frames)
            {
                foreach (var o in f.Objects)
                {
                    osdLabels.Add(o.Label);
                    if (o.Label == "NO MASK!")
                    {
                        // (border colours are re-applied from [primary-gie] bbox-border-color by the runner's GIE styling,
                        // as deepstream-app does: colour changes belong at BeforeOsd)
                        Assert.That(o.DisplayText, Does.StartWith("NO MASK!"));
                    }
                }
            }

            if (++batches == 20)
            {
                cts.Cancel();
            }
        });
        var result = RunnerHarness.Run(runner, TimeSpan.FromSeconds(120), cts.Token);

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Stopped));
        Assert.That(osd.Stats.Faults + relabel.Stats.Faults, Is.Zero, osd.Stats.LastFault ?? relabel.Stats.LastFault);
        var probe = services.GetRequiredService<Relabel>();
        Assert.That(probe.NoMaskSeen, Is.GreaterThan(0), "the demo's first picture has unmasked faces");
        Assert.That(osdLabels, Does.Contain("NO MASK!"));
        Assert.That(osdLabels, Does.Not.Contain("no-mask"));
        Assert.That(() => runner.AddProbe("no_such_element", "src", (ref BatchMeta b, in ProbeContext c) => { }),
            Throws.InvalidOperationException.With.Message.Contains("no_such_element"));
    }

    [Test]
    public void ProbesRegisteredInDiReachTheHostThroughOnePipelineAttachment()
    {
        var services = new ServiceCollection()
            .AddBatchProbe<Relabel>(ProbeTarget.At(ProbeAttachPoint.AfterPrimaryInference))
            .AddBatchProbe(ProbeTarget.At(ProbeAttachPoint.BeforeOsd), (ref BatchMeta batch, in ProbeContext ctx) => { })
            .BuildServiceProvider();

        Assert.That(services.GetServices<IPipelineAttachment>().Count(), Is.EqualTo(1));
        Assert.That(services.GetServices<ProbeBinding>().Count(), Is.EqualTo(2));
    }
}
