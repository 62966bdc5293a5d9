using System.Text;
using CsCheck;
using DeepStreamNet.Datasets.Mat;
using NUnit.Framework;

namespace DeepStreamNet.Datasets.Tests;

/// <summary>Issue 18 item 6: small crafted MAT files are errors naming the file, never OutOfMemory/Overflow or an empty set.</summary>
public sealed class MatLimitTests
{
    private const int Cell = 1, Struct = 2, Char = 4, Sparse = 5, Double = 6;
    private static readonly MatBuilder B = new();

    private static MatFormatException Fails(byte[] bytes, string name = "crafted.mat", long maxInflated = 1L << 30) =>
        Assert.Throws<MatFormatException>(() => MatFile.Parse(bytes, name, maxInflated))!;

    [Test]
    public void Cell_claiming_a_billion_cells_in_200_bytes_is_an_error()
    {
        var bytes = MatBuilder.File(B.Header(), B.Matrix("c", Cell, [32768, 32768]));
        Assert.That(bytes, Has.Length.LessThan(210));
        Assert.That(Fails(bytes).Message, Does.Contain("crafted.mat").And.Contain("1073741824 cells"));
    }

    [Test]
    public void Struct_claiming_more_elements_than_its_data_holds_is_an_error()
    {
        var fields = B.Element(MatBuilder.MiInt8, Encoding.ASCII.GetBytes("x\0\0\0y\0\0\0"));
        var withFields = B.Matrix("s", Struct, [40000, 40000], B.Element(MatBuilder.MiInt32, B.U32(4)), fields);
        Assert.That(Fails(MatBuilder.File(B.Header(), withFields)).Message, Does.Contain("struct array 's'"));
        var noFields = B.Matrix("s", Struct, [40000, 40000], B.Element(MatBuilder.MiInt32, B.U32(4)), B.Element(MatBuilder.MiInt8, []));
        Assert.That(() => MatFile.Parse(MatBuilder.File(B.Header(), noFields), "crafted.mat"), Throws.TypeOf<MatFormatException>());
    }

    [Test]
    public void Dimensions_whose_product_overflows_are_an_error_not_an_empty_array()
    {
        // 65536⁴ = 2⁶⁴ wraps to 0 in 64-bit arithmetic: it used to read as an empty array.
        var bytes = MatBuilder.File(B.Header(), B.Matrix("d", Double, [65536, 65536, 65536, 65536], B.Doubles()));
        Assert.That(Fails(bytes).Message, Does.Contain("65536x65536x65536x65536").And.Contain("crafted.mat"));
    }

    [Test]
    public void Sparse_array_too_large_to_expand_is_an_error()
    {
        var jc = B.Int32s(new int[20_001]);
        var bytes = MatBuilder.File(B.Header(), B.Matrix("sp", Sparse, [20_000, 20_000], B.Int32s(), jc, B.Doubles()));
        Assert.That(Fails(bytes).Message, Does.Contain("sp").And.Contain("elements to expand"));
    }

    [Test]
    public void Compressed_variable_inflating_past_the_limit_names_the_file()
    {
        var inner = B.Matrix("z", Double, [1, 1 << 18], B.Doubles(new double[1 << 18])); // 2 MB of zeros
        var bytes = MatBuilder.File(B.Header(), B.Compressed(inner));
        Assert.That(bytes.Length, Is.LessThan(64 << 10));
        var e = Fails(bytes, "bomb.mat", maxInflated: 1 << 20);
        Assert.That(e.Message, Does.StartWith("bomb.mat:").And.Contain("inflates to more than 1048576 bytes"));
        Assert.That(MatFile.Parse(bytes, "bomb.mat", maxInflatedBytes: 4 << 20).Variables.Single().Count, Is.EqualTo(1 << 18), "within the limit it reads");
    }

    [Test]
    public void Deeply_nested_cells_are_an_error_not_a_stack_overflow()
    {
        var element = B.Matrix(string.Empty, Double, [1, 1], B.Doubles(1));
        for (var i = 0; i < 200; i++)
        {
            element = B.Matrix(string.Empty, Cell, [1, 1], element);
        }

        Assert.That(Fails(MatBuilder.File(B.Header(), element)).Message, Does.Contain("nested"));
    }

    [Test]
    public void Char_array_with_a_value_that_is_no_code_point_is_an_error()
    {
        var bytes = MatBuilder.File(B.Header(), B.Matrix("t", Char, [1, 1], B.Element(MatBuilder.MiUInt32, B.U32(0x7FFFFFFF))));
        Assert.That(Fails(bytes).Message, Does.Contain("code point"));
    }

