using System.CommandLine;
using DeepStreamNet;
using FaceMaskAlerts;

// FaceMaskAlerts: per-source mask / no-mask counts and an alert (with a JPEG crop) when a tracked face stays
// no-mask for N consecutive frames. Settings come from an INI file; the options below override it.
var settings = new Option<string>("--settings")
{
    Description = "host settings INI ([DeepStream] = DeepStreamOptions, [Alerts] = AlertOptions)",
    DefaultValueFactory = _ => Path.Combine("samples", "FaceMaskAlerts", "facemaskalerts.ini"),
};
var config = new Option<string?>("--config") { Description = "deepstream-app config to run (default: the settings' DeepStream:ConfigPath)" };
var output = new Option<string?>("--out") { Description = "folder for the JPEG crops of alerted faces" };
var consecutive = new Option<int?>("--consecutive") { Description = "consecutive no-mask frames of one track before it alerts" };
consecutive.Validators.Add(r =>
{
    if (r.GetValue(consecutive) is < 1)
    {
        r.AddError("--consecutive must be at least 1");
    }
});
var maxFrames = new Option<int?>("--max-frames") { Description = "stop (EOS, clean exit) after this many frames; 0 = whole video" };
maxFrames.Validators.Add(r =>
{
    if (r.GetValue(maxFrames) is < 0)
    {
        r.AddError("--max-frames must be 0 or more");
    }
});
var backend = new Option<PipelineBackend?>("--backend") { Description = "auto, deepstream or portable" };
var set = new Option<string[]>("--set") { Description = "override a key of the deepstream-app config: group.key=value (repeatable)", Arity = ArgumentArity.ZeroOrMore };

var root = new RootCommand("Face-mask alerts: counts per source and a JPEG crop of each face that stays unmasked")
{
    settings, config, output, consecutive, maxFrames, backend, set,
};
root.SetAction(async (parse, cancellationToken) =>
{
    try
    {
        return await AlertsApp.RunAsync(
            new AlertsArguments(parse.GetValue(settings)!, parse.GetValue(config), parse.GetValue(output), parse.GetValue(consecutive),
                parse.GetValue(maxFrames), parse.GetValue(backend), parse.GetValue(set)),
            cancellationToken).ConfigureAwait(false);
    }
    catch (FileNotFoundException e)
    {
        await Console.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
        return 2;
    }
});
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
