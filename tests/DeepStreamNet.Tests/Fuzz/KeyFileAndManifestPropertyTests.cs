using CsCheck;
using DeepStreamNet.Assets;
using DeepStreamNet.Config;
using NUnit.Framework;
using FixedSeed = DeepStreamNet.Datasets.Tests.Fuzz;

namespace DeepStreamNet.Tests.Fuzz;

/// <summary>
/// Issue 18 item 5 for the two managed readers of this library: the GLib key-file reader and the asset manifest.
/// Mutated copies of the repository's own files (bytes replaced, tokens that matter to the format inserted, cuts)
/// are read or refused with the reader's own exception naming a line inside the file; every value read back goes
/// through the typed parsers, which fail only with <see cref="FormatException"/>. Fixed seeds (CsCheck PCG).
/// </summary>
[Category("Fuzz")]
public sealed class KeyFileAndManifestPropertyTests
{
    private static readonly string[] Tokens =
    [
        "\n[", "]", "=", "\\", "\\s", "\\x", ";", "\n", "\r", "\t", "#", "\uFEFF", "\u00ff", "\0", "[source2147483648]", "99999999999999999999",
        "NaN", "1e309", "../", "/dev/zero", "\n\n[a]\nk=v\n", "\t\t\t\t", "sha256",
    ];

    private static readonly Gen<(int, byte)[]> Edits = Gen.Select(Gen.Int.Positive, Gen.Byte).Array[0, 4];
    private static readonly Gen<(int, int)[]> Inserts = Gen.Select(Gen.Int.Positive, Gen.Int[0, Tokens.Length - 1]).Array[0, 4];

    private static string PortableConfig(string name) => Path.Combine(TestPaths.RepositoryRoot, "configs", "face-mask", "portable", name);

    [TestCase("deepstream_app_file_masknet.txt")]
    [TestCase("config_infer_primary_ultraface.txt")]
    [TestCase("config_preprocess_tiles.txt")]
    [TestCase("msgconv_facemask.txt")]
    public void KeyFile_reads_or_refuses_mutated_configs_with_a_located_KeyFileException(string name)
    {
        var original = File.ReadAllBytes(PortableConfig(name));
        using var dir = new Config.TempConfigDir();
        var path = Path.Combine(dir.Path, name);
        FixedSeed.Run(Gen.Select(Edits, Inserts, Gen.Int[0, 3], Gen.String), m =>
        {
            var bytes = Mutate(original, m.Item1, m.Item2, m.Item3);
            File.WriteAllBytes(path, bytes);
            var lines = bytes.Count(b => b == (byte)'\n') + 1;
            KeyFile file;
            try
            {
                file = KeyFile.Load(path);
            }
            catch (KeyFileException ex)
            {
                Assert.That(ex.Origin, Is.EqualTo(path));
                Assert.That(ex.Line, Is.InRange(0, lines), ex.Message);
                return;
            }

            ReadEveryValue(file, lines);
            try
            {
                file.ApplyOverride(m.Item4, 1);
            }
            catch (KeyFileException ex)
            {
                Assert.That(ex.Line, Is.EqualTo(1), ex.Message);
            }
        }, seed: 20261218, iterations: 400);
    }

    [Test]
    public void Manifest_reads_or_refuses_mutated_manifests_with_an_AssetException()
    {
        var original = File.ReadAllBytes(Path.Combine(TestPaths.RepositoryRoot, "assets", "manifest.tsv"));
        using var dir = new Config.TempConfigDir();
        var path = Path.Combine(dir.Path, "manifest.tsv");
        FixedSeed.Run(Gen.Select(Edits, Inserts, Gen.Int[0, 3]), m =>
        {
            File.WriteAllBytes(path, Mutate(original, m.Item1, m.Item2, m.Item3));
            AssetManifest manifest;
            try
            {
                manifest = AssetManifest.Load(path);
            }
            catch (AssetException ex)
            {
                Assert.That(ex.Message, Does.StartWith(path));
                return;
            }

            foreach (var e in manifest.Entries)
            {
                Assert.That(e.RelativePath, Does.Not.StartWith("/"));
                Assert.That(e.RelativePath.Split('/'), Does.Not.Contain(".."));
                Assert.That(e.Sha256, Has.Length.EqualTo(64));
                Assert.That(e.Size, Is.GreaterThanOrEqualTo(0));
            }
        }, seed: 20261218, iterations: 400);
    }

    /// <summary>Every entry's value through every typed parser: a value is either read or refused with FormatException.</summary>
    private static void ReadEveryValue(KeyFile file, int lines)
    {
        foreach (var group in file.Groups)
        {
            Assert.That(group.Line, Is.InRange(1, lines));
            foreach (var e in group.Entries)
            {
                Assert.That(e.Line, Is.InRange(1, lines));
                Try(() => KeyFileValues.ParseInt(e.RawValue));
                Try(() => KeyFileValues.ParseInt64(e.RawValue));
                Try(() => KeyFileValues.ParseDouble(e.RawValue));
                Try(() => KeyFileValues.ParseBool(e.RawValue));
                Try(() => KeyFileValues.ParseString(e.RawValue));
                Try(() => KeyFileValues.ParseStringList(e.RawValue));
                Try(() => KeyFileValues.ParseIntList(e.RawValue));
                Try(() => KeyFileValues.ParseDoubleList(e.RawValue));
                Try(() => KeyFileValues.ParseColour(e.RawValue));
            }
        }
    }

    private static void Try(Func<object> parse)
    {
        try
        {
            _ = parse();
        }
        catch (FormatException)
        {
            // Refused with the parser's contract.
        }
    }

    private static byte[] Mutate(byte[] original, (int At, byte Value)[] edits, (int At, int Token)[] inserts, int cut) =>
        FixedSeed.Mutate(original, edits, inserts, cut, Tokens);
}
