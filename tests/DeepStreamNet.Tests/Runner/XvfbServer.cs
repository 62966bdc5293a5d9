using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner;

/// <summary>A private Xvfb X server on the first free display number, for tests of windowed sinks.</summary>
internal sealed partial class XvfbServer : IDisposable
{
    private readonly Process _process;

    private XvfbServer(Process process, string display)
    {
        _process = process;
        Display = display;
    }

    /// <summary>The DISPLAY value, e.g. <c>:91</c>.</summary>
    public string Display { get; }

    public static XvfbServer Start(int width, int height)
    {
        var xvfb = new[] { "/usr/bin/Xvfb", "/usr/local/bin/Xvfb" }.FirstOrDefault(File.Exists);
        Assert.That(xvfb, Is.Not.Null, "Xvfb is not installed: setup.sh installs it (apt package xvfb)");
        for (var n = 91; n < 200; n++)
        {
            if (File.Exists($"/tmp/.X{n}-lock") || File.Exists($"/tmp/.X11-unix/X{n}"))
            {
                continue;
            }

            var psi = new ProcessStartInfo(xvfb!) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in new[] { $":{n}", "-screen", "0", $"{width}x{height}x24", "-nolisten", "tcp", "-noreset" })
            {
                psi.ArgumentList.Add(a);
            }

            var p = Process.Start(psi)!;
            p.BeginErrorReadLine();
            p.BeginOutputReadLine();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
            while (!p.HasExited && DateTime.UtcNow < deadline && !File.Exists($"/tmp/.X11-unix/X{n}"))
            {
                Thread.Sleep(50);
            }

            if (!p.HasExited && File.Exists($"/tmp/.X11-unix/X{n}"))
            {
                return new XvfbServer(p, $":{n}");
            }

            if (!p.HasExited)
            {
                p.Kill();
            }

            p.Dispose(); // display number taken meanwhile: try the next one
        }

        Assert.Fail("no free X display number between :91 and :199");
        return null!;
    }

    /// <summary>Top-level windows of the root window as (name, width, height), read with xwininfo.</summary>
    public IReadOnlyList<(string Name, int Width, int Height)> Windows()
    {
        var psi = new ProcessStartInfo("xwininfo") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-display", Display, "-root", "-children" })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return ChildLine().Matches(text)
            .Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture)))
            .ToList();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    // xwininfo: `     0x200002 "dotnet": ("dotnet" "GStreamer")  640x360+0+0  +0+0`
    [GeneratedRegex(@"^\s+0x[0-9a-f]+ ""([^""]*)"":.*?\s(\d+)x(\d+)[+-]\d+[+-]\d+", RegexOptions.Multiline)]
    private static partial Regex ChildLine();
}