    [Test]
    public void Directory_and_device_are_reported_by_name()
    {
        using var tmp = new TempDir();
        Assert.That(() => MatFile.Read(tmp.Path), Throws.TypeOf<MatFormatException>().With.Message.Contain("is a folder"));
        Assert.That(() => MatFile.Read("/dev/zero"), Throws.TypeOf<MatFormatException>().With.Message.Contain("/dev/zero"));
    }

    /// <summary>Property: any mutation or truncation of valid MAT files (plain, compressed, nested) reads or fails with MatFormatException.</summary>
    [Test]
    public void Mutated_mat_files_only_ever_fail_with_MatFormatException()
    {
        var fieldNames = B.Element(MatBuilder.MiInt8, Encoding.ASCII.GetBytes("a\0\0\0b\0\0\0"));
        var cell = B.Matrix("c", Cell, [1, 2], B.Matrix(string.Empty, Char, [1, 2], B.Utf16("hi")), B.Matrix(string.Empty, Double, [2, 1], B.Doubles(1, 2)));
        var st = B.Matrix("s", Struct, [1, 1], B.Element(MatBuilder.MiInt32, B.U32(4)), fieldNames, cell, B.Matrix(string.Empty, Double, [1, 1], B.Int16s(3)));
        var sparse = B.Matrix("sp", Sparse, [3, 2], B.Int32s(0, 2), B.Int32s(0, 1, 2), B.Doubles(5, 6));
        byte[][] seeds =
        [
            MatBuilder.File(B.Header(), cell, st, sparse),
            MatBuilder.File(B.Header(), B.Compressed(st), B.Compressed(sparse)),
            File.ReadAllBytes(SharedData.Fixture("mafa", "MAFA-Label-Test", "LabelTestAll.mat")),
        ];

        var mutation = Gen.Select(Gen.Int[0, seeds.Length - 1], Gen.Select(Gen.Int.Positive, Gen.Byte).Array[1, 6], Gen.Int[0, 4]);
        Fuzz.Run(mutation, m => ParseMutant(seeds[m.Item1], m.Item2, m.Item3), seed: 20261206, iterations: 6000);
    }

    /// <summary>Findings of the mutation run, kept as regression cases.</summary>
    [Test]
    public void Corrupt_zlib_stream_that_makes_zlib_fail_with_ZLibException_is_a_MatFormatException()
    {
        var b = new MatBuilder();
        var st = b.Matrix("s", Struct, [1, 1], b.Element(MatBuilder.MiInt32, b.U32(4)), b.Element(MatBuilder.MiInt8, Encoding.ASCII.GetBytes("a\0\0\0b\0\0\0")),
            b.Matrix("c", Cell, [1, 2], b.Matrix(string.Empty, Char, [1, 2], b.Utf16("hi")), b.Matrix(string.Empty, Double, [2, 1], b.Doubles(1, 2))),
            b.Matrix(string.Empty, Double, [1, 1], b.Int16s(3)));
        var sparse = b.Matrix("sp", Sparse, [3, 2], b.Int32s(0, 2), b.Int32s(0, 1, 2), b.Doubles(5, 6));
        var bytes = Mutant(MatBuilder.File(b.Header(), b.Compressed(st), b.Compressed(sparse)), [(12504143, 22), (744292604, 187), (208448617, 210), (2147483647, 129)], 3);
        var e = Assert.Throws<MatFormatException>(() => MatFile.Parse(bytes, "mutant.mat"))!;
        Assert.That(e.Message, Does.StartWith("mutant.mat: corrupt zlib data"));
        Assert.That(e.InnerException, Is.InstanceOf<IOException>(), "zlib's own error, caught at the reader");
    }

    private static void ParseMutant(byte[] original, (int At, byte Value)[] edits, int cut)
    {
        try
        {
            MatFile.Parse(Mutant(original, edits, cut), "mutant.mat");
        }
        catch (MatFormatException e) when (e.Message.StartsWith("mutant.mat:", StringComparison.Ordinal))
        {
        }
    }

    private static byte[] Mutant(byte[] original, (int At, byte Value)[] edits, int cut)
    {
        var bytes = (byte[])original.Clone();
        foreach (var (at, value) in edits)
        {
            bytes[116 + (at % (bytes.Length - 116))] = value; // past the free-text header, where the structure is
        }

        return cut > 0 ? bytes[..(bytes.Length - (bytes.Length * cut / 16))] : bytes;
    }
}
