using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace DeepStreamNet.BindGen.Tests;

/// <summary>
/// End to end on a tricky synthetic header: the generated layout_probe.c compiles with the system C compiler, and
/// gcc's offsets and sizes equal the [FieldOffset]/Size values written into the generated C#.
/// </summary>
public sealed unsafe partial class ProbeCompilationTests
{
    private const string Header = """
        #include <stdint.h>
        typedef struct { int x; } Inner;
        typedef struct {
          char c;
          struct { int x; union { short s; double d; }; };
          struct { uint8_t tag; Inner items[3]; } named;
          void *slots[5];
          union { int i; float f; } pair[2];
          unsigned flag : 1;
          unsigned mode : 3;
          long long tail;
        } Deep;
        typedef union { Deep deep; char raw[3]; } Wrapper;
        """;

    [StructLayout(LayoutKind.Sequential)]
    private struct Row
    {
        public byte* Type;
        public byte* Field;
        public nuint Offset;
        public nuint Size;
    }

    [Test]
    public void Generated_probe_compiles_and_gcc_agrees_with_the_generated_offsets()
    {
        using var set = new SyntheticSet(Header);
        var result = set.Run();
        result.Write();

        string so = Path.Combine(set.Root, "probe.so");
        string probeInclude = Path.Combine(FindRepoRoot(), "native", "layoutprobe");
        var psi = new ProcessStartInfo("cc") { RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { "-shared", "-fPIC", "-Wall", "-Wextra", "-Werror", "-o", so, Path.Combine(set.Root, "T", "layout_probe.c"), "-I", Path.Combine(set.Root, "T"), "-I", probeInclude })
        {
            psi.ArgumentList.Add(a);
        }

        using (var cc = Process.Start(psi)!)
        {
            string err = cc.StandardError.ReadToEnd();
            cc.WaitForExit();
            Assert.That(cc.ExitCode, Is.Zero, "layout_probe.c does not compile:\n" + err);
        }

        var csLayout = ParseGeneratedLayout(result.Files.Where(f => f.Key.EndsWith(".cs", StringComparison.Ordinal)).Select(f => f.Value));
        nint lib = NativeLibrary.Load(so);
        try
        {
            var fn = (delegate* unmanaged[Cdecl]<nuint*, Row*>)NativeLibrary.GetExport(lib, "dsnet_layout_probe_t");
            nuint n;
            Row* rows = fn(&n);
            var failures = new List<string>();
            int fields = 0;
            for (nuint i = 0; i < n; i++)
            {
                string type = Marshal.PtrToStringUTF8((nint)rows[i].Type)!;
                string key = rows[i].Field == null ? type : type + "." + Marshal.PtrToStringUTF8((nint)rows[i].Field);
                long expected = rows[i].Field == null ? (long)rows[i].Size : (long)rows[i].Offset;
                if (!csLayout.TryGetValue(key, out long actual))
                {
                    failures.Add($"{key}: not in the generated C#");
                }
                else if (actual != expected)
                {
                    failures.Add($"{key}: C# {actual} != gcc {expected}");
                }

                fields += rows[i].Field == null ? 0 : 1;
            }

            Assert.That(failures, Is.Empty, string.Join("\n", failures));
            Assert.That(fields, Is.GreaterThanOrEqualTo(12));
            Assert.That(csLayout["Deep.d"], Is.EqualTo(16), "double in an anonymous union inside an anonymous struct");
        }
        finally
        {
            NativeLibrary.Free(lib);
        }
    }

    /// <summary>"Type" → struct size and "Type.field" → offset, read back from the generated C# text.</summary>
    private static Dictionary<string, long> ParseGeneratedLayout(IEnumerable<string> files)
    {
        var map = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string text in files)
        {
            foreach (Match s in StructRegex().Matches(text))
            {
                string name = s.Groups["name"].Value;
                map[name] = long.Parse(s.Groups["size"].Value, System.Globalization.CultureInfo.InvariantCulture);
                foreach (Match f in FieldRegex().Matches(s.Groups["body"].Value))
                {
                    map[name + "." + f.Groups["field"].Value] = long.Parse(f.Groups["offset"].Value, System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }

        return map;
    }

    private static string FindRepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "DeepStreamNet.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }

    [GeneratedRegex(@"Size = (?<size>\d+)\)\]\npublic unsafe partial struct (?<name>\w+)\n\{\n(?<body>.*?)\n\}\n", RegexOptions.Singleline)]
    private static partial Regex StructRegex();

    [GeneratedRegex(@"\[FieldOffset\((?<offset>\d+)\)\]\n(?:\s+\[NativeTypeName\([^\n]*\)\]\n)?\s+public (?:fixed )?\S+ @?(?<field>\w+)(?:\[\d+\])?;")]
    private static partial Regex FieldRegex();
}
