using DeepStreamNet.BindGen.Config;
using NUnit.Framework;

namespace DeepStreamNet.BindGen.Tests;

/// <summary>Determinism, --check, multi-set ownership and configuration errors.</summary>
public sealed class GeneratorBehaviourTests
{
    private const string Header = """
        #define T_SIZE 8
        typedef enum { T_A, T_B } TKind;
        typedef struct { TKind kind; union { int i; float f; } u; unsigned flag : 1; void *items[T_SIZE]; } TThing;
        TThing *t_new(TKind kind);
        """;

    [Test]
    public void Generating_twice_gives_identical_output_with_a_do_not_edit_header()
    {
        using var a = new SyntheticSet(Header);
        using var b = new SyntheticSet(Header);
        var first = a.Run().Files.ToDictionary(p => Path.GetRelativePath(a.Root, p.Key), p => p.Value);
        var second = b.Run().Files.ToDictionary(p => Path.GetRelativePath(b.Root, p.Key), p => p.Value);
        var again = a.Run().Files.ToDictionary(p => Path.GetRelativePath(a.Root, p.Key), p => p.Value);
        Assert.That(second, Is.EqualTo(first));
        Assert.That(again, Is.EqualTo(first));
        Assert.That(first.Keys.Where(k => k.EndsWith(".cs", StringComparison.Ordinal)),
            Is.EquivalentTo(new[] { "out/T/TThing.cs", "out/T/TKind.cs", "out/T/T.Functions.cs", "out/T/T.Constants.cs" }));
        Assert.That(first.Values, Has.All.Contains("do not edit"));
        Assert.That(first.Values, Has.None.Contains("\r"));
        Assert.That(first.Values, Has.None.Contains(a.Root), "no machine-specific paths in the output");
    }

    [Test]
    public void Check_reports_missing_changed_and_stale_files()
    {
        using var set = new SyntheticSet(Header);
        var result = set.Run();
        Assert.That(result.Differences(), Has.Count.EqualTo(result.Files.Count), "nothing written yet: all missing");
        Assert.That(result.Write(), Is.EqualTo(result.Files.Count));
        Assert.That(set.Run().Differences(), Is.Empty);

        string thing = Path.Combine(set.Root, "out", "T", "TThing.cs");
        File.AppendAllText(thing, "// hand edit\n");
        string stale = Path.Combine(set.Root, "out", "T", "Gone.cs");
        File.WriteAllText(stale, "// no longer generated\n");
        var diffs = set.Run().Differences();
        Assert.That(diffs, Has.Some.EqualTo(thing + " (differs)"));
        Assert.That(diffs, Has.Some.EqualTo(stale + " (stale, no longer generated)"));
        Assert.That(diffs, Has.Count.EqualTo(2));

        set.Run().Write();
        Assert.That(File.Exists(stale), Is.False);
        Assert.That(set.Run().Differences(), Is.Empty);
    }

    [Test]
    public void A_type_used_by_two_sets_is_generated_once_in_the_first()
    {
        using var set = new SyntheticSet("typedef struct { int x; } Shared;\nvoid t_a(Shared *s);\n");
        Directory.CreateDirectory(Path.Combine(set.Root, "U"));
        File.WriteAllText(Path.Combine(set.Root, "U", "u.h"), "#include <test.h>\ntypedef struct { Shared s; } UOnly;\nvoid u_b(Shared *s, UOnly *o);\n");
        File.WriteAllText(Path.Combine(set.Root, "U", "set.json"),
            "{ \"class\": \"U\", \"headers\": [\"u.h\"], \"includeDirs\": [\".\", \"../T\"], \"files\": [\"u.h\"], \"libraries\": { \"u_\": \"ulib\" } }");
        File.WriteAllText(Path.Combine(set.Root, "bindgen.json"), """{ "namespace": "Synthetic", "output": "out", "sets": ["T", "U"] }""");
        var files = set.Run().Files.Keys.Select(k => Path.GetRelativePath(set.Root, k)).ToList();
        Assert.That(files, Does.Contain("out/T/Shared.cs"));
        Assert.That(files, Does.Not.Contain("out/U/Shared.cs"));
        Assert.That(files, Does.Contain("out/U/UOnly.cs"));
        Assert.That(set.Result!.Files[Path.Combine(set.Root, "out", "U", "U.Functions.cs")], Does.Contain("[LibraryImport(\"ulib\")]"));
    }

    [Test]
    public void Configuration_errors_name_the_file_and_key()
    {
        using (var set = new SyntheticSet("void t_a(void);\nvoid other_b(void);\n"))
        {
            var ex = Assert.Throws<BindGenException>(() => set.Run());
            Assert.That(ex!.Message, Does.Contain(Path.Combine("T", "set.json")).And.Contain("'libraries'").And.Contain("other_b"));
        }

        using (var set = new SyntheticSet("void t_a(void);\n", "{ \"class\": \"T\",\n \"headers\": [\"test.h\"],\n \"bogus\": 1 }"))
        {
            var ex = Assert.Throws<BindGenException>(() => set.Run());
            Assert.That(ex!.Message, Does.Contain("set.json: line 3").And.Contain("bogus"));
        }

        using (var set = new SyntheticSet("void t_a(void);\n"))
        {
            File.WriteAllText(Path.Combine(set.Root, "bindgen.json"), """{ "output": "out", "sets": ["T", "Missing"] }""");
            var ex = Assert.Throws<BindGenException>(() => set.Run());
            Assert.That(ex!.Message, Does.Contain("bindgen.json").And.Contain("'sets'").And.Contain("Missing"));
        }
    }

    [Test]
    public void Headers_that_do_not_compile_fail_with_clang_diagnostics()
    {
        using var set = new SyntheticSet("typedef struct { int a; } Fine;\nunknown_type_t broken;\n");
        var ex = Assert.Throws<BindGenException>(() => set.Run());
        Assert.That(ex!.Message, Does.Contain("do not compile").And.Contain("test.h:2").And.Contain("unknown_type_t"));
    }
}
