namespace DeepStreamNet.Config;

/// <summary>Rules that depend on the backend: resources only DeepStream needs.</summary>
internal static class BackendRules
{
    public const string DeepStreamInstallDir = "/opt/nvidia/deepstream/";

    /// <summary>A resource only DeepStream needs: error for DeepStream, warning when the backend is open, nothing for portable.</summary>
    /// <param name="missingFile">The finding is a file missing on this machine: only a warning when DeepStream is checked elsewhere.</param>
    public static void DeepStreamOnly(GroupReader r, ValidationTarget target, string key, string message, string? hint, bool missingFile = false)
    {
        if (target == ValidationTarget.DeepStreamElsewhere && missingFile)
        {
            r.Warning(key, message + " (not found on this machine: must exist on the DeepStream target)", hint);
        }
        else if (target.Backend == PipelineBackend.DeepStream)
        {
            r.Error(key, message, hint);
        }
        else if (target == ValidationTarget.Any)
        {
            r.Warning(key, message + " (needed on DeepStream)", hint);
        }
    }
}
