using DeepStreamNet.Datasets.Sources;

namespace DeepStreamNet.Datasets.Conversion;

/// <summary>Inputs and settings of one <c>dsnet dataset convert</c> run.</summary>
public sealed record ConversionOptions(string OutputDirectory)
{
    public string? KagglePath { get; init; }

    public string? MedicalJsonPath { get; init; }

    public string? MafaPath { get; init; }

    public string? FddbPath { get; init; }

    public string? WiderFacePath { get; init; }

    public ConversionSplit Split { get; init; } = ConversionSplit.Train;

    /// <summary>Per-class face budget over all datasets together (recipe default 6000).</summary>
    public int CategoryLimit { get; init; } = 6000;

    public int Width { get; init; } = 960;

    public int Height { get; init; } = 544;

    public int JpegQuality { get; init; } = 90;

    public UnlabelledFacePolicy UnlabelledFaces { get; init; } = UnlabelledFacePolicy.DontCare;

    public ClassMapping ClassMapping { get; init; } = ClassMapping.Default;

    /// <summary>Use every WIDER FACE event instead of the recipe's 24.</summary>
    public bool WiderAllEvents { get; init; }

    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
