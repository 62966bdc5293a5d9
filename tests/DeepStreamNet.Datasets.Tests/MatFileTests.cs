using System.Globalization;
using System.Text;
using DeepStreamNet.Datasets.Mat;
using NUnit.Framework;

namespace DeepStreamNet.Datasets.Tests;

public sealed class MatFileTests
{
    private static readonly string[] TrainVariants = ["LabelTrainAll.mat", "LabelTrainAll_compressed.mat", "LabelTrainAll_matlabstyle.mat"];
    private static readonly string[] TestVariants = ["LabelTestAll.mat", "LabelTestAll_compressed.mat", "LabelTestAll_matlabstyle.mat"];

    private static string TrainFile(string name) => SharedData.Fixture("mafa", "MAFA-Label-Train", name);

    private static string TestFile(string name) => SharedData.Fixture("mafa", "MAFA-Label-Test", name);

    [TestCaseSource(nameof(TrainVariants))]
    public void Train_label_file_matches_expected_rows(string file)
    {
        var path = TrainFile(file);
        if (!File.Exists(path))
        {
            Assert.Ignore($"{file} not in this fixture");
        }

        var mat = MatFile.Read(path);
        Assert.That(mat.HeaderText, Does.StartWith("MATLAB 5.0 MAT-file"));
        var s = (MatStructArray)mat["label_train"];
        Assert.That(s.FieldNames, Is.EqualTo(new[] { "orgImgName", "imgName", "label" }));
        Assert.That(s.Dimensions, Is.EqualTo(new[] { 1, 4 }));
        CheckAgainstExpected("train", e => ((MatCharArray)s[e, 1]).Text, e => (MatNumericArray)s[e, 2], cols: 21, occType: 12, occDegree: 13);
        Assert.That(((MatCharArray)s[0, 0]).Text, Is.EqualTo("maksssksksss40.png"));
    }

    [TestCaseSource(nameof(TestVariants))]
    public void Test_label_file_matches_expected_rows(string file)
    {
        var mat = MatFile.Read(TestFile(file));
        var s = (MatStructArray)mat["LabelTest"];
        Assert.That(s.FieldNames, Is.EqualTo(new[] { "name", "label" }));
        CheckAgainstExpected("test", e => ((MatCharArray)s[e, 0]).Text, e => (MatNumericArray)s[e, 1], cols: 18, occType: 9, occDegree: 10);
    }

    [Test]
    public void Matlab_style_integer_storage_keeps_the_double_class()
    {
        var plain = (MatStructArray)MatFile.Read(TestFile("LabelTestAll.mat"))["LabelTest"];
        var ml = (MatStructArray)MatFile.Read(TestFile("LabelTestAll_matlabstyle.mat"))["LabelTest"];
        for (var e = 0; e < plain.Count; e++)
        {
            var a = (MatNumericArray)plain[e, "label"];
            var b = (MatNumericArray)ml[e, "label"];
            Assert.That(b.Class, Is.EqualTo(MatClass.Double));
            Assert.That(b.Real, Is.TypeOf<double[]>());
            Assert.That(b.As<double>(), Is.EqualTo(a.As<double>()));
        }
    }

    [Test]
    public void All_three_train_variants_hold_identical_values()
    {
        var arrays = TrainVariants.Select(f => (MatStructArray)MatFile.Read(TrainFile(f))["label_train"]).ToList();
        for (var e = 0; e < 4; e++)
        {
            var reference = ((MatNumericArray)arrays[0][e, 2]).As<double>();
            foreach (var a in arrays.Skip(1))
            {
                Assert.That(((MatNumericArray)a[e, 2]).As<double>(), Is.EqualTo(reference));
                Assert.That(((MatCharArray)a[e, 1]).Text, Is.EqualTo(((MatCharArray)arrays[0][e, 1]).Text));
            }
        }

        Assert.That(((MatNumericArray)arrays[0][0, 2]).ToDoubles().Any(v => v != Math.Floor(v)), Is.True, "fixture has fractional eye coordinates");
    }

