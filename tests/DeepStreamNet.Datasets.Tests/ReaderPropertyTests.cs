using System.Text;
using CsCheck;
using DeepStreamNet.Datasets.Kitti;
using DeepStreamNet.Datasets.Sources;
using NUnit.Framework;

namespace DeepStreamNet.Datasets.Tests;

/// <summary>
/// Issue 18 item 5 (fuzzing the managed readers): mutated copies of real annotation files — bytes replaced, inserted
/// text that matters to the format (path climbs, huge numbers, invalid UTF-8), truncation — are read or reported as
/// problems; no reader throws past its contract and no image outside the dataset's folder is ever returned.
/// </summary>
public sealed class ReaderPropertyTests
{
    private static readonly string[] Tokens = ["../", "/etc/passwd", "\u00ff", "99999999999999999999", "-1", "NaN", "1e308", "\0", "<", "{", "\"", "\n", " ", "2147483648"];

    /// <summary>A mutation: a few byte edits, a few inserted tokens, an optional cut.</summary>
    private static readonly Gen<(int, byte)[]> Edits = Gen.Select(Gen.Int.Positive, Gen.Byte).Array[0, 4];
    private static readonly Gen<(int, int)[]> Inserts = Gen.Select(Gen.Int.Positive, Gen.Int[0, Tokens.Length - 1]).Array[0, 3];

    private static byte[] Mutate(byte[] original, (int At, byte Value)[] edits, (int At, int Token)[] inserts, int cut) =>
        Fuzz.Mutate(original, edits, inserts, cut, Tokens);

    private static void Check(string mutatedFile, byte[] original, Func<SourceReadResult> read, string imagesRoot)
    {
        Fuzz.Run(Gen.Select(Edits, Inserts, Gen.Int[0, 3]), m =>
        {
            File.WriteAllBytes(mutatedFile, Mutate(original, m.Item1, m.Item2, m.Item3));
            var result = read();
            Assert.That(result.Images.Select(i => i.ImagePath), Has.All.StartWith(imagesRoot), $"an image outside {imagesRoot}");
        }, seed: 20261206, iterations: 300);
    }

    private static string CopyTree(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }

        return to;
    }

    [Test]
    public void Medical_json_reader_never_throws_on_mutated_files()
    {
        using var tmp = new TempDir();
        var root = CopyTree(SharedData.Fixture("medical-mask-json"), tmp.Sub("json"));
        var file = Path.Combine(root, "annotations", "1801.jpg.json");
        Check(file, File.ReadAllBytes(file), () => MedicalJsonReader.Read(root, ClassMapping.Default), Path.Combine(root, "images") + "/");
    }

    [Test]
    public void Voc_reader_never_throws_on_mutated_files()
    {
        using var tmp = new TempDir();
        var root = CopyTree(SharedData.Fixture("medical-mask-voc"), tmp.Sub("voc"));
        var file = Directory.GetFiles(Path.Combine(root, "labels"), "*.xml").Order(StringComparer.Ordinal).First();
        Check(file, File.ReadAllBytes(file), () => VocReader.Read(root, ClassMapping.Default), Path.Combine(root, "images") + "/");
    }

    [Test]
    public void Fddb_reader_never_throws_on_mutated_fold_files()
    {
        using var tmp = new TempDir();
        var root = CopyTree(SharedData.Fixture("fddb"), tmp.Sub("fddb"));
        var file = Path.Combine(root, "FDDB-folds", "FDDB-fold-01-ellipseList.txt");
        Check(file, File.ReadAllBytes(file), () => FddbReader.Read(root), Path.Combine(root, "originalPics") + "/");
    }

    [Test]
    public void Wider_reader_never_throws_on_mutated_lists()
    {
        using var tmp = new TempDir();
        var root = CopyTree(SharedData.Fixture("widerface"), tmp.Sub("wider"));
        var file = Path.Combine(root, "wider_face_split", "wider_face_train_bbx_gt.txt");
        Check(file, File.ReadAllBytes(file), () => WiderFaceReader.Read(root, valSplit: false, allEvents: true), Path.Combine(root, "WIDER_train", "images") + "/");
    }

    [Test]
    public void Kitti_parser_fails_only_with_LabelFormatException()
    {
        var original = Encoding.UTF8.GetBytes("mask 0 0 0 10 10 50 50 0 0 0 0 0 0 0 0.9\nno-mask 0.5 1 -1 1.5 2 3 4 1 1 1 1 1 1 1\n");
        Fuzz.Run(Gen.Select(Edits, Inserts, Gen.Int[0, 3]), m =>
        {
            var text = Encoding.UTF8.GetString(Mutate(original, m.Item1, m.Item2, m.Item3));
            try
            {
                foreach (var o in KittiLabelFile.Parse(text.Split('\n'), "x.txt", allowScore: true))
                {
                    Assert.That(double.IsFinite(o.Box.Left) && double.IsFinite(o.Box.Bottom), Is.True);
                }
            }
            catch (LabelFormatException e) when (e.Message.StartsWith("x.txt:", StringComparison.Ordinal))
            {
            }
        }, seed: 20261206, iterations: 2000);
    }
}
