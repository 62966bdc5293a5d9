using DeepStreamNet.Hosting;
using DeepStreamNet.GStreamer;
using DeepStreamNet.Runner;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner;

/// <summary>The generic-host integration: AddDeepStream runs a config; attachments from DI see the built pipeline.</summary>
[TestFixture]
[NonParallelizable]
public sealed class HostingTests
{
    [Test]
    public async Task AddDeepStream_RunsToEos_AttachmentsFromDiSeeTheMuxerPad_HostStops()
    {
        var dir = RunnerHarness.TempDir("host");
        var path = Path.Combine(dir, "app.txt");
        File.WriteAllText(path, RunnerHarness.Config([TestMedia.Uri(TestMedia.ShortClip)], "type=1\nsync=0\ncontainer=1\ncodec=1", infer: false, tracker: false));
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddDeepStream(o =>
        {
            o.ConfigPath = path;
            o.Backend = PipelineBackend.Portable;
        });
        builder.Services.AddPipelineAttachment<CountingAttachment>();
        using var host = builder.Build();
        var exitBefore = Environment.ExitCode;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.StartAsync(timeout.Token);
        await host.WaitForShutdownAsync(timeout.Token);

        var service = host.Services.GetRequiredService<DeepStreamService>();
        var attachment = (CountingAttachment)host.Services.GetRequiredService<IPipelineAttachment>();
        Assert.That(timeout.IsCancellationRequested, Is.False, "the host stopped by itself at EOS");
        Assert.That(service.Result?.Outcome, Is.EqualTo(RunOutcome.EndOfStream));
        Assert.That(attachment.Batches, Is.EqualTo(30), "one batch per frame of the 30-frame clip");
        Environment.ExitCode = exitBefore;
    }

    private sealed class CountingAttachment : IPipelineAttachment
    {
        private int _batches;
        private FrameWatch? _watch;

        public int Batches => Volatile.Read(ref _batches);

        public void Attach(PipelineRunner runner) => _watch = new FrameWatch(runner, () => Interlocked.Increment(ref _batches));
    }
}
