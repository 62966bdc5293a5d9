using System.CommandLine;
using DeepStreamNet.Training;
using DeepStreamNet.Training.Classifier;

namespace DeepStreamNet.Cli.Commands;

/// <summary><c>dsnet train classifier</c>: argument parsing only; the work is <see cref="ClassifierTrainer"/>.</summary>
internal static class TrainClassifierCommand
{
    public static Command Create()
    {
        var defaults = new ClassifierTrainingOptions { TrainDirectories = [], OutputDirectory = "" };
        var train = new Option<string[]>("--train") { Description = "Training dataset folder(s): VOC, per-image JSON or KITTI", Required = true, AllowMultipleArgumentsPerToken = true };
        var dev = new Option<string[]>("--dev") { Description = "Dataset folder(s) measured for the report (never trained on)", AllowMultipleArgumentsPerToken = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output folder: <name>.onnx, config_infer_secondary_<name>.txt, <name>_labels.txt, <name>.params.json, <name>.report.txt", Required = true };
        var classMap = new Option<string?>("--class-map") { Description = "Source class names → mask|no-mask|ignore|drop, e.g. mask_weared_incorrect=no-mask" };
        var margin = new Option<double>("--margin") { Description = "Grow each face box by this share of its size on each side", DefaultValueFactory = _ => defaults.Margin };
        var size = new Option<int>("--input-size") { Description = "Network input side in pixels (224 = ResNet-18's own)", DefaultValueFactory = _ => defaults.InputSize };
        var copies = new Option<int>("--augment-copies") { Description = "Augmented copies of each training face (0 = none)", DefaultValueFactory = _ => defaults.AugmentedCopies };
        var noFlip = new Option<bool>("--no-flip") { Description = "No horizontal flips in the augmented copies" };
        var jitter = new Option<double>("--jitter") { Description = "Box edges move by up to this share of the box size", DefaultValueFactory = _ => defaults.Jitter };
        var brightness = new Option<double>("--brightness") { Description = "Brightness × 1 ± this", DefaultValueFactory = _ => defaults.Brightness };
        var epochs = new Option<int>("--epochs") { Description = "Full-batch optimiser steps of the head", DefaultValueFactory = _ => defaults.Epochs };
        var l2 = new Option<double>("--l2") { Description = "L2 penalty of the head", DefaultValueFactory = _ => defaults.L2 };
        var noBalance = new Option<bool>("--no-balance") { Description = "Do not weigh classes inversely to their counts" };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed and data → same model)", DefaultValueFactory = _ => defaults.Seed };
        var limit = new Option<int>("--max-faces-per-class") { Description = "Use at most this many training faces per class (0 = all)", DefaultValueFactory = _ => 0 };
        var backbone = new Option<DirectoryInfo?>("--backbone") { Description = "Folder with ResNet18Onnx/ and ResNetPrepOnnx/ (default: the copy next to dsnet)" };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime threads (0 = all cores)", DefaultValueFactory = _ => 0 };
        var name = new Option<string>("--name") { Description = "File name stem of the outputs", DefaultValueFactory = _ => defaults.Name };
        var command = new Command("classifier", "Train the mask/no-mask classifier: frozen ImageNet ResNet-18 features + a class-balanced softmax head, written as one ONNX file with its secondary-GIE config.");
        foreach (var o in new Option[] { train, dev, output, classMap, margin, size, copies, noFlip, jitter, brightness, epochs, l2, noBalance, seed, limit, backbone, threads, name })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            var options = new ClassifierTrainingOptions
            {
                TrainDirectories = parse.GetValue(train)!,
                DevDirectories = parse.GetValue(dev) ?? [],
                OutputDirectory = parse.GetValue(output)!.FullName,
                ClassMap = parse.GetValue(classMap),
                Margin = parse.GetValue(margin),
                InputSize = parse.GetValue(size),
                AugmentedCopies = parse.GetValue(copies),
                Flip = !parse.GetValue(noFlip),
                Jitter = parse.GetValue(jitter),
                Brightness = parse.GetValue(brightness),
                Epochs = parse.GetValue(epochs),
                L2 = parse.GetValue(l2),
                BalanceClasses = !parse.GetValue(noBalance),
                Seed = parse.GetValue(seed),
                MaxFacesPerClass = parse.GetValue(limit),
                BackboneDirectory = parse.GetValue(backbone)?.FullName,
                Threads = parse.GetValue(threads),
                Name = parse.GetValue(name)!,
            };
            try
            {
                var last = DateTime.MinValue;
                var result = ClassifierTrainer.Run(options, new Progress<TrainingProgress>(p =>
                {
                    if (DateTime.UtcNow - last > TimeSpan.FromSeconds(2) || p.Done == p.Total)
                    {
                        last = DateTime.UtcNow;
                        Console.Error.WriteLine(p.ToString());
                    }
                }));
                foreach (var problem in result.Problems)
                {
                    Console.Error.WriteLine($"warning: {problem}");
                }

                Console.Out.Write(File.ReadAllText(result.ReportPath));
                Console.Out.WriteLine($"model:  {result.ModelPath}");
                Console.Out.WriteLine($"config: {result.ConfigPath}");
                Console.Out.WriteLine($"labels: {result.LabelsPath}");
                Console.Out.WriteLine($"params: {result.ParametersPath}");
                return 0;
            }
            catch (Exception e) when (e is FormatException or DirectoryNotFoundException or InvalidDataException or IOException or ArgumentOutOfRangeException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
