using System.Globalization;

namespace DeepStreamNet.Config;

/// <summary>
/// Reads a deepstream-app config (plus <c>--set group.key=value</c> overrides) into an <see cref="AppConfig"/>
/// and validates it, collecting every problem into one <see cref="ValidationReport"/> instead of stopping at
/// the first, as deepstream-app does.
/// </summary>
public static class AppConfigLoader
{
    /// <summary>Prefix of environment variables read as overrides: <c>DSNET_SET_0=source0.uri=file://x.mp4</c>.</summary>
    public const string EnvironmentPrefix = "DSNET_SET_";

    /// <summary>Loads, applies overrides in order, parses and validates.</summary>
    /// <param name="target">Backend the config is checked for (resources only one backend uses).</param>
    public static AppConfigResult Load(string path, IEnumerable<string>? overrides = null, ValidationTarget target = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var report = new ValidationReport();
        var full = System.IO.Path.GetFullPath(path);
        KeyFile file;
        try
        {
            if (full.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || full.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            {
                report.Error(path, 0, null, null, "YAML configs are not supported", "use the INI (key file) form of the config");
                return new AppConfigResult(null, report);
            }

            if (FileLimits.Problem(full, FileLimits.MaxTextBytes) is { } problem)
            {
                report.Error(path, 0, null, null, problem == "file not found" ? "config file not found" : $"config file: {problem}");
                return new AppConfigResult(null, report);
            }

            file = KeyFile.Load(full);
        }
        catch (KeyFileException ex)
        {
            report.Add(ex);
            return new AppConfigResult(null, report);
        }

        var index = 0;
        foreach (var assignment in overrides ?? [])
        {
            try
            {
                // "NAME\0group.key=value": an override from environment variable NAME (a NUL cannot come from the
                // command line or the environment, so it cannot be part of a real assignment).
                var nul = assignment.IndexOf('\0', StringComparison.Ordinal);
                if (nul > 0)
                {
                    file.ApplyOverride(assignment[(nul + 1)..], 0, $"environment {assignment[..nul]}");
                }
                else
                {
                    file.ApplyOverride(assignment, ++index);
                }
            }
            catch (KeyFileException ex)
            {
                report.Add(ex);
            }
        }

        var config = Read(file, full, report);
        config = ConfigValidator.Validate(config, report, target);
        return new AppConfigResult(config, report);
    }

    /// <summary>Override strings from <c>DSNET_SET_*</c> environment variables, ordered by variable name. Each is
    /// <c>NAME\0group.key=value</c>, so <see cref="Load"/> names the variable in its messages (not "command line --set").</summary>
    public static IReadOnlyList<string> OverridesFromEnvironment()
    {
        var vars = Environment.GetEnvironmentVariables();
        return vars.Keys.Cast<string>()
            .Where(k => k.StartsWith(EnvironmentPrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(k => k + "\0" + (string)vars[k]!)
            .ToArray();
    }

    internal static AppConfig Read(KeyFile file, string fullPath, ValidationReport report)
    {
        var dir = System.IO.Path.GetDirectoryName(fullPath) ?? "/";
        var config = new AppConfig { Path = fullPath, KeyFile = file };
        var sources = new List<(SourceGroup Source, GroupReader Reader)>();
        var sourceNumbers = new Dictionary<int, string>();
        var sinks = new List<SinkGroup>();
        var secondaries = new List<GieGroup>();
        var consumers = new List<MessageConsumerGroup>();
        var aux = new List<AuxiliaryGroup>();
        GroupReader? attrAll = null;

        foreach (var group in file.Groups)
        {
            var kind = ConfigSchema.Classify(group.Name);
            var r = new GroupReader(group, kind, dir, report);
            if (kind == GroupKind.Unknown && (group.Name.StartsWith("source", StringComparison.Ordinal) || group.Name == "dewarper"))
            {
                // deepstream_app_config_parser.c:338-348 stops on [sources], [source-0], [dewarper] …
                r.Error(null, $"[{group.Name}] is not in the form [{(group.Name == "dewarper" ? "dewarper" : "source")}<N>]: deepstream-app stops on it", GroupHint(group.Name));
                continue;
            }

            if (kind == GroupKind.Unknown)
            {
                r.Warning(null, $"unknown group [{group.Name}] is ignored (deepstream-app ignores it silently)", GroupHint(group.Name));
                continue;
            }

            if (kind is GroupKind.Source or GroupKind.Sink or GroupKind.SecondaryGie or GroupKind.SecondaryPreProcess or GroupKind.MessageConsumer
                && !IsEnabled(r))
            {
                continue; // deepstream-app skips the group without reading its other keys
            }

            r.CheckKeys((k, g) => $"Unknown key '{k}' for group [{g}]", k => ConfigSchema.Find(kind, k));
            switch (kind)
            {
                case GroupKind.Application: config = config with { Application = ApplicationGroup.Read(r) }; break;
                case GroupKind.TiledDisplay: config = config with { TiledDisplay = TiledDisplayGroup.Read(r) }; break;
                case GroupKind.SourceList: config = config with { SourceList = SourceListGroup.Read(r) }; break;
                case GroupKind.SourceAttrAll: attrAll = r; break;
                case GroupKind.StreamMux: config = config with { StreamMux = StreamMuxGroup.Read(r) }; break;
                case GroupKind.Tracker: config = config with { Tracker = TrackerGroup.Read(r) }; break;
                case GroupKind.Osd: config = config with { Osd = OsdGroup.Read(r) }; break;
                case GroupKind.Tests: config = config with { Tests = TestsGroup.Read(r) }; break;
                case GroupKind.MessageConverter: config = config with { MessageConverter = MessageConverterGroup.Read(r) }; break;
                case GroupKind.MessageConsumer: consumers.Add(MessageConsumerGroup.Read(r)); break;
                case GroupKind.PrimaryGie:
                    if (IsEnabled(r))
                    {
                        config = config with { PrimaryGie = GieGroup.Read(r, primary: true) };
                    }

                    break;
                case GroupKind.SecondaryGie:
                    if (secondaries.Count == CommonKeys.MaxSecondaryGies)
                    {
                        r.Error(null, $"more than {CommonKeys.MaxSecondaryGies} secondary GIEs");
                        break;
                    }

                    secondaries.Add(GieGroup.Read(r, primary: false));
                    break;
                case GroupKind.Source:
                    if (!int.TryParse(group.Name.AsSpan("source".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                    {
                        r.Error(null, $"[{group.Name}]: the source number is larger than {int.MaxValue}", "number sources from 0, e.g. [source0], [source1]");
                        break;
                    }

                    if (sourceNumbers.TryGetValue(number, out var other))
                    {
                        r.Error(null, $"source number {number} is used by [{other}] already", "each [sourceN] needs a distinct N");
                        break;
                    }

                    sourceNumbers[number] = group.Name;
                    sources.Add((SourceGroup.Read(r, group.Name, number), r));
                    break;
                case GroupKind.Sink:
                    if (sinks.Count == CommonKeys.MaxSinks)
                    {
                        r.Error(null, $"more than {CommonKeys.MaxSinks} sinks");
                        break;
                    }

                    sinks.Add(SinkGroup.Read(r));
                    break;
                default:
                    var a = AuxiliaryGroup.Read(r);
                    if (a.Enable)
                    {
                        aux.Add(a);
                    }

                    break;
            }
        }

        var finalSources = config.SourceList is { } list ? ApplySourceList(file, list, attrAll, sources, report) : sources.Select(s => s.Source).ToList();
        var instances = finalSources.Sum(s => (long)s.InstanceCount);
        if (instances > CommonKeys.MaxSources)
        {
            report.Error(file.Origin, 0, null, null, $"{instances} sources (counting num-sources of type-3 groups); at most {CommonKeys.MaxSources} are supported", "split the streams over several runs");
        }

        return config with
        {
            Sources = finalSources,
            Sinks = sinks,
            SecondaryGies = secondaries,
            MessageConsumers = consumers,
            Auxiliary = aux,
        };
    }

    private static bool IsEnabled(GroupReader r)
    {
        var entry = r.Group.Find("enable");
        if (entry is null)
        {
            return false;
        }

        try
        {
            return KeyFileValues.ParseInt(entry.RawValue) != 0;
        }
        catch (FormatException ex)
        {
            r.Error("enable", ex.Message, GroupReader.TypeHint(KeyType.IntBool));
            return false;
        }
    }

    private static List<SourceGroup> ApplySourceList(KeyFile file, SourceListGroup list, GroupReader? attrAll, List<(SourceGroup Source, GroupReader Reader)> groups, ValidationReport report)
    {
        var slGroup = file.Group("source-list")!;
        var slReader = new GroupReader(slGroup, GroupKind.SourceList, "/", report);
        if (attrAll is null)
        {
            slReader.Error(null, "[source-list] requires a [source-attr-all] group", "add [source-attr-all] with the source keys shared by every list entry");
            return [];
        }

        if (list.NumSourceBins is { } n && n != list.List.Count)
        {
            slReader.Error("num-source-bins", $"num-source-bins is {n} but list has {list.List.Count} entries", "they must be equal");
        }

        var shared = SourceGroup.Read(attrAll, "source-attr-all", 0);
        var result = new List<SourceGroup>();
        for (var i = 0; i < list.List.Count; i++)
        {
            var uri = list.List[i];
            var type = uri switch
            {
                _ when uri.StartsWith("usb:", StringComparison.Ordinal) => SourceType.CameraV4L2,
                _ when uri.StartsWith("csi:", StringComparison.Ordinal) => SourceType.CameraCsi,
                _ when uri.StartsWith("rtsp://", StringComparison.Ordinal) => SourceType.Rtsp,
                _ => SourceType.Uri,
            };
            if (type == SourceType.Uri && !uri.StartsWith("file://", StringComparison.Ordinal))
            {
                // deepstream_app_config_parser.c:141-178 knows only these four forms.
                slReader.Error("list", $"'{uri}': deepstream-app accepts only file://, rtsp://, usb:N and csi:N entries in [source-list] list (Incorrect URI for camera source)", "use a [sourceN] group with type=2 for other URIs");
            }

            var entry = shared with { Name = $"source-list[{i}]", GroupNumber = i, CameraId = i, Type = type, Uri = uri };
            if (type is SourceType.CameraV4L2 or SourceType.CameraCsi && int.TryParse(uri.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var node))
            {
                entry = type == SourceType.CameraV4L2 ? entry with { CameraV4L2DevNode = node } : entry with { CameraCsiSensorId = node };
            }

            var over = groups.FirstOrDefault(g => g.Source.GroupNumber == i);
            if (over.Reader is not null)
            {
                // parse_source (deepstream_config_file_parser.c:410, 432-434) resets these four before reading the
                // override, so [source-attr-all]'s values do not reach an overridden entry.
                var reset = entry with
                {
                    Latency = SourceKeys.Latency.Default, NumDecodeSurfaces = SourceKeys.NumDecodeSurfaces.Default,
                    NumExtraSurfaces = SourceKeys.NumExtraSurfaces.Default, RtspReconnectAttempts = SourceKeys.RtspReconnectAttempts.Default,
                };
                entry = SourceGroup.Read(over.Reader, over.Source.Name, i, reset);
            }

            if (entry.Type == SourceType.MultiUri)
            {
                (over.Reader ?? attrAll).Error("type", "type=3 (multi-URI) is not allowed with [source-list]", "list one URI per source instead");
            }

            result.Add(entry);
        }

        foreach (var (src, r) in groups.Where(g => g.Source.GroupNumber >= list.List.Count))
        {
            r.Error(null, $"[{src.Name}] overrides list entry {src.GroupNumber} but [source-list] has only {list.List.Count} entries");
        }

        return result;
    }

    private static string? GroupHint(string name)
    {
        string[] known = ["application", "tiled-display", "source-list", "source-attr-all", "streammux", "pre-process", "primary-gie", "tracker", "osd", "segvisual", "nvds-analytics", "ds-example", "img-save", "message-converter", "tests", "source0", "sink0", "secondary-gie0"];
        var best = known.Select(k => (k, d: GroupReader.EditDistance(k, name))).OrderBy(t => t.d).First();
        return best.d <= 2 ? $"did you mean [{best.k}]?" : null;
    }
}
