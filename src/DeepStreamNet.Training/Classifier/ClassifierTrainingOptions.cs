using DeepStreamNet.Datasets.Sources;

namespace DeepStreamNet.Training.Classifier;

/// <summary>Parameters of one <c>dsnet train classifier</c> run (all of them are saved beside the model).</summary>
public sealed record ClassifierTrainingOptions
{
    /// <summary>Training datasets (VOC, JSON or KITTI folders).</summary>
    public required IReadOnlyList<string> TrainDirectories { get; init; }

    /// <summary>Datasets measured for the report only (never trained on).</summary>
    public IReadOnlyList<string> DevDirectories { get; init; } = [];

    /// <summary>Where the model, its configs, parameters and report are written.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Source class names → mask / no-mask / ignore / drop, on top of the dataset tools' defaults.</summary>
    public string? ClassMap { get; init; }

    /// <summary>Face box grown by this share of its size on each side before cropping.</summary>
    public double Margin { get; init; } = 0.1;

    /// <summary>Augmented copies of every training face, in addition to the face itself.</summary>
    public int AugmentedCopies { get; init; } = 1;

    public bool Flip { get; init; } = true;

    /// <summary>Each box edge moves by up to this share of the box size.</summary>
    public double Jitter { get; init; } = 0.08;

    /// <summary>Brightness × a factor in 1 ± this.</summary>
    public double Brightness { get; init; } = 0.25;

    /// <summary>Network input (square, 32–1024): 224 is ResNet-18's own; 128 is 3× faster, and most faces are smaller than that.</summary>
    public int InputSize { get; init; } = 128;

    /// <summary>Full-batch optimiser steps of the head.</summary>
    public int Epochs { get; init; } = 300;

    public double L2 { get; init; } = 1e-3;

    /// <summary>Weigh classes inversely to their counts (the training set is about 5:1 mask:no-mask).</summary>
    public bool BalanceClasses { get; init; } = true;

    public int Seed { get; init; } = 15;

    /// <summary>At most this many faces per class from the training sets (0 = all), taken in reading order; for quick runs.</summary>
    public int MaxFacesPerClass { get; init; }

    /// <summary>Folder with <c>ResNet18Onnx/</c> and <c>ResNetPrepOnnx/</c>; default: next to the program.</summary>
    public string? BackboneDirectory { get; init; }

    /// <summary>ONNX Runtime intra-op threads (0 = its default).</summary>
    public int Threads { get; init; }

    /// <summary>File name stem of the written model, config and labels.</summary>
    public string Name { get; init; } = "mask_classifier";

    /// <summary>The class mapping these options describe.</summary>
    /// <exception cref="FormatException">The class map is malformed.</exception>
    public ClassMapping Mapping() => ClassMapping.Parse(ClassMap);
}
