using System.Reflection;
using DeepStreamNet.Config;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Config;

/// <summary>Every key is declared once (type, default, range, backends) and the reader, records and validator use it.</summary>
public sealed class KeyDeclarationTests
{
    private static readonly Type[] Tables =
    [
        typeof(CommonKeys), typeof(ApplicationKeys), typeof(TiledDisplayKeys), typeof(SourceListKeys), typeof(SourceKeys),
        typeof(StreamMuxKeys), typeof(GieKeys), typeof(TrackerKeys), typeof(OsdKeys), typeof(SinkKeys), typeof(MessageKeys),
        typeof(NvInferKeys), typeof(ClassAttrKeys),
    ];

    private static IEnumerable<KeySpec> DeclaredKeys() =>
        Tables.SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => typeof(KeySpec).IsAssignableFrom(f.FieldType))
            .Select(f => (KeySpec)f.GetValue(null)!);

    private static IEnumerable<(string Table, IReadOnlyList<KeySpec> Keys)> AllTables() =>
        Enum.GetValues<GroupKind>().Where(k => k != GroupKind.Unknown).Select(k => (k.ToString(), ConfigSchema.KeysOf(k)))
            .Append(("property", (IReadOnlyList<KeySpec>)NvInferKeys.All)).Append(("class-attrs", ClassAttrKeys.All));

    [Test]
    public void Every_group_kind_has_a_table_without_repeated_names()
    {
        foreach (var (table, keys) in AllTables())
        {
            Assert.That(keys, Is.Not.Empty, table);
            Assert.That(keys.Select(k => k.Name), Is.Unique, table);
        }
    }

    [Test]
    public void Every_declared_key_is_in_a_table_the_reader_uses()
    {
        var inTables = AllTables().SelectMany(t => t.Keys).ToHashSet(ReferenceEqualityComparer.Instance);
        var missing = DeclaredKeys().Where(k => !inTables.Contains(k)).Select(k => k.Name).ToArray();
        Assert.That(missing, Is.Empty, "declared but not in any group's table, so never type- or range-checked");
    }

    [Test]
    public void Defaults_lie_within_the_declared_range()
    {
        foreach (var key in AllTables().SelectMany(t => t.Keys).OfType<KeySpec>())
        {
            if (key.DefaultValue is int or long or double)
            {
                var v = Convert.ToDouble(key.DefaultValue, System.Globalization.CultureInfo.InvariantCulture);
                Assert.That(key.RangeError(v), Is.Null, $"{key.Name} default {v}");
            }
        }
    }

    [Test]
    public void Enumeration_keys_allow_exactly_the_enum_values()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SourceKeys.Type.Allowed, Is.EqualTo(Enum.GetValues<SourceType>().Select(v => (int)v)));
            Assert.That(SinkKeys.Type.Allowed, Is.EqualTo(Enum.GetValues<SinkType>().Select(v => (int)v)));
            Assert.That(TiledDisplayKeys.Enable.Allowed, Is.EqualTo(Enum.GetValues<TilerMode>().Select(v => (int)v)));
            Assert.That(OsdKeys.ProcessMode.Allowed, Is.EqualTo(Enum.GetValues<OsdProcessMode>().Select(v => (int)v)));
        });
    }

    [Test]
    public void A_declaration_whose_value_type_does_not_match_its_key_type_is_refused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new Key<int>("x", KeyType.Double, 0), Throws.ArgumentException.With.Message.Contains("read as Double"));
            Assert.That(() => new Key<string?>("x", KeyType.Int, null), Throws.ArgumentException);
            Assert.That(new Key<int?>("x", KeyType.Int, null).DefaultValue, Is.Null);
        });
    }

    [Test]
    public void Record_defaults_are_the_declared_defaults()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new SourceGroup { Name = "s" }.NumSources, Is.EqualTo(SourceKeys.NumSources.Default));
            Assert.That(new SourceGroup { Name = "s" }.Latency, Is.EqualTo(SourceKeys.Latency.Default));
            Assert.That(new StreamMuxGroup().BatchedPushTimeout, Is.EqualTo(StreamMuxKeys.BatchedPushTimeout.Default));
            Assert.That(new SinkGroup { Name = "s" }.RtspPort, Is.EqualTo(SinkKeys.RtspPort.Default));
            Assert.That(new TrackerGroup().UserMetaPoolSize, Is.EqualTo(TrackerKeys.UserMetaPoolSize.Default));
            Assert.That(new ClassAttributes().PreClusterThreshold, Is.EqualTo(ClassAttrKeys.PreClusterThreshold.Default));
            Assert.That(new NvInferConfig { Path = "p" }.GieUniqueId, Is.EqualTo(NvInferKeys.GieUniqueId.Default));
        });
    }

    [Test]
    public void Absent_keys_read_as_their_declared_defaults()
    {
        using var dir = new TempConfigDir();
        var r = AppConfigLoader.Load(dir.WriteApp(extra: "[tracker]\nenable=0\n[osd]\nenable=1\n"));
        var c = r.Config!;
        Assert.Multiple(() =>
        {
            Assert.That(c.StreamMux.AttachSysTsAsNtp, Is.EqualTo(StreamMuxKeys.AttachSysTsAsNtp.Default));
            Assert.That(c.StreamMux.FrameDuration, Is.EqualTo(StreamMuxKeys.FrameDuration.Default));
            Assert.That(c.Tracker.DisplayTrackingId, Is.EqualTo(TrackerKeys.DisplayTrackingId.Default));
            Assert.That(c.Osd.DisplayBbox, Is.EqualTo(OsdKeys.DisplayBbox.Default));
            Assert.That(c.Sinks[0].UdpPort, Is.EqualTo(SinkKeys.UdpPort.Default));
            Assert.That(c.PrimaryGie!.BboxBorderColor, Is.EqualTo(GieKeys.BboxBorderColor.Default));
            Assert.That(c.PrimaryGie.Infer!.NetScaleFactor, Is.EqualTo(NvInferKeys.NetScaleFactor.Default));
        });
    }

    [Test]
    public void The_nvinfer_path_keys_are_the_path_typed_property_keys()
    {
        // custom-lib-path is the one exception: a bare library name resolves beside the portable plugin (CustomParserRule).
        var pathTyped = NvInferKeys.All.Where(k => k.Type == KeyType.Path && k != NvInferKeys.CustomLibPath).Select(k => k.Name);
        Assert.That(NvInferSchema.PathKeys, Is.EquivalentTo(pathTyped));
    }

    [Test]
    public void Range_errors_name_file_line_group_key_and_the_range()
    {
        using var dir = new TempConfigDir();
        var r = AppConfigLoader.Load(dir.WriteApp(extra: "[osd]\nenable=1\nborder-width=-3\n[tiled-display]\nenable=1\nrows=1\ncolumns=1\nwidth=99999\nheight=720\n", sink: "rtsp-port=70000\n")).Report;
        var osd = r.Issues.Single(i => i.Group == "osd" && i.Key == "border-width");
        Assert.Multiple(() =>
        {
            Assert.That(osd.ToString(), Is.EqualTo($"{dir.Path}/app.txt:24: [osd] border-width: error: border-width=-3 is out of range: 0..1024"));
            Assert.That(osd.Hint, Is.EqualTo("valid range: 0..1024"));
            Assert.That(r.Errors.Single(i => i.Group == "tiled-display").Message, Is.EqualTo($"width=99999 is out of range: 0..{CommonKeys.MaxDimension}"));
            Assert.That(r.Errors.Single(i => i.Group == "sink0").Message, Is.EqualTo("rtsp-port=70000 is out of range: 1..65535"));
        });
    }

    [Test]
    public void Out_of_range_values_in_nvinfer_files_and_lists_are_located_errors()
    {
        using var dir = new TempConfigDir();
        var r = AppConfigLoader.Load(dir.WriteApp(extra: "[primary-gie]\noperate-on-class-ids=0;-2\n"), null).Report;
        dir.WriteInfer("infer.txt", "num-detected-classes=2147483647\nnet-scale-factor=nan\n");
        var infer = AppConfigLoader.Load(Path.Combine(dir.Path, "app.txt")).Report;
        Assert.Multiple(() =>
        {
            Assert.That(r.Errors.Single().Message, Is.EqualTo("operate-on-class-ids=-2 is out of range: >= 0"));
            var classes = infer.Errors.Single(e => e.Key == "num-detected-classes");
            var inferPath = Path.Combine(dir.Path, "infer.txt");
            var line = Array.IndexOf(File.ReadAllLines(inferPath), "num-detected-classes=2147483647") + 1;
            Assert.That((classes.File, classes.Line), Is.EqualTo((inferPath, line)));
            Assert.That(classes.Message, Is.EqualTo($"num-detected-classes=2147483647 is out of range: 0..{CommonKeys.MaxClasses}"));
        });
    }

    [Test]
    public void Huge_source_numbers_and_counts_are_located_errors_not_exceptions()
    {
        using var dir = new TempConfigDir();
        var big = AppConfigLoader.Load(dir.WriteApp(extra: "[source99999999999999999999]\nenable=1\ntype=2\nuri=file:///x.mp4\n")).Report;
        var many = AppConfigLoader.Load(dir.WriteApp(source: "num-sources=2147483647\n")).Report;
        Assert.Multiple(() =>
        {
            var e = big.Errors.Single();
            Assert.That((e.Group, e.Line), Is.EqualTo(("source99999999999999999999", 21)));
            Assert.That(e.Message, Does.Contain($"larger than {int.MaxValue}"));
            Assert.That(many.Errors.Single().ToString(), Is.EqualTo($"{dir.Path}/app.txt:5: [source0] num-sources: error: num-sources=2147483647 is out of range: 0..{CommonKeys.MaxSources}"));
        });
    }

    [Test]
    public void The_total_number_of_streams_is_bounded()
    {
        using var dir = new TempConfigDir();
        var groups = string.Concat(Enumerable.Range(1, 2).Select(i => $"[source{i}]\nenable=1\ntype=3\nnum-sources=1000\nuri=rtsp://cam/%d\n"));
        var r = AppConfigLoader.Load(dir.WriteApp(extra: groups)).Report;
        Assert.That(r.Errors.Select(e => e.Message), Has.Some.StartsWith($"2001 sources (counting num-sources of type-3 groups); at most {CommonKeys.MaxSources}"));
    }

    [Test]
    public void Keys_a_backend_ignores_are_listed_by_their_declaration()
    {
        using var dir = new TempConfigDir();
        var config = AppConfigLoader.Load(dir.WriteApp(extra: "[tracker]\nenable=1\nll-lib-file=/opt/nvidia/deepstream/deepstream/lib/libnvds_nvmultiobjecttracker.so\ngpu-id=0\n", source: "gpu-id=1\n")).Config!;
        var ignored = KeySupport.IgnoredBy(config, KeyBackends.Portable);
        Assert.Multiple(() =>
        {
            Assert.That(ignored.Select(i => (i.Group, i.Key)), Is.EquivalentTo(new[] { ("source0", (string?)"gpu-id"), ("tracker", "ll-lib-file") }), "gpu-id=0 is the default: not listed");
            Assert.That(ignored[0].Message, Does.EndWith("has no effect on the portable runtime"));
            Assert.That(KeySupport.IgnoredBy(config, KeyBackends.DeepStream), Is.Empty);
        });
    }
}
