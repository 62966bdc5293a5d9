namespace DeepStreamNet.Config;

/// <summary>Source rules: at least one source, type-specific requirements (URI, camera caps), media files, smart record.</summary>
internal static class SourceRules
{
    public static void Check(AppConfig config, ValidationReport report)
    {
        if (config.Sources.Count == 0)
        {
            report.Error(config.Path, 0, null, null, "no enabled source: add a [sourceN] group with enable=1 (or a [source-list])");
        }

        foreach (var s in config.Sources)
        {
            CheckSource(config, s, report);
        }
    }

    private static void CheckSource(AppConfig config, SourceGroup s, ValidationReport report)
    {
        var r = ConfigValidator.ReaderOf(s.Group, report);
        void Err(string? key, string msg, string? hint = null)
        {
            if (r is not null)
            {
                r.Error(key, msg, hint);
            }
            else
            {
                report.Error(config.Path, 0, s.Name, key, msg, hint);
            }
        }

        if (s.Type is null)
        {
            if (r is null || !r.Group.Contains("type"))
            {
                Err("type", "source type is missing", "type=1 V4L2 camera, 2 URI, 3 multi-URI, 4 RTSP, 5 CSI camera");
            }
            else if (r.Group.Find("type") is { } e && e.RawValue.Trim() == "9")
            {
                // The declaration's range check reported the value; add the version note.
                r.Warning("type", "type 9 (IPC source) exists only in DeepStream 9.x", "DeepStream 6.3 sources are types 1-8");
            }

            return;
        }

        switch (s.Type)
        {
            case SourceType.Uri or SourceType.MultiUri or SourceType.Rtsp:
                CheckUri(s, r, Err);
                break;
            case SourceType.CameraV4L2:
                if (s.CameraWidth <= 0 || s.CameraHeight <= 0 || s.CameraFpsN <= 0 || s.CameraFpsD <= 0)
                {
                    r?.Warning(null, "camera-width, camera-height, camera-fps-n and camera-fps-d should all be set for a V4L2 camera (they form the capture caps)");
                }

                if (!config.StreamMux.LiveSource)
                {
                    r?.Warning("type", "a camera source is live but [streammux] live-source is not set", "set [streammux] live-source=1 so batches are formed on time");
                }

                break;
            case SourceType.CameraCsi:
                break;
            default:
                Err("type", $"source type {(int)s.Type} ({s.Type}) is audio: the deepstream-app video pipeline and DeepStreamNet do not support it", "audio sources belong to the deepstream-audio sample");
                break;
        }

        if (s.SmartRecord != 0)
        {
            if (s.SmartRecDirPath is { } d && !Directory.Exists(d))
            {
                Err("smart-rec-dir-path", $"smart-record directory does not exist: {d}", "deepstream-app requires it to exist and be writable (relative to the working directory)");
            }

            if (s.Type != SourceType.Rtsp)
            {
                r?.Warning("smart-record", "smart-record is implemented for RTSP sources only");
            }
        }
    }

    private static void CheckUri(SourceGroup s, GroupReader? r, Action<string?, string, string?> err)
    {
        if (string.IsNullOrEmpty(s.Uri))
        {
            err("uri", $"uri is required for source type {(int)s.Type!}", null);
            return;
        }

        if (s.Type == SourceType.Rtsp && !s.Uri.StartsWith("rtsp://", StringComparison.Ordinal) && !s.Uri.StartsWith("rtsps://", StringComparison.Ordinal))
        {
            err("uri", $"type=4 (RTSP) needs an rtsp:// URI, got '{s.Uri}'", "use type=2 for files and other URIs");
        }

        for (var i = 0; i < s.InstanceCount; i++)
        {
            if (s.UriOf(i) is { } u && ConfigPaths.LocalFileOf(u) is { } local && FileLimits.Problem(local) is { } problem)
            {
                err("uri", $"media {problem}: {local}", "file:// URIs are relative to the config file's folder; file:/ with one slash is absolute and not resolved");
                break;
            }

            if (s.UriOf(i) is { } g && ConfigPaths.LocalFileOf(g) is { } gif && GifInput.Problem(gif) is { } gifProblem)
            {
                err("uri", gifProblem, "convert it to a video first (dsnet assets build-demo turns the shipped GIFs into facemask-demo-720p.mp4)");
                break;
            }
        }

        if (s.Type == SourceType.MultiUri && s.NumSources > 1 && !s.Uri.Contains("%d", StringComparison.Ordinal))
        {
            r?.Warning("uri", $"num-sources={s.NumSources} but the uri has no %d: every instance plays the same URI");
        }
    }
}
