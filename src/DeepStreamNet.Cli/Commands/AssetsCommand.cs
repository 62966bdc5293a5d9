using System.CommandLine;
using System.Runtime.InteropServices;
using DeepStreamNet.Assets;

namespace DeepStreamNet.Cli.Commands;

/// <summary><c>dsnet assets fetch | list</c>: models and media named by the asset manifest.</summary>
internal static class AssetsCommand
{
    public static Command Create()
    {
        var command = new Command("assets", "Models and demo media listed in assets/manifest.tsv.");
        command.Subcommands.Add(AssetsBuildDemoCommand.Create());
        command.Subcommands.Add(CreateFetch());
        command.Subcommands.Add(CreateList());
        return command;
    }

    private static Option<FileInfo?> ManifestOption() =>
        new("--manifest") { Description = "Manifest to use (default: assets/manifest.tsv of this checkout; installed as a tool: of the user's data folder, ~/.local/share/deepstreamnet)." };

    private static Command CreateFetch()
    {
        var manifestOption = ManifestOption();
        var mirrorOption = new Option<DirectoryInfo?>("--mirror")
        {
            Description = "Folder holding the files in the manifest's layout (e.g. ../shared/assets); tried before downloading.",
        };
        var destOption = new Option<DirectoryInfo?>("--dest")
        {
            Description = "Where the files go (default: the manifest's folder; installed as a tool: ~/.local/share/deepstreamnet/assets).",
        };
        var offlineOption = new Option<bool>("--offline") { Description = "Never download; use the mirror only." };
        var timeoutOption = new Option<int>("--timeout")
        {
            Description = "Download timeout per file, seconds.",
            DefaultValueFactory = _ => 60,
        };

        var command = new Command("fetch", "Copy (from --mirror) or download every asset, verified by SHA-256; never leaves a partial file.");
        command.Options.Add(manifestOption);
        command.Options.Add(mirrorOption);
        command.Options.Add(destOption);
        command.Options.Add(offlineOption);
        command.Options.Add(timeoutOption);
        // Synchronous, with its own signal handling: Ctrl-C / SIGTERM cancel the copy, the temporary file is removed,
        // and only then does the process exit (System.CommandLine's handler would exit while the copy still runs).
        command.SetAction(parseResult =>
        {
            using var interrupted = new CancellationTokenSource();
            void OnSignal(PosixSignalContext context)
            {
                if (!interrupted.IsCancellationRequested)
                {
                    context.Cancel = true;
                    Console.Error.WriteLine($"dsnet assets fetch: {context.Signal} received, stopping (removing the partial file)");
                    interrupted.Cancel();
                }
            }

            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
            try
            {
                return Fetch(parseResult, interrupted.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
            {
                Console.Error.WriteLine("dsnet assets fetch: interrupted; files already verified are kept, no partial file is left");
                return 130;
            }
        });
        return command;

        async Task<int> Fetch(ParseResult parseResult, CancellationToken cancellationToken)
        {
            if (!TryLoad(parseResult.GetValue(manifestOption), out var manifest))
            {
                return 2;
            }

            var destination = parseResult.GetValue(destOption)?.FullName ?? Path.GetDirectoryName(manifest.Path)!;
            var mirror = parseResult.GetValue(mirrorOption)?.FullName;
            if (mirror is not null && !Directory.Exists(mirror))
            {
                Console.Error.WriteLine($"dsnet assets fetch: mirror folder {mirror} does not exist; trying downloads only");
                mirror = null;
            }

            using var http = parseResult.GetValue(offlineOption)
                ? null
                : new HttpClient { Timeout = TimeSpan.FromSeconds(parseResult.GetValue(timeoutOption)) };
            var results = await new AssetFetcher(http).FetchAllAsync(manifest, destination, mirror, cancellationToken);
            results = await RebuildFromRecipes(results, destination, http is not null, cancellationToken);
            foreach (var result in results)
            {
                var outcome = result.Outcome switch
                {
                    AssetFetchOutcome.UpToDate when result.Entry.Recipe is not null && result.Problems.Count > 0 => "rebuilt (recipe)",
                    AssetFetchOutcome.UpToDate => "up to date",
                    AssetFetchOutcome.FromMirror => "copied from mirror",
                    AssetFetchOutcome.Downloaded => "downloaded",
                    _ => "FAILED",
                };
                Console.WriteLine($"{outcome,-18} {result.Path}");
                if (result.Outcome == AssetFetchOutcome.Failed)
                {
                    foreach (var problem in result.Problems)
                    {
                        Console.Error.WriteLine($"  {problem}");
                    }
                }
            }

            var failed = results.Count(r => r.Outcome == AssetFetchOutcome.Failed);
            if (failed > 0)
            {
                Console.Error.WriteLine($"dsnet assets fetch: {failed} of {results.Count} files could not be obtained. " +
                    "Point --mirror at a folder holding them (e.g. ../shared/assets) or run where the upstream addresses are reachable.");
                return 1;
            }

            Console.WriteLine($"{results.Count} assets in {Path.GetFullPath(destination)}");
            return 0;
        }
    }

    /// <summary>
    /// Entries with a recipe that neither the mirror nor a download could give: accepted when `assets build-demo`
    /// rebuilt them earlier; else, when downloads are allowed, rebuilt now from the public sources.
    /// </summary>
    private static async Task<IReadOnlyList<AssetFetchResult>> RebuildFromRecipes(IReadOnlyList<AssetFetchResult> results, string destination, bool online, CancellationToken cancellationToken)
    {
        bool Missing(AssetFetchResult r) => r.Outcome == AssetFetchOutcome.Failed && r.Entry.Recipe is not null &&
            !AssetsBuildDemoCommand.IsRebuilt(Path.Combine(destination, r.Entry.RelativePath));
        if (online && results.Any(Missing))
        {
            Console.WriteLine("no copy of the demo clip to fetch: rebuilding it from its public sources (dsnet assets build-demo)");
            await AssetsBuildDemoCommand.RunAsync(null, Path.Combine(destination, "media"), Path.Combine(destination, "media"), cancellationToken);
        }

        return [.. results.Select(r => r.Outcome == AssetFetchOutcome.Failed && r.Entry.Recipe is not null &&
            AssetsBuildDemoCommand.IsRebuilt(Path.Combine(destination, r.Entry.RelativePath))
                ? new AssetFetchResult(r.Entry, AssetFetchOutcome.UpToDate, [.. r.Problems, "rebuilt from public sources"])
                : r)];
    }

    private static Command CreateList()
    {
        var manifestOption = ManifestOption();
        var command = new Command("list", "List the assets with their licences.");
        command.Options.Add(manifestOption);
        command.SetAction(parseResult =>
        {
            if (!TryLoad(parseResult.GetValue(manifestOption), out var manifest))
            {
                return 2;
            }

            foreach (var entry in manifest.Entries)
            {
                Console.WriteLine($"{entry.RelativePath}\t{entry.Size}\t{entry.Licence}");
            }

            return 0;
        });
        return command;
    }

    private static bool TryLoad(FileInfo? manifestFile, out AssetManifest manifest)
    {
        manifest = null!;
        var path = manifestFile?.FullName;
        try
        {
            path ??= AssetLocations.ManifestIn(ToolData.PrepareRoot());
            manifest = AssetManifest.Load(path);
            return true;
        }
        catch (AssetException e)
        {
            Console.Error.WriteLine(e.Message);
            return false;
        }
    }
}
