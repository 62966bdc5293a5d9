using System.Runtime.InteropServices;

namespace DeepStreamNet.Interop;

/// <summary>
/// Where a NuGet-installed app keeps the portable runtime's native files (package DeepStreamNet.Runtime.Portable):
/// <c>runtimes/&lt;rid&gt;/native/</c> under the app folder for a portable (RID-less) build, or the app folder itself
/// for a RID-specific build or publish. The .NET host does not put either folder on the loader's search path for
/// <c>dlopen</c>, so the resolver and the GStreamer start-up look there themselves.
/// </summary>
public static class PackagedNativeFolder
{
    /// <summary>The NuGet runtime identifier of this process (linux-x64, linux-arm64).</summary>
    public static string RuntimeIdentifier => "linux-" + RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.Arm64 => "arm64",
        Architecture.X64 => "x64",
        var other => other.ToString().ToLowerInvariant(),
    };

    /// <summary>Folders that may hold the packaged native files, most specific first.</summary>
    public static IReadOnlyList<string> Candidates()
    {
        var list = new List<string>();
        foreach (var root in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(typeof(PackagedNativeFolder).Assembly.Location) })
        {
            if (string.IsNullOrEmpty(root))
            {
                continue;
            }

            foreach (var folder in new[] { Path.Combine(root, "runtimes", RuntimeIdentifier, "native"), root })
            {
                var full = Path.GetFullPath(folder);
                if (!list.Contains(full, StringComparer.Ordinal))
                {
                    list.Add(full);
                }
            }
        }

        return list;
    }

    /// <summary>The first candidate folder holding <paramref name="fileName"/>, or null.</summary>
    public static string? Find(string fileName) =>
        Candidates().FirstOrDefault(folder => File.Exists(Path.Combine(folder, fileName)));
}
