using System.Diagnostics;
using System.Text;

namespace DeepStreamNet.Packaging.Tests;

/// <summary>
/// A fresh "new user" outside the repository: its own HOME (so ~/.local/share and ~/.cache start empty), a NuGet config
/// whose sources are the packed feed and nuget.org (packages already in the machine's NuGet cache are reused read-only,
/// the feed's land in the sandbox), and processes started with a clean environment: PATH and HOME only, none of the
/// checkout's GStreamer/DSNET variables.
/// </summary>
internal sealed class Sandbox
{
    public Sandbox(string root, string feed)
    {
        Root = root;
        Feed = feed;
        Directory.CreateDirectory(Home);
        var sharedCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } n
            ? n
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(NuGetConfig, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{Path.Combine(root, "nuget-packages")}" /></config>
              <fallbackPackageFolders><add key="machine" value="{sharedCache}" /></fallbackPackageFolders>
              <packageSources>
                <clear />
                <add key="dsnet-feed" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
    }

    public string Root { get; }

    public string Feed { get; }

    public string Home => Path.Combine(Root, "home");

    public string NuGetConfig => Path.Combine(Root, "nuget.config");

    public string DataRoot => Path.Combine(Home, ".local", "share", "deepstreamnet");

    /// <summary>Runs a command with the clean environment; returns exit code and combined output.</summary>
    public (int ExitCode, string Output) Run(string file, string arguments, string workingDirectory, TimeSpan timeout, params (string Name, string Value)[] extraEnvironment)
    {
        var psi = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment.Clear();
        psi.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        psi.Environment["HOME"] = Home;
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (name, value) in extraEnvironment)
        {
            psi.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, output + $"\n(timed out after {timeout.TotalSeconds:F0} s: {file} {arguments})");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary><see cref="Run"/> that fails the test on a non-zero exit, showing the output.</summary>
    public string RunOk(string file, string arguments, string workingDirectory, TimeSpan timeout, params (string Name, string Value)[] extraEnvironment)
    {
        var (code, output) = Run(file, arguments, workingDirectory, timeout, extraEnvironment);
        Assert.That(code, Is.Zero, $"`{file} {arguments}` in {workingDirectory} exited {code}:\n{output}");
        return output;
    }

    private static void Append(StringBuilder sb, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (sb)
        {
            sb.AppendLine(line);
        }
    }
}
