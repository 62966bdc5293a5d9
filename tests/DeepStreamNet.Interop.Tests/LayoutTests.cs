using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NUnit.Framework;

namespace DeepStreamNet.Interop.Tests;

/// <summary>
/// Every generated struct against the C compiler: sizeof and every field's offset and size, read from
/// libdsnet_layout_probe.so (built by CMake from the generator's bindings/generation/&lt;set&gt;/layout_probe.c).
/// </summary>
public sealed unsafe class LayoutTests
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Row
    {
        public byte* Type;
        public byte* Field;
        public nuint Offset;
        public nuint Size;
    }

    private sealed record CRow(string Type, string? Field, long Offset, long Size);

    private static List<CRow> LoadRows()
    {
        string path = Path.Combine(RepoPaths.NativeLibDir, "libdsnet_layout_probe.so");
        if (!File.Exists(path))
        {
            Assert.Fail($"{path} is missing: build the native side first (cmake -S . -B build/native && cmake --build build/native)");
        }

        nint lib = NativeLibrary.Load(path);
        var rows = new List<CRow>();
        foreach (string setDir in Directory.GetDirectories(RepoPaths.GeneratedDir).Order(StringComparer.Ordinal))
        {
            string symbol = "dsnet_layout_probe_" + Path.GetFileName(setDir).ToLowerInvariant();
            Assert.That(NativeLibrary.TryGetExport(lib, symbol, out nint fn), Is.True, $"{path} does not export {symbol}: rebuild the native side");
            nuint n;
            Row* table = ((delegate* unmanaged[Cdecl]<nuint*, Row*>)fn)(&n);
            for (nuint i = 0; i < n; i++)
            {
                rows.Add(new CRow(
                    Marshal.PtrToStringUTF8((nint)table[i].Type)!,
                    table[i].Field == null ? null : Marshal.PtrToStringUTF8((nint)table[i].Field),
                    (long)table[i].Offset,
                    (long)table[i].Size));
            }
        }

        return rows;
    }

    private static IEnumerable<Type> ExplicitStructs() =>
        typeof(GBoolean).Assembly.GetTypes()
            .Where(t => t.IsValueType && !t.IsEnum && t.Namespace == "DeepStreamNet.Interop" && t.StructLayoutAttribute?.Value == LayoutKind.Explicit)
            .OrderBy(t => t.Name, StringComparer.Ordinal);

    private static long SizeOf(Type t) =>
        t.IsPointer || t.IsFunctionPointer || t == typeof(nint) || t == typeof(nuint)
            ? IntPtr.Size
            : (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(t).Invoke(null, null)!;

    [Test]
    public void Every_generated_struct_and_field_matches_the_C_compiler()
    {
        var rows = LoadRows();
        var byType = rows.GroupBy(r => r.Type).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var failures = new List<string>();
        int checkedFields = 0;
        var structs = ExplicitStructs().ToList();
        foreach (var type in structs)
        {
            if (!byType.TryGetValue(type.Name, out var typeRows))
            {
                failures.Add($"{type.Name}: no row in the layout probe (regenerate and rebuild)");
                continue;
            }

            var sizeRow = typeRows.Single(r => r.Field == null);
            long csSize = SizeOf(type);
            if (csSize != sizeRow.Size)
            {
                failures.Add($"{type.Name}: sizeof C# {csSize} != C {sizeRow.Size}");
            }

            var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Where(f => f.GetCustomAttribute<FieldOffsetAttribute>() != null)
                .ToDictionary(f => f.Name, StringComparer.Ordinal);
            foreach (var row in typeRows.Where(r => r.Field != null))
            {
                if (!fields.TryGetValue(row.Field!, out var field))
                {
                    failures.Add($"{type.Name}.{row.Field}: in C, missing in C#");
                    continue;
                }

                long offset = field.GetCustomAttribute<FieldOffsetAttribute>()!.Value;
                long size = SizeOf(field.FieldType);
                if (offset != row.Offset || size != row.Size)
                {
                    failures.Add($"{type.Name}.{row.Field}: C# offset {offset} size {size} != C offset {row.Offset} size {row.Size}");
                }

                checkedFields++;
            }

            foreach (string name in fields.Keys.Where(n => !n.StartsWith("_bitfield_", StringComparison.Ordinal)))
            {
                if (!typeRows.Any(r => r.Field == name))
                {
                    failures.Add($"{type.Name}.{name}: in C#, missing in the C probe");
                }
            }
        }

        Assert.That(failures, Is.Empty, string.Join("\n", failures));
        Assert.That(structs, Has.Count.GreaterThan(100), "the generated layer should hold the GLib/Gst/NvDs structs");
        Assert.That(checkedFields, Is.GreaterThan(500));
        TestContext.Out.WriteLine($"{structs.Count} structs, {checkedFields} fields match the C compiler");
    }

    [Test]
    public void Probe_rows_name_only_generated_types()
    {
        var names = ExplicitStructs().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = LoadRows().Select(r => r.Type).Distinct().Where(t => !names.Contains(t)).ToList();
        Assert.That(unknown, Is.Empty, "C rows without a C# struct: " + string.Join(", ", unknown));
    }

    [Test]
    public void Key_DeepStream_layouts_are_the_documented_LP64_sizes()
    {
        // Spot values from shared/spec/deepstream-meta-abi.md, independent of the probe.
        Assert.Multiple(() =>
        {
            Assert.That(Unsafe.SizeOf<NvOSD_ColorParams>(), Is.EqualTo(32));
            Assert.That(Unsafe.SizeOf<NvDsBaseMeta>(), Is.EqualTo(40));
            Assert.That(Unsafe.SizeOf<NvDsBatchMeta>(), Is.EqualTo(192));
            Assert.That(Unsafe.SizeOf<NvDsFrameMeta>(), Is.EqualTo(200));
            Assert.That(Unsafe.SizeOf<NvDsObjectMeta>(), Is.EqualTo(544));
            Assert.That(Unsafe.SizeOf<NvDsDisplayMeta>(), Is.EqualTo(6912));
            Assert.That(Unsafe.SizeOf<NvDsMeta>(), Is.EqualTo(72));
            Assert.That(Unsafe.SizeOf<GBoolean>(), Is.EqualTo(4));
            Assert.That(Unsafe.SizeOf<GList>(), Is.EqualTo(24));
            Assert.That(Unsafe.SizeOf<GValue>(), Is.EqualTo(24));
        });
    }
}
