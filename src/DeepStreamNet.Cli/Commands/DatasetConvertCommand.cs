using System.CommandLine;
using DeepStreamNet.Cli.Progress;
using DeepStreamNet.Datasets.Conversion;
using DeepStreamNet.Datasets.Sources;

namespace DeepStreamNet.Cli.Commands;

/// <summary>
/// <c>dsnet dataset convert</c>: Kaggle / medical JSON / MAFA / FDDB / WIDER FACE → KITTI (mask, no-mask). Prints the
/// absolute paths it wrote; exit 0, 1 when inputs were skipped (listed; everything else is written), 2 for bad options.
/// </summary>
internal static class DatasetConvertCommand
{
    public static Command Create()
    {
        var kaggle = new Option<DirectoryInfo?>("--kaggle") { Description = "Pascal-VOC dataset root (images/ + labels/ or annotations/): Kaggle medical masks or andrewmvd" };
        var json = new Option<DirectoryInfo?>("--medical-json") { Description = "Per-image JSON dataset root (images/ + annotations/<image>.json)" };
        var mafa = new Option<DirectoryInfo?>("--mafa") { Description = "MAFA root (MAFA-Label-Train/, MAFA-Label-Test/, train-images/, test-images/)" };
        var fddb = new Option<DirectoryInfo?>("--fddb") { Description = "FDDB root (FDDB-folds/ and originalPics/)" };
        var wider = new Option<DirectoryInfo?>("--widerface") { Description = "WIDER FACE root (wider_face_split/, WIDER_train/, WIDER_val/)" };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output folder (gets images/ and labels/)", Required = true };
        var train = new Option<bool>("--train") { Description = "Training split: Kaggle, MAFA train, FDDB, WIDER train (default)" };
        var val = new Option<bool>("--val") { Description = "Validation split: MAFA test and WIDER val" };
        var limit = new Option<int>("--category-limit") { Description = "Faces per class over all datasets, filled Kaggle → MAFA → FDDB → WIDER", DefaultValueFactory = _ => 6000 };
        var width = new Option<int>("--width") { Description = "Output image width", DefaultValueFactory = _ => 960 };
        var height = new Option<int>("--height") { Description = "Output image height", DefaultValueFactory = _ => 544 };
        var quality = new Option<int>("--jpeg-quality") { Description = "JPEG quality of the written images", DefaultValueFactory = _ => 90 };
        var unlabelled = new Option<string>("--unlabelled") { Description = "Faces no rule labels: dontcare (write DontCare lines), skip-image, omit (recipe behaviour)", DefaultValueFactory = _ => "dontcare" };
        var classMap = new Option<string?>("--class-map") { Description = "Kaggle/JSON class overrides, e.g. 'poor=no-mask,mask_weared_incorrect=no-mask' (targets: mask, no-mask, ignore, drop)" };
        var allEvents = new Option<bool>("--wider-all-events") { Description = "Use every WIDER FACE event instead of the recipe's 24" };
        var jsonOut = new Option<bool>("--json") { Description = "Print the summary as JSON" };
        var jobs = new Option<int>("--jobs") { Description = "Parallel workers", DefaultValueFactory = _ => Environment.ProcessorCount };

        var command = new Command("convert", "Convert face datasets to KITTI labels (mask / no-mask) at the training resolution.");
        foreach (var o in new Option[] { kaggle, json, mafa, fddb, wider, output, train, val, limit, width, height, quality, unlabelled, classMap, allEvents, jsonOut, jobs })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            if (parse.GetValue(train) && parse.GetValue(val))
            {
                Console.Error.WriteLine("error: --train and --val are exclusive");
                return 2;
            }

            UnlabelledFacePolicy policy;
            ClassMapping mapping;
            try
            {
                policy = parse.GetValue(unlabelled)!.ToLowerInvariant() switch
                {
                    "dontcare" => UnlabelledFacePolicy.DontCare,
                    "skip-image" => UnlabelledFacePolicy.SkipImage,
                    "omit" => UnlabelledFacePolicy.Omit,
                    var v => throw new FormatException($"--unlabelled '{v}' is not dontcare, skip-image or omit"),
                };
                mapping = ClassMapping.Parse(parse.GetValue(classMap));
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }

            var options = new ConversionOptions(parse.GetValue(output)!.FullName)
            {
                KagglePath = parse.GetValue(kaggle)?.FullName,
                MedicalJsonPath = parse.GetValue(json)?.FullName,
                MafaPath = parse.GetValue(mafa)?.FullName,
                FddbPath = parse.GetValue(fddb)?.FullName,
                WiderFacePath = parse.GetValue(wider)?.FullName,
                Split = parse.GetValue(val) ? ConversionSplit.Val : ConversionSplit.Train,
                CategoryLimit = parse.GetValue(limit),
                Width = parse.GetValue(width),
                Height = parse.GetValue(height),
                JpegQuality = parse.GetValue(quality),
                UnlabelledFaces = policy,
                ClassMapping = mapping,
                WiderAllEvents = parse.GetValue(allEvents),
                MaxDegreeOfParallelism = parse.GetValue(jobs),
            };

            ConversionSummary summary;
            try
            {
                summary = CommandProgress.Run("dataset convert", "images", progress => KittiConverter.Run(options, progress));
            }
            catch (Exception e) when (e is ArgumentException or DirectoryNotFoundException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }

            Console.Out.Write(parse.GetValue(jsonOut) ? summary.ToJson() + Environment.NewLine : summary.ToText());
            return CommandOutcome.SkippedExitCode("dataset convert", summary.Problems.Count, "input problem(s), listed above; everything else was written");
        });
        return command;
    }
}
