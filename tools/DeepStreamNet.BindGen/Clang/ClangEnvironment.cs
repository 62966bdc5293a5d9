using System.Diagnostics;
using System.Text.RegularExpressions;
using DeepStreamNet.BindGen.Config;

namespace DeepStreamNet.BindGen.Clang;

/// <summary>Compiler-side facts: clang's resource headers (stddef.h, stdarg.h…) and pkg-config flags.</summary>
public static partial class ClangEnvironment
{
    /// <summary>Environment variable naming clang's resource include folder explicitly.</summary>
    public const string ResourceDirVariable = "DSNET_CLANG_RESOURCE_DIR";

    public static string Version() => LibClang.Take(LibClang.clang_getClangVersion());

    /// <summary>
    /// clang's builtin include folder: <c>DSNET_CLANG_RESOURCE_DIR</c>, else the folder matching the loaded
    /// libclang's version (<c>/usr/lib/llvm-N/lib/clang/N.x.y/include</c>), else any that holds stddef.h.
    /// </summary>
    public static string ResourceIncludeDir()
    {
        string? env = Environment.GetEnvironmentVariable(ResourceDirVariable);
        if (!string.IsNullOrEmpty(env))
        {
            return Directory.Exists(env) ? env : throw new BindGenException($"{ResourceDirVariable}={env}: folder does not exist");
        }

        string version = Version();
        var m = VersionRegex().Match(version);
        var tried = new List<string>();
        var roots = new List<string>();
        if (m.Success)
        {
            string major = m.Groups[1].Value;
            roots.Add($"/usr/lib/llvm-{major}/lib/clang");
            roots.Add($"/usr/lib/clang");
            roots.Add($"/usr/local/lib/clang");
            foreach (string root in roots)
            {
                string exact = Path.Combine(root, m.Value, "include");
                tried.Add(exact);
                if (File.Exists(Path.Combine(exact, "stddef.h")))
                {
                    return exact;
                }

                string byMajor = Path.Combine(root, major, "include");
                tried.Add(byMajor);
                if (File.Exists(Path.Combine(byMajor, "stddef.h")))
                {
                    return byMajor;
                }
            }
        }

        foreach (string root in roots.Append("/usr/lib/clang"))
        {
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (string dir in Directory.GetDirectories(root).OrderByDescending(d => d, StringComparer.Ordinal))
            {
                string inc = Path.Combine(dir, "include");
                tried.Add(inc);
                if (File.Exists(Path.Combine(inc, "stddef.h")))
                {
                    return inc;
                }
            }
        }

        throw new BindGenException($"clang resource headers (stddef.h) not found for '{version}'; set {ResourceDirVariable}. Tried: {string.Join(", ", tried)}");
    }

    /// <summary>Runs <c>pkg-config --cflags</c> for the modules; failure names the set file.</summary>
    public static IReadOnlyList<string> PkgConfigCflags(IReadOnlyCollection<string> modules, string context)
    {
        if (modules.Count == 0)
        {
            return [];
        }

        var psi = new ProcessStartInfo("pkg-config") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("--cflags");
        foreach (string m in modules)
        {
            psi.ArgumentList.Add(m);
        }

        try
        {
            using var p = Process.Start(psi) ?? throw new BindGenException($"{context}: could not start pkg-config");
            string stdout = p.StandardOutput.ReadToEnd();
            string stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0)
            {
                throw new BindGenException($"{context}: key 'pkgConfig': pkg-config --cflags {string.Join(' ', modules)} failed: {stderr.Trim()}");
            }

            return stdout.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new BindGenException($"{context}: key 'pkgConfig': pkg-config is not installed ({ex.Message})", ex);
        }
    }

    [GeneratedRegex(@"(\d+)\.\d+\.\d+")]
    private static partial Regex VersionRegex();
}
