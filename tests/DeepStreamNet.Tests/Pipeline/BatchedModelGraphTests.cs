using DeepStreamNet.Config;
using DeepStreamNet.Pipeline;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Pipeline;

/// <summary>
/// The portable graph of a 4-stream config whose detector (UltraFace RFB-640: MIT, trained on the non-commercial WIDER
/// FACE and MAFA) is fixed at batch 1: dsnetinfer gets a derived config naming a copy of the model with a dynamic batch
/// axis, so one ONNX Runtime run serves the muxer's batch of 4; DeepStream keeps the user's config. The graph only plans
/// the copy; the runner writes it when the pipeline starts.
/// </summary>
[NonParallelizable]
public sealed class BatchedModelGraphTests
{
    private static string MultiStream => Path.Combine(TestPaths.RepositoryRoot, "configs", "face-mask", "portable", "deepstream_app_multistream4_masknet.txt");

    [Test]
    public void A_batch_1_detector_gets_a_dynamic_batch_copy_on_the_portable_runtime()
    {
        var cache = Path.Combine(Path.GetTempPath(), $"dsnet-batched-graph-{Guid.NewGuid():N}");
        var before = Environment.GetEnvironmentVariable("DSNET_CACHE_DIR");
        Environment.SetEnvironmentVariable("DSNET_CACHE_DIR", cache);
        try
        {
            var plan = PipelinePlan.Create(MultiStream, [], PipelineBackend.Portable, TargetPlatform.DGpu, factoryExists: _ => true);
            Assert.That(plan.Graph, Is.Not.Null, plan.Report.ToString());
            var configFile = plan.Graph!["primary_gie"].Properties.Single(p => p.Key == "config-file-path").Value.ToString()!;
            Assert.That(configFile, Does.StartWith(cache).And.EndWith(".batch4.txt"));
            Assert.That(Directory.Exists(cache), Is.False, "building the graph (describe, validate) writes nothing");
            Assert.That(plan.Graph.DerivedFiles.Select(f => f.Path), Is.EqualTo(new[] { configFile }));
            plan.Graph.DerivedFiles.Single().Write(); // what the runner does just before it creates the elements
            var infer = NvInferConfig.Load(configFile, new ValidationReport())!;
            Assert.That(infer.BatchSize, Is.EqualTo(4));
            Assert.That(infer.OnnxFile, Does.EndWith(".dynamic-batch.onnx"));
            Assert.That(File.Exists(infer.LabelFilePath), Is.True, "relative paths still resolve from the cache");

            var ds = PipelinePlan.Create(MultiStream, [], PipelineBackend.DeepStream, TargetPlatform.DGpu, factoryExists: _ => true);
            Assert.That(ds.Graph!["primary_gie"].Properties.Single(p => p.Key == "config-file-path").Value.ToString(), Does.Not.StartWith(cache));
        }
        finally
        {
            Environment.SetEnvironmentVariable("DSNET_CACHE_DIR", before);
            if (Directory.Exists(cache))
            {
                Directory.Delete(cache, recursive: true);
            }
        }
    }
}
