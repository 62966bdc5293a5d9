using System.CommandLine;
using DeepStreamNet.Datasets.Evaluation;

namespace DeepStreamNet.Cli.Commands;

/// <summary>
/// <c>dsnet evaluate</c>: per-class AP / mAP of KITTI predictions against KITTI or VOC ground truth. Exit 0, 1 when
/// label files were skipped (listed; the rest is evaluated), 2 for bad options or folders.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var pred = new Option<DirectoryInfo>("--pred") { Description = "Predictions: KITTI files with the score as 16th field", Required = true };
        var gt = new Option<DirectoryInfo>("--gt") { Description = "Ground truth folder (or its parent with labels/ or annotations/)", Required = true };
        var format = new Option<string>("--gt-format") { Description = "kitti or voc", DefaultValueFactory = _ => "kitti" };
        var classes = new Option<string>("--classes") { Description = "Classes to evaluate", DefaultValueFactory = _ => "mask,no-mask" };
        var classMap = new Option<string?>("--class-map") { Description = "Extra renames from=to,… applied to both label sets (defaults map none/with_mask/without_mask/face_* names)" };
        var iou = new Option<double>("--iou") { Description = "Minimum IoU of a match", DefaultValueFactory = _ => 0.5 };
        var score = new Option<double>("--score-threshold") { Description = "Score threshold for precision, recall and accuracy", DefaultValueFactory = _ => 0.5 };
        var minH = new Option<double>("--min-height") { Description = "Exclude boxes lower than this (TLT evaluation_box_config; recipe 20)", DefaultValueFactory = _ => 0 };
        var maxH = new Option<double>("--max-height") { Description = "Exclude boxes higher than this (recipe 9999)", DefaultValueFactory = _ => double.PositiveInfinity };
        var minW = new Option<double>("--min-width") { Description = "Exclude boxes narrower than this (recipe 10)", DefaultValueFactory = _ => 0 };
        var maxW = new Option<double>("--max-width") { Description = "Exclude boxes wider than this (recipe 9999)", DefaultValueFactory = _ => double.PositiveInfinity };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("evaluate", "Evaluate detections: per-class AP at IoU 0.5 (VOC all-point), mAP, precision/recall, face AP, mask/no-mask accuracy.");
        foreach (var o in new Option[] { pred, gt, format, classes, classMap, iou, score, minH, maxH, minW, maxW, json })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            try
            {
                var options = new EvaluationOptions
                {
                    GroundTruthFormat = parse.GetValue(format)!.ToLowerInvariant() switch
                    {
                        "kitti" => GroundTruthFormat.Kitti,
                        "voc" => GroundTruthFormat.Voc,
                        var f => throw new FormatException($"--gt-format '{f}' is not kitti or voc"),
                    },
                    Classes = parse.GetValue(classes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    ClassMap = EvaluationOptions.ParseClassMap(parse.GetValue(classMap)),
                    IouThreshold = parse.GetValue(iou),
                    ScoreThreshold = parse.GetValue(score),
                    MinBoxHeight = parse.GetValue(minH),
                    MaxBoxHeight = parse.GetValue(maxH),
                    MinBoxWidth = parse.GetValue(minW),
                    MaxBoxWidth = parse.GetValue(maxW),
                };
                var result = Evaluator.Evaluate(parse.GetValue(pred)!.FullName, parse.GetValue(gt)!.FullName, options);
                Console.Out.Write(parse.GetValue(json) ? result.ToJson() + Environment.NewLine : result.ToText());
                return CommandOutcome.SkippedExitCode("evaluate", result.Problems.Count, "file(s) or line(s) skipped, listed above; the rest was evaluated");
            }
            catch (Exception e) when (e is FormatException or ArgumentException or DirectoryNotFoundException or IOException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
