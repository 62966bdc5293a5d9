using NUnit.Framework;

namespace DeepStreamNet.BindGen.Tests;

/// <summary>Enums, functions, callbacks, constants and exclusions on synthetic headers.</summary>
public sealed class DeclarationGenerationTests
{
    [Test]
    public void Enums_keep_explicit_values_negative_ones_unsigned_bases_and_flags()
    {
        using var set = new SyntheticSet("""
            typedef enum { NEG = -1, ZERO = 0, BIG = 0x7FFFFFFF } Signed;
            typedef enum { T_FLAG_A = 1 << 0, T_FLAG_B = 1 << 1, T_FLAG_AB = T_FLAG_A | T_FLAG_B } TestFlags;
            typedef enum { U_MAX = 0xFFFFFFFFu, U_ONE = 1 } Uns;
            typedef enum { MASK_X = 4 } MaskKind;
            enum { ANON_A = 7, ANON_B };
            """, SyntheticSet.DefaultSet("\"flags\": [\"MaskKind\"]"));
        string signed = set.Cs("Signed.cs");
        Assert.That(signed, Does.Contain("public enum Signed\n{\n    NEG = -1,\n    ZERO = 0,\n    BIG = 2147483647,\n}"));
        Assert.That(set.Cs("TestFlags.cs"), Does.Contain("[Flags]\npublic enum TestFlags : uint\n{\n    T_FLAG_A = 0x1,\n    T_FLAG_B = 0x2,\n    T_FLAG_AB = 0x3,\n}"));
        Assert.That(set.Cs("Uns.cs"), Does.Contain("public enum Uns : uint\n{\n    U_MAX = 4294967295,\n    U_ONE = 1,\n}"));
        Assert.That(set.Cs("MaskKind.cs"), Does.StartWith("//").And.Contain("[Flags]\npublic enum MaskKind"));
        Assert.That(set.Cs("T.Constants.cs"), Does.Contain("public const uint ANON_A = 7;").Or.Contain("public const int ANON_A = 7;"));
        Assert.That(set.Cs("T.Constants.cs"), Does.Contain("ANON_B = 8;"));
    }

    [Test]
    public void Functions_are_blittable_LibraryImports_with_C_spellings_kept()
    {
        using var set = new SyntheticSet("""
            typedef int gboolean;
            typedef unsigned long gsize;
            typedef struct _Obj Obj;
            typedef int (*TCallback)(const char *text, void *user_data);
            gboolean t_register(Obj *obj, TCallback cb, void (*notify)(void *data), void *user_data);
            const char *t_name(const Obj *obj, gsize len, unsigned char flags[4]);
            void t_void(void);
            void t_lookup(int object, double *out);
            """, SyntheticSet.DefaultSet("\"remap\": { \"gboolean\": \"GBoolean\" }"));
        string cs = set.Cs("T.Functions.cs");
        Assert.That(cs, Does.Contain("public static unsafe partial class T"));
        Assert.That(cs, Does.Contain("[LibraryImport(\"testlib\")]\n    [return: NativeTypeName(\"gboolean\")]\n    public static partial GBoolean t_register(Obj* obj, " +
            "[NativeTypeName(\"TCallback\")] delegate* unmanaged[Cdecl]<byte*, void*, int> cb, " +
            "[NativeTypeName(\"void (*)(void *)\")] delegate* unmanaged[Cdecl]<void*, void> notify, void* user_data);"));
        Assert.That(cs, Does.Contain("[return: NativeTypeName(\"const char *\")]\n    public static partial byte* t_name([NativeTypeName(\"const Obj *\")] Obj* obj, " +
            "[NativeTypeName(\"gsize\")] ulong len, [NativeTypeName(\"unsigned char[4]\")] byte* flags);"));
        Assert.That(cs, Does.Contain("public static partial void t_void();"));
        Assert.That(cs, Does.Contain("public static partial void t_lookup(int @object, double* @out);"));
        Assert.That(set.Cs("Obj.cs"), Does.Contain("public partial struct Obj"));
    }

