using DeepStreamNet.Datasets.Kitti;

namespace DeepStreamNet.Datasets.Sources;

/// <summary>One annotated face in source-image pixels, with the class the dataset's rules give it and why.</summary>
public sealed record SourceFace(Box Box, FaceClass Class, string Rule);
