using System.Reflection;
using System.Runtime.InteropServices;

namespace DeepStreamNet.BindGen.Clang;

/// <summary>
/// Finds libclang: <c>DSNET_LIBCLANG</c> (a path) first, then Debian's sonames, then any
/// <c>/usr/lib/llvm-*/lib/libclang.so.1</c>, newest first.
/// </summary>
internal static class LibClangResolver
{
    public static IReadOnlyList<string> Candidates()
    {
        var list = new List<string>();
        string? env = Environment.GetEnvironmentVariable("DSNET_LIBCLANG");
        if (!string.IsNullOrEmpty(env))
        {
            list.Add(env);
        }

        list.AddRange(["libclang-14.so.1", "libclang.so.1", "libclang-14.so", "libclang.so"]);
        if (Directory.Exists("/usr/lib"))
        {
            list.AddRange(Directory.GetDirectories("/usr/lib", "llvm-*")
                .OrderByDescending(d => d, StringComparer.Ordinal)
                .Select(d => Path.Combine(d, "lib", "libclang.so.1"))
                .Where(File.Exists));
        }

        return list;
    }

    public static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != LibClang.Name)
        {
            return 0;
        }

        var tried = Candidates();
        foreach (string candidate in tried)
        {
            if (NativeLibrary.TryLoad(candidate, out nint handle))
            {
                return handle;
            }
        }

        throw new DllNotFoundException("libclang not found (install libclang1-14 or set DSNET_LIBCLANG); tried: " + string.Join(", ", tried));
    }
}