    private static void CheckAgainstExpected(string split, Func<int, string> name, Func<int, MatNumericArray> label, int cols, int occType, int occDegree)
    {
        var rows = SharedData.ReadTsv(SharedData.Fixture("mafa", "EXPECTED.tsv")).Where(r => r["split"] == split).ToList();
        Assert.That(rows, Is.Not.Empty);
        foreach (var r in rows)
        {
            var e = int.Parse(r["struct_index"], CultureInfo.InvariantCulture) - 1;
            var row = int.Parse(r["row"], CultureInfo.InvariantCulture) - 1;
            Assert.That("images/" + name(e), Is.EqualTo(r["image"]));
            var m = label(e);
            Assert.That(m.Columns, Is.EqualTo(cols));
            Assert.That(m[row, 0], Is.EqualTo(double.Parse(r["x"], CultureInfo.InvariantCulture)));
            Assert.That(m[row, 1], Is.EqualTo(double.Parse(r["y"], CultureInfo.InvariantCulture)));
            Assert.That(m[row, 2], Is.EqualTo(double.Parse(r["w"], CultureInfo.InvariantCulture)));
            Assert.That(m[row, 3], Is.EqualTo(double.Parse(r["h"], CultureInfo.InvariantCulture)));
            Assert.That(m[row, occType], Is.EqualTo(double.Parse(r["occ_type"], CultureInfo.InvariantCulture)));
            Assert.That(m[row, occDegree], Is.EqualTo(double.Parse(r["occ_degree"], CultureInfo.InvariantCulture)));
            if (split == "test")
            {
                Assert.That(m[row, 4], Is.EqualTo(double.Parse(r["face_type"], CultureInfo.InvariantCulture)));
            }
        }

        Assert.That(rows.Select(r => (r["struct_index"], r["row"])).Distinct().Count(), Is.EqualTo(rows.Count));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Reads_every_numeric_class_in_either_byte_order(bool bigEndian)
    {
        var b = new MatBuilder(bigEndian);
        var bytes = MatBuilder.File(
            b.Header(),
            b.Matrix("d", 6, [2, 2], b.Doubles(1.5, -2, 3.25, 4)),
            b.Matrix("s", 7, [1, 2], b.Singles(0.5f, -1.5f)),
            b.Matrix("i8", 8, [1, 3], b.Element(MatBuilder.MiInt8, [0xFF, 0x7F, 0x80])),
            b.Matrix("u8", 9, [1, 2], b.UInt8s(200, 7)),
            b.Matrix("i16", 10, [1, 2], b.Int16s(-300, 300)),
            b.Matrix("u16", 11, [1, 1], b.Element(MatBuilder.MiUInt16, b.U16(65535))),
            b.Matrix("i32", 12, [1, 2], b.Int32s(-70000, 70000)),
            b.Matrix("u32", 13, [1, 1], b.Element(MatBuilder.MiUInt32, b.U32(4000000000))),
            b.Matrix("i64", 14, [1, 1], b.Int64s(-9007199254740993L)),
            b.Matrix("u64", 15, [1, 1], b.Element(MatBuilder.MiUInt64, b.U64(18446744073709551615UL))),
            b.Matrix("dint", 6, [1, 3], b.Int16s(-1, 0, 1200)),
            b.Matrix("flag", 9, [1, 2], 0x0200, b.UInt8s(1, 0)),
            b.Matrix("z", 6, [1, 2], 0x0800, b.Doubles(1, 2), b.Doubles(-1, 0.5)));
        var mat = MatFile.Parse(bytes, "numeric.mat");
        Assert.That(mat.IsBigEndian, Is.EqualTo(bigEndian));
        var d = (MatNumericArray)mat["d"];
        Assert.That(d[0, 0], Is.EqualTo(1.5));
        Assert.That(d[1, 0], Is.EqualTo(-2));
        Assert.That(d[0, 1], Is.EqualTo(3.25), "column-major");
        Assert.That(((MatNumericArray)mat["s"]).As<float>(), Is.EqualTo(new[] { 0.5f, -1.5f }));
        Assert.That(((MatNumericArray)mat["i8"]).As<sbyte>(), Is.EqualTo(new sbyte[] { -1, 127, -128 }));
        Assert.That(((MatNumericArray)mat["u8"]).As<byte>(), Is.EqualTo(new byte[] { 200, 7 }));
        Assert.That(((MatNumericArray)mat["i16"]).As<short>(), Is.EqualTo(new short[] { -300, 300 }));
        Assert.That(((MatNumericArray)mat["u16"]).As<ushort>(), Is.EqualTo(new ushort[] { 65535 }));
        Assert.That(((MatNumericArray)mat["i32"]).As<int>(), Is.EqualTo(new[] { -70000, 70000 }));
        Assert.That(((MatNumericArray)mat["u32"]).As<uint>(), Is.EqualTo(new[] { 4000000000u }));
        Assert.That(((MatNumericArray)mat["i64"]).As<long>(), Is.EqualTo(new[] { -9007199254740993L }), "64-bit integers keep full precision");
        Assert.That(((MatNumericArray)mat["u64"]).As<ulong>(), Is.EqualTo(new[] { ulong.MaxValue }));
        Assert.That(((MatNumericArray)mat["dint"]).As<double>(), Is.EqualTo(new[] { -1.0, 0, 1200 }), "double class stored as int16");
        var flag = (MatNumericArray)mat["flag"];
        Assert.That(flag.IsLogical, Is.True);
        Assert.That(flag.ToDoubles(), Is.EqualTo(new[] { 1.0, 0 }));
        var z = (MatNumericArray)mat["z"];
        Assert.That(z.IsComplex, Is.True);
        Assert.That((double[])z.Imaginary!, Is.EqualTo(new[] { -1.0, 0.5 }));
    }

    [Test]
    public void Reads_char_cell_struct_object_and_sparse_arrays_compressed_or_not()
    {
        var b = new MatBuilder();
        var chars = b.Matrix("c", 4, [2, 3], b.Utf16("adbecf")); // rows "abc", "def" column-major
        var utf8 = b.Matrix("u", 4, [1, 4], b.Element(MatBuilder.MiUtf8, Encoding.UTF8.GetBytes("café")));
        var cell = b.Matrix("cell", 1, [1, 3], b.Matrix(string.Empty, 4, [1, 2], b.Utf16("hi")), b.Matrix(string.Empty, 6, [1, 1], b.Doubles(7)), b.Element(MatBuilder.MiMatrix, []));
        var fieldNames = Encoding.ASCII.GetBytes("name\0\0\0\0val\0\0\0\0\0");
        var st = b.Matrix("st", 2, [1, 2],
            b.Element(MatBuilder.MiInt32, b.U32(8)), b.Element(MatBuilder.MiInt8, fieldNames),
            b.Matrix(string.Empty, 4, [1, 1], b.Utf16("a")), b.Matrix(string.Empty, 6, [1, 1], b.Doubles(1)),
            b.Matrix(string.Empty, 4, [1, 1], b.Utf16("b")), b.Matrix(string.Empty, 6, [1, 1], b.Doubles(2)));
        var obj = b.Matrix("obj", 3, [1, 1],
            b.Element(MatBuilder.MiInt8, Encoding.ASCII.GetBytes("Point")),
            b.Element(MatBuilder.MiInt32, b.U32(4)), b.Element(MatBuilder.MiInt8, Encoding.ASCII.GetBytes("x\0\0\0")),
            b.Matrix(string.Empty, 6, [1, 1], b.Doubles(3)));

        // 3x2 sparse with (0,0)=5 and (2,1)=-1.
        var sparse = b.Matrix("sp", 5, [3, 2], b.Int32s(0, 2), b.Int32s(0, 1, 2), b.Doubles(5, -1));
        var bytes = MatBuilder.File(b.Header(), chars, b.Compressed(utf8), cell, b.Compressed(st), obj, sparse);
        var mat = MatFile.Parse(bytes, "mixed.mat");

        Assert.That(((MatCharArray)mat["c"]).RowStrings, Is.EqualTo(new[] { "abc", "def" }));
        Assert.That(((MatCharArray)mat["u"]).Text, Is.EqualTo("café"));
        var c = (MatCellArray)mat["cell"];
        Assert.That(((MatCharArray)c[0]).Text, Is.EqualTo("hi"));
        Assert.That(((MatNumericArray)c[1])[0], Is.EqualTo(7));
        Assert.That(c[2].Count, Is.Zero, "empty miMATRIX is an empty array");
        var s = (MatStructArray)mat["st"];
        Assert.That(s.FieldNames, Is.EqualTo(new[] { "name", "val" }));
        Assert.That(((MatCharArray)s[1, "name"]).Text, Is.EqualTo("b"));
        Assert.That(((MatNumericArray)s[1, 1])[0], Is.EqualTo(2));
        var o = (MatStructArray)mat["obj"];
        Assert.That(o.ObjectClassName, Is.EqualTo("Point"));
        Assert.That(((MatNumericArray)o[0, "x"])[0], Is.EqualTo(3));
        var sp = (MatNumericArray)mat["sp"];
        Assert.That(sp.IsSparse, Is.True);
        Assert.That(sp.ToDoubles(), Is.EqualTo(new[] { 5.0, 0, 0, 0, 0, -1 }));
    }

    [Test]
    public void Truncated_file_fails_with_its_name_and_offset()
    {
        var bytes = File.ReadAllBytes(TrainFile("LabelTrainAll.mat"));
        var ex = Assert.Throws<MatFormatException>(() => MatFile.Parse(bytes[..(bytes.Length / 2)], "cut.mat"));
        Assert.That(ex!.Message, Does.Contain("cut.mat").And.Contain("offset"));
    }

    [Test]
    public void Corrupt_zlib_stream_fails_clearly()
    {
        var bytes = File.ReadAllBytes(TrainFile("LabelTrainAll_compressed.mat"));
        for (var i = 140; i < 200; i++)
        {
            bytes[i] ^= 0x5A;
        }

        var ex = Assert.Throws<MatFormatException>(() => MatFile.Parse(bytes, "bad.mat"));
        Assert.That(ex!.Message, Does.Contain("bad.mat"));
    }

    [Test]
    public void Hdf5_and_v4_files_are_rejected_with_a_reason()
    {
        var v73 = new MatBuilder().Header("MATLAB 7.3 MAT-file, Platform: GLNXA64");
        Assert.That(() => MatFile.Parse(v73, "new.mat"), Throws.TypeOf<MatFormatException>().With.Message.Contains("v7.3"));
        var v4 = new byte[200];
        Assert.That(() => MatFile.Parse(v4, "old.mat"), Throws.TypeOf<MatFormatException>().With.Message.Contains("old.mat"));
        Assert.That(() => MatFile.Parse(new byte[10], "tiny.mat"), Throws.TypeOf<MatFormatException>().With.Message.Contains("too short"));
    }
}
