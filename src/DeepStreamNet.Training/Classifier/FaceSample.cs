using DeepStreamNet.Datasets.Kitti;

namespace DeepStreamNet.Training.Classifier;

/// <summary>One labelled face: its image, its box in image pixels and its class index (0 = mask, 1 = no-mask).</summary>
public sealed record FaceSample(string ImagePath, Box Box, int ClassIndex);
