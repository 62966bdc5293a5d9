namespace DeepStreamNet.Training.Classifier;

/// <summary>What a classifier training run wrote and measured.</summary>
public sealed record ClassifierTrainingResult(
    string ModelPath,
    string ConfigPath,
    string LabelsPath,
    string ParametersPath,
    string ReportPath,
    int TrainingFaces,
    int TrainingRows,
    ClassificationReport Training,
    ClassificationReport? Dev,
    IReadOnlyList<string> Problems,
    TimeSpan Elapsed);
