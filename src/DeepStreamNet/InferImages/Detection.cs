using DeepStreamNet.Metadata;

namespace DeepStreamNet.InferImages;

/// <summary>One object found in an image: label, class id, detector confidence and box in image pixels.</summary>
public readonly record struct Detection(string Label, int ClassId, float Confidence, RectF Box);
