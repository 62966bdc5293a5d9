using NUnit.Framework;

namespace DeepStreamNet.BindGen.Tests;

/// <summary>Struct layout generation on small synthetic headers (offsets come from clang; spot values are the LP64 ABI).</summary>
public sealed class LayoutGenerationTests
{
    [Test]
    public void Anonymous_union_members_are_flattened_and_named_anonymous_structs_become_nested_types()
    {
        using var set = new SyntheticSet("""
            typedef struct {
              int kind;
              union { int i; double d; };
              struct { short a; short b; } pair;
            } Mixed;
            """);
        string cs = set.Cs("Mixed.cs");
        Assert.That(cs, Does.Contain("[StructLayout(LayoutKind.Explicit, Size = 24)]\npublic unsafe partial struct Mixed\n"));
        Assert.That(cs, Does.Contain("[FieldOffset(0)]\n    public int kind;"));
        Assert.That(cs, Does.Contain("[FieldOffset(8)]\n    public int i;"));
        Assert.That(cs, Does.Contain("[FieldOffset(8)]\n    public double d;"));
        Assert.That(cs, Does.Contain("[FieldOffset(16)]\n    public Mixed_pair pair;"));
        Assert.That(cs, Does.Contain("[StructLayout(LayoutKind.Explicit, Size = 4)]\npublic unsafe partial struct Mixed_pair"));
        Assert.That(cs, Does.Contain("[FieldOffset(2)]\n    public short b;"));

        string probe = set.Probe();
        Assert.That(probe, Does.Contain("{ \"Mixed\", \"i\", offsetof (Mixed, i), sizeof (((Mixed *) 0)->i) }"));
        Assert.That(probe, Does.Contain("{ \"Mixed_pair\", \"b\", offsetof (Mixed, pair.b) - offsetof (Mixed, pair), sizeof (((Mixed *) 0)->pair.b) }"));
        Assert.That(probe, Does.Contain("{ \"Mixed_pair\", NULL, 0, sizeof (((Mixed *) 0)->pair) }"));
    }

    [Test]
    public void Top_level_unions_overlay_every_member()
    {
        using var set = new SyntheticSet("typedef union _Val { char c; long long l; float f[3]; } Val;");
        string cs = set.Cs("Val.cs");
        Assert.That(cs, Does.Contain("Size = 16"));
        Assert.That(cs.Split("[FieldOffset(0)]").Length - 1, Is.EqualTo(3));
        Assert.That(cs, Does.Contain("public fixed float f[3];"));
    }

    [Test]
    public void Bitfields_get_one_backing_field_per_storage_unit_and_masking_properties()
    {
        using var set = new SyntheticSet("""
            typedef struct { unsigned a : 3; unsigned b : 5; int c : 4; unsigned char d; unsigned long long e : 40; } Bits;
            """);
        string cs = set.Cs("Bits.cs");
        Assert.That(cs, Does.Contain("[FieldOffset(0)]\n    public uint _bitfield_0_32;"));
        Assert.That(cs, Does.Contain("[FieldOffset(2)]\n    [NativeTypeName(\"unsigned char\")]\n    public byte d;"));
        // SysV packs the 40-bit field into the 8-byte unit at offset 0, after d (bits 24..63): a second, overlapping backing field.
        Assert.That(cs, Does.Contain("[StructLayout(LayoutKind.Explicit, Size = 8)]"));
        Assert.That(cs, Does.Contain("[FieldOffset(0)]\n    public ulong _bitfield_0_64;"));
        Assert.That(cs, Does.Contain("readonly get => (ulong)(((ulong)_bitfield_0_64 >> 24) & 0xFFFFFFFFFFUL);"));
        Assert.That(cs, Does.Contain("public uint b\n    {\n        readonly get => (uint)(((ulong)_bitfield_0_32 >> 3) & 0x1FUL);"));
        Assert.That(cs, Does.Contain("set => _bitfield_0_32 = (uint)(((ulong)_bitfield_0_32 & ~(0x1FUL << 3)) | (((ulong)value & 0x1FUL) << 3));"));
        // Signed bitfields sign-extend.
        Assert.That(cs, Does.Contain("readonly get => (int)((long)(((ulong)_bitfield_0_32 >> 8) << 60) >> 60);"));
        Assert.That(cs, Does.Contain("[NativeTypeName(\"unsigned long long : 40\")]"));
        Assert.That(set.Probe(), Does.Not.Contain("\"a\""), "bitfields have no offsetof");
    }

    [Test]
    public void Arrays_become_fixed_buffers_or_inline_arrays()
    {
        using var set = new SyntheticSet("""
            typedef struct { int x; } Inner;
            typedef struct { int v[4]; void *p[2]; Inner in[3]; char name[2][8]; struct { int q; } anon[2]; } Arr;
            """);
        string cs = set.Cs("Arr.cs");
        Assert.That(cs, Does.Contain("public fixed int v[4];"));
        Assert.That(cs, Does.Contain("public fixed byte name[16];"), "multi-dimensional arrays are flattened");
        Assert.That(cs, Does.Contain("public Arr_p_e__FixedBuffer p;"));
        Assert.That(cs, Does.Contain("[InlineArray(2)]\npublic unsafe partial struct Arr_p_e__FixedBuffer\n{\n    [NativeTypeName(\"void *\")]\n    public nint e0;"));
        Assert.That(cs, Does.Contain("[InlineArray(3)]\npublic unsafe partial struct Arr_in_e__FixedBuffer\n{\n    public Inner e0;"));
        Assert.That(cs, Does.Contain("public unsafe partial struct Arr_anon\n"));
        Assert.That(cs, Does.Contain("public Arr_anon e0;"));
        Assert.That(set.HasCs("Inner.cs"), Is.True, "element types held by value are generated");
        Assert.That(set.Probe(), Does.Contain("offsetof (Arr, anon[0].q) - offsetof (Arr, anon[0])"));
    }

    [Test]
    public void Types_used_by_value_are_pulled_in_and_types_only_pointed_to_stay_opaque()
    {
        using var set = new SyntheticSet("""
            typedef struct _Point { int x, y; } Point;
            typedef struct _Hidden Hidden;
            typedef struct _Big { int lots[64]; } Big;
            typedef struct { Point at; Hidden *h; Big *b; struct _Holder *self; } Holder;
            """, SyntheticSet.DefaultSet("\"types\": [\"Holder\"]"));
        Assert.That(set.Cs("Point.cs"), Does.Contain("[FieldOffset(4)]\n    public int y;"));
        Assert.That(set.Cs("Hidden.cs"), Does.Contain("/// <summary>Opaque C type: only used through pointers.</summary>\npublic partial struct Hidden\n{\n}"));
        Assert.That(set.Cs("Big.cs"), Does.Contain("public partial struct Big\n{\n}"), "complete but only pointed to: opaque");
        string holder = set.Cs("Holder.cs");
        Assert.That(holder, Does.Contain("public Hidden* h;"));
        Assert.That(holder, Does.Contain("public Point at;"));
        Assert.That(set.Probe(), Does.Not.Contain("\"Big\""));
    }

    [Test]
    public void Named_fields_that_clash_with_keywords_or_the_type_name_are_escaped()
    {
        using var set = new SyntheticSet("typedef struct { int @object; int @event; int value; } Kw;".Replace("@", string.Empty, StringComparison.Ordinal) +
            "\ntypedef struct { int Same; } Same;");
        Assert.That(set.Cs("Kw.cs"), Does.Contain("public int @object;").And.Contain("public int @event;"));
        Assert.That(set.Cs("Same.cs"), Does.Contain("public int Same_;"));
    }
}
