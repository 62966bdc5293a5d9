namespace DeepStreamNet.InferImages;

/// <summary>What <see cref="ImageInference.Run"/> did.</summary>
public sealed record InferImagesSummary(int Images, int Written, int Skipped, int Objects, int Pipelines, TimeSpan Elapsed, IReadOnlyList<string> Problems);
