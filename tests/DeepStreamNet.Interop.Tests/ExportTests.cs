using System.Reflection;
using System.Runtime.InteropServices;
using NUnit.Framework;

namespace DeepStreamNet.Interop.Tests;

/// <summary>Every generated [LibraryImport] names a symbol its logical library really exports (the prefix → library mapping is right).</summary>
public sealed class ExportTests
{
    [Test]
    public void Every_generated_function_resolves_in_its_library()
    {
        var imports = typeof(GBoolean).Assembly.GetTypes()
            .Where(t => t.IsClass && t.IsAbstract && t.IsSealed && t.Namespace == "DeepStreamNet.Interop")
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Select(m => (Method: m, Import: m.GetCustomAttribute<LibraryImportAttribute>()))
            .Where(x => x.Import != null)
            .ToList();

        var missing = new List<string>();
        foreach (var (method, import) in imports)
        {
            nint lib = NativeLibraryResolver.Load(import!.LibraryName);
            string symbol = import.EntryPoint ?? method.Name;
            if (!NativeLibrary.TryGetExport(lib, symbol, out _))
            {
                missing.Add($"{method.DeclaringType!.Name}.{symbol} not exported by {NativeLibraryResolver.LoadedPath(import.LibraryName)}");
            }
        }

        Assert.That(imports, Has.Count.GreaterThan(1000));
        Assert.That(missing, Is.Empty, string.Join("\n", missing));
    }
}
