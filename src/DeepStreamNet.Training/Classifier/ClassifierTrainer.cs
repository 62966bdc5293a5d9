using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DeepStreamNet.Training.Onnx;

namespace DeepStreamNet.Training.Classifier;

/// <summary>
/// <c>dsnet train classifier</c>: faces from the training sets → crops (margin, augmentation) → frozen ResNet-18
/// features (ONNX Runtime) → class-balanced softmax head → one ONNX file (backbone + head + softmax), its nvinfer
/// SGIE config and labels, the run's parameters and a report on the dev sets.
/// </summary>
public static class ClassifierTrainer
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <exception cref="DirectoryNotFoundException">A dataset folder is missing.</exception>
    /// <exception cref="InvalidDataException">No usable faces, or the backbone files are missing.</exception>
    /// <exception cref="FormatException">The class map is malformed.</exception>
    public static ClassifierTrainingResult Run(ClassifierTrainingOptions options, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var total = Stopwatch.StartNew();
        var mapping = options.Mapping();
        var problems = new List<string>();
        var train = Limit(FaceDatasetReader.Read(options.TrainDirectories, mapping, problems), options.MaxFacesPerClass);
        var classes = FaceDatasetReader.ClassNames;
        for (var k = 0; k < classes.Count; k++)
        {
            if (!train.Any(f => f.ClassIndex == k))
            {
                throw new InvalidDataException($"no '{classes[k]}' faces in {string.Join(", ", options.TrainDirectories)}: the classifier needs both classes (see --class-map)");
            }
        }

        var dev = FaceDatasetReader.Read(options.DevDirectories, mapping, problems);
        var backbone = options.BackboneDirectory ?? ClassifierGraph.DefaultModelsDirectory;
        Directory.CreateDirectory(options.OutputDirectory);
        var random = new Random(options.Seed);
        var augmentation = new CropAugmentation(options.Flip, options.Jitter, options.Brightness);

        float[] features;
        int[] labels;
        ClassificationReport devReport, trainReport;
        SoftmaxHead head;
        using (var extractor = new FeatureExtractor(backbone, options.InputSize, options.Threads))
        {
            // Pass 0: the faces as deployed; passes 1..N: augmented copies.
            var passes = 1 + Math.Max(0, augmentation.IsNone ? 0 : options.AugmentedCopies);
            var rows = new List<float[]>();
            var rowLabels = new List<int>();
            var start = Stopwatch.GetTimestamp();
            var totalCrops = passes * train.Count;
            for (var pass = 0; pass < passes; pass++)
            {
                var offset = pass * train.Count;
                var (f, skipped) = extractor.Extract(train, options.Margin, pass == 0 ? CropAugmentation.None : augmentation, random, pass == 0 ? problems : [],
                    done => progress?.Report(TrainingProgress.Of($"features pass {pass + 1}/{passes}", offset + done, totalCrops, start)));
                var skip = skipped.ToHashSet();
                for (var i = 0; i < train.Count; i++)
                {
                    if (!skip.Contains(i))
                    {
                        rows.Add(f.AsSpan(i * FeatureExtractor.Dimension, FeatureExtractor.Dimension).ToArray());
                        rowLabels.Add(train[i].ClassIndex);
                    }
                }
            }

            features = [.. rows.SelectMany(r => r)];
            labels = [.. rowLabels];
            var fitStart = Stopwatch.GetTimestamp();
            head = SoftmaxHeadTrainer.Fit(features, labels, classes.Count, options.L2, options.Epochs, options.BalanceClasses,
                step => { if (step % 10 == 0 || step == options.Epochs) { progress?.Report(TrainingProgress.Of("head epochs", step, options.Epochs, fitStart)); } });

            trainReport = Evaluate(head, features, labels, classes);
            devReport = new ClassificationReport(classes);
            if (dev.Count > 0)
            {
                var devStart = Stopwatch.GetTimestamp();
                var (df, skipped) = extractor.Extract(dev, options.Margin, CropAugmentation.None, new Random(options.Seed), problems,
                    done => progress?.Report(TrainingProgress.Of("dev features", done, dev.Count, devStart)));
                var skip = skipped.ToHashSet();
                for (var i = 0; i < dev.Count; i++)
                {
                    if (!skip.Contains(i))
                    {
                        devReport.Add(dev[i].ClassIndex, head.Classify(df.AsSpan(i * FeatureExtractor.Dimension, FeatureExtractor.Dimension)));
                    }
                }
            }
        }

        var onnxName = options.Name + ".onnx";
        var modelPath = Path.Combine(options.OutputDirectory, onnxName);
        var parameters = Parameters(options, train, classes);
        ClassifierGraph.WriteClassifier(backbone, options.InputSize, head, modelPath, new Dictionary<string, string>
        {
            ["dsnet.labels"] = string.Join(';', classes),
            ["dsnet.training"] = JsonSerializer.Serialize(parameters),
        });
        var (config, labelFile) = SgieConfigWriter.Write(options.OutputDirectory, options.Name, onnxName, options.InputSize, classes);
        var paramsPath = Path.Combine(options.OutputDirectory, options.Name + ".params.json");
        File.WriteAllText(paramsPath, JsonSerializer.Serialize(parameters, Json) + "\n");
        var reportText = trainReport.ToText("training faces (including augmented copies)") + "\n"
            + (dev.Count > 0 ? devReport.ToText($"dev faces ({string.Join(", ", options.DevDirectories)})") : "no dev set given\n")
            + string.Create(CultureInfo.InvariantCulture, $"\ntraining took {total.Elapsed.TotalSeconds:F1} s\n");
        var reportPath = Path.Combine(options.OutputDirectory, options.Name + ".report.txt");
        File.WriteAllText(reportPath, reportText);
        return new ClassifierTrainingResult(modelPath, config, labelFile, paramsPath, reportPath, train.Count, labels.Length, trainReport, dev.Count > 0 ? devReport : null, problems, total.Elapsed);
    }

    private static ClassificationReport Evaluate(SoftmaxHead head, float[] features, int[] labels, IReadOnlyList<string> classes)
    {
        var r = new ClassificationReport(classes);
        for (var i = 0; i < labels.Length; i++)
        {
            r.Add(labels[i], head.Classify(features.AsSpan(i * head.Features, head.Features)));
        }

        return r;
    }

    private static List<FaceSample> Limit(List<FaceSample> faces, int perClass)
    {
        if (perClass <= 0)
        {
            return faces;
        }

        var taken = new Dictionary<int, int>();
        return [.. faces.Where(f => (taken[f.ClassIndex] = taken.GetValueOrDefault(f.ClassIndex) + 1) <= perClass)];
    }

    private static SortedDictionary<string, object> Parameters(ClassifierTrainingOptions o, List<FaceSample> train, IReadOnlyList<string> classes) => new(StringComparer.Ordinal)
    {
        ["train"] = o.TrainDirectories.Select(Path.GetFullPath).ToArray(),
        ["dev"] = o.DevDirectories.Select(Path.GetFullPath).ToArray(),
        ["classMap"] = o.ClassMap ?? string.Empty,
        ["classes"] = classes.ToArray(),
        ["facesPerClass"] = classes.Select((c, k) => train.Count(f => f.ClassIndex == k)).ToArray(),
        ["margin"] = o.Margin,
        ["augmentedCopies"] = o.AugmentedCopies,
        ["flip"] = o.Flip,
        ["jitter"] = o.Jitter,
        ["brightness"] = o.Brightness,
        ["epochs"] = o.Epochs,
        ["l2"] = o.L2,
        ["balanceClasses"] = o.BalanceClasses,
        ["seed"] = o.Seed,
        ["maxFacesPerClass"] = o.MaxFacesPerClass,
        ["backbone"] = "Microsoft.ML.DnnImageFeaturizer.ResNet18 " + ClassifierGraph.BackboneFile,
        ["inputSize"] = o.InputSize,
        ["input"] = "BGR 0-255, box stretched to the input",
    };
}
