namespace DeepStreamNet.Config;

/// <summary>Rules of the optional plugin groups (<c>[pre-process]</c>, <c>[secondary-pre-process*]</c>,
/// <c>[nvds-analytics]</c>, <c>[dewarper*]</c>, …): the config file an enabled group names is read by its element at
/// start, so it must be a regular text file within the limits (a directory, FIFO or device is refused here, not at
/// run time).</summary>
internal static class AuxiliaryRules
{
    public static void Check(AppConfig config, ValidationReport report, ValidationTarget target)
    {
        foreach (var aux in config.Auxiliary.Where(a => a.Enable && a.ConfigFile is not null))
        {
            if (ConfigValidator.ReaderOf(aux.Group, report) is not { } r || FileLimits.Problem(aux.ConfigFile!, FileLimits.MaxTextBytes) is not { } problem)
            {
                continue;
            }

            if (problem == "file not found" && aux.ConfigFile!.StartsWith(BackendRules.DeepStreamInstallDir, StringComparison.Ordinal))
            {
                BackendRules.DeepStreamOnly(r, target, "config-file", $"file not found: {aux.ConfigFile}", "this is a file of the DeepStream installation", missingFile: true);
            }
            else
            {
                r.Error("config-file", $"{problem}: {aux.ConfigFile}");
            }
        }
    }
}
