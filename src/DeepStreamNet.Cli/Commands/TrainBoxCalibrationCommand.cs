using System.CommandLine;
using DeepStreamNet.Datasets.Evaluation;
using DeepStreamNet.Training.Calibration;
using DeepStreamNet.Training.Onnx;

namespace DeepStreamNet.Cli.Commands;

/// <summary><c>dsnet train box-calibration</c>: argument parsing only; the work is <see cref="BoxCalibrationFitter"/> and <see cref="BoxCalibrationGraph"/>.</summary>
internal static class TrainBoxCalibrationCommand
{
    public static Command Create()
    {
        var pred = new Option<DirectoryInfo?>("--pred") { Description = "The detector's KITTI predictions on the TRAINING split (dsnet infer-images)" };
        var gt = new Option<DirectoryInfo?>("--gt") { Description = "Annotations of the same images (folder or its parent)" };
        var format = new Option<string>("--gt-format") { Description = "kitti or voc", DefaultValueFactory = _ => "voc" };
        var score = new Option<double>("--min-score") { Description = "Only detections at least this confident are matched", DefaultValueFactory = _ => 0.5 };
        var iou = new Option<double>("--min-iou") { Description = "A detection and an annotation match from this IoU on", DefaultValueFactory = _ => 0.3 };
        var load = new Option<FileInfo?>("--calibration") { Description = "Apply this saved calibration (JSON) instead of fitting one" };
        var model = new Option<FileInfo?>("--model") { Description = "Detector ONNX whose corner-box output gets the calibration baked in" };
        var output = new Option<string>("--output") { Description = "Name of the model's box output (x1,y1,x2,y2 in the last axis)", DefaultValueFactory = _ => "boxes" };
        var encoding = new Option<string>("--encoding") { Description = "How the model outputs boxes: corners (x1,y1,x2,y2 in --output, e.g. UltraFace), yunet (bbox_8/16/32) or retinaface (output0)", DefaultValueFactory = _ => "corners" };
        var outModel = new Option<FileInfo?>("--out-model") { Description = "Where the calibrated ONNX is written" };
        var inputSize = new Option<string?>("--input-size") { Description = "Also fix the written model's image input at WIDTHxHEIGHT (fully convolutional detectors such as YuNet: e.g. 640x384 for 16:9 video instead of a padded 640x640)" };
        var save = new Option<FileInfo?>("--save") { Description = "Write the fitted calibration (JSON) here" };
        var command = new Command("box-calibration", "Fit the per-coordinate box correction (box-relative affine) that maps a detector's boxes onto the dataset's annotation style, and bake it into the detector's ONNX.");
        foreach (var o in new Option[] { pred, gt, format, score, iou, load, model, output, encoding, outModel, inputSize, save })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            try
            {
                BoxCalibration calibration;
                if (parse.GetValue(load) is { } file)
                {
                    calibration = BoxCalibration.Load(file.FullName);
                }
                else if (parse.GetValue(pred) is { } p && parse.GetValue(gt) is { } g)
                {
                    var f = parse.GetValue(format)!.ToLowerInvariant() switch
                    {
                        "kitti" => GroundTruthFormat.Kitti,
                        "voc" => GroundTruthFormat.Voc,
                        var x => throw new FormatException($"--gt-format '{x}' is not kitti or voc"),
                    };
                    string report;
                    (calibration, report) = BoxCalibrationFitter.Fit(p.FullName, g.FullName, f, parse.GetValue(score), parse.GetValue(iou));
                    Console.Out.Write(report);
                }
                else
                {
                    throw new FormatException("give --pred and --gt to fit a calibration, or --calibration FILE to apply a saved one");
                }

                if (parse.GetValue(save) is { } s)
                {
                    File.WriteAllText(s.FullName, calibration.ToJson() + "\n");
                    Console.Out.WriteLine($"calibration: {s.FullName}");
                }

                if (parse.GetValue(inputSize) is not null && parse.GetValue(model) is null)
                {
                    throw new FormatException("--input-size needs --model and --out-model");
                }

                if (parse.GetValue(model) is { } m)
                {
                    var target = parse.GetValue(outModel) ?? throw new FormatException("--model needs --out-model");
                    var size = parse.GetValue(inputSize) is { } text ? InputSizeGraph.ParseSize(text) : ((int, int)?)null;
                    BoxCalibrationGraph.Write(m.FullName, BoxEncoding.Parse(parse.GetValue(encoding)!, parse.GetValue(output)!), calibration, target.FullName, size);
                    Console.Out.WriteLine($"model: {target.FullName}");
                }

                return 0;
            }
            catch (Exception e) when (e is FormatException or DirectoryNotFoundException or InvalidDataException or IOException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