    [Test]
    public void Variadic_inline_deprecated_and_va_list_functions_are_skipped_with_a_reason()
    {
        using var set = new SyntheticSet("""
            #include <stdarg.h>
            void t_printf(const char *fmt, ...);
            void t_vprintf(const char *fmt, va_list ap);
            static inline int t_inline(int x) { return x + 1; }
            __attribute__((deprecated)) void t_old(void);
            void t_kept(void);
            void t_excluded(void);
            """, SyntheticSet.DefaultSet("\"exclude\": [\"t_exc*\"]"));
        var result = set.Run();
        string cs = set.Cs("T.Functions.cs");
        Assert.That(cs, Does.Contain("t_kept"));
        foreach (string name in new[] { "t_printf", "t_vprintf", "t_inline", "t_old", "t_excluded" })
        {
            Assert.That(cs, Does.Not.Contain(name + "("), name);
        }

        Assert.That(result.Notes, Has.Some.Contains("t_printf skipped: variadic"));
        Assert.That(result.Notes, Has.Some.Contains("t_vprintf skipped: takes a va_list"));
        Assert.That(result.Notes, Has.Some.Contains("t_inline skipped: inline or static"));
        Assert.That(result.Notes, Has.Some.Contains("t_old skipped: deprecated"));
    }

    [Test]
    public void Simple_literal_macros_become_typed_constants_and_others_are_ignored()
    {
        using var set = new SyntheticSet("""
            #define T_N 4
            #define T_NEG (-1)
            #define T_U 0xFFFFFFFFu
            #define T_HEX_INT 0x7F
            #define T_BIG 0xFFFFFFFFFFFFFFFF
            #define T_L 3000000000
            #define T_F 1.5f
            #define T_D 2.25
            #define T_S "nvdsmeta"
            #define T_EXPR (T_N + 1)
            #define T_FN(x) (x)
            #define T_GUARD
            """);
        string cs = set.Cs("T.Constants.cs");
        Assert.That(cs, Does.Contain("public const int T_N = 4;"));
        Assert.That(cs, Does.Contain("public const int T_NEG = -1;"));
        Assert.That(cs, Does.Contain("public const uint T_U = 0xFFFFFFFFU;"));
        Assert.That(cs, Does.Contain("public const int T_HEX_INT = 0x7F;"));
        Assert.That(cs, Does.Contain("public const ulong T_BIG = 0xFFFFFFFFFFFFFFFFUL;"));
        Assert.That(cs, Does.Contain("public const long T_L = 3000000000L;"));
        Assert.That(cs, Does.Contain("public const float T_F = 1.5f;"));
        Assert.That(cs, Does.Contain("public const double T_D = 2.25;"));
        Assert.That(cs, Does.Contain("public const string T_S = \"nvdsmeta\";"));
        Assert.That(cs, Does.Not.Contain("T_EXPR").And.Not.Contain("T_FN").And.Not.Contain("T_GUARD"));
    }

    [Test]
    public void Selection_takes_only_the_configured_files_and_name_globs()
    {
        using var set = new SyntheticSet("""
            #include "other.h"
            void t_take_me(void);
            void t_not_me(void);
            typedef struct { int a; } Wanted;
            typedef struct { int b; } Unwanted;
            """, SyntheticSet.DefaultSet("\"functions\": [\"t_take_*\"], \"types\": [\"Want*\"]"));
        File.WriteAllText(Path.Combine(set.Root, "T", "other.h"), "void t_from_other(void);\ntypedef struct { int c; } OtherType;\n");
        string cs = set.Cs("T.Functions.cs");
        Assert.That(cs, Does.Contain("t_take_me").And.Not.Contain("t_not_me").And.Not.Contain("t_from_other"));
        Assert.That(set.HasCs("Wanted.cs"), Is.True);
        Assert.That(set.HasCs("Unwanted.cs"), Is.False);
        Assert.That(set.HasCs("OtherType.cs"), Is.False);
    }
}
