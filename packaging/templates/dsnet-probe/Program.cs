using DeepStreamNet.Hosting;
using DeepStreamNet.Probes;
using DeepStreamNet.Runner;
using DsNetProbe;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// A hosted DeepStream app: runs config/deepstream_app.txt (portable runtime, or NVIDIA DeepStream where installed) and
// counts mask / no-mask faces per source with MaskCountProbe.
//   dotnet run                   the whole clip
//   dotnet run -- --seconds 5    stop after 5 s of video
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddDeepStream(options =>
{
    options.ConfigPath = Path.Combine(AppContext.BaseDirectory, "config", "deepstream_app.txt");
});
builder.Services.Configure<MaskCountOptions>(o =>
{
    o.StopAfterSeconds = builder.Configuration.GetValue<double?>("seconds");
});
builder.Services.AddBatchProbe<MaskCountProbe>(ProbeTarget.At(ProbeAttachPoint.AfterTracker));

using var host = builder.Build();
var probe = host.Services.GetRequiredService<MaskCountProbe>();
await host.RunAsync();

foreach (var (source, counts) in probe.Totals())
{
    Console.WriteLine($"source {source}: frames={counts.Frames} mask={counts.Mask} no-mask={counts.NoMask}");
}

return Environment.ExitCode;
