using DeepStreamNet.BindGen.Clang;

namespace DeepStreamNet.BindGen.Parsing;

/// <summary>
/// Maps C types to blittable C# spellings (LP64: long = 64 bits; char = byte; _Bool = byte; function pointers =
/// <c>delegate* unmanaged[Cdecl]</c>) and reports every named struct/union/enum it meets.
/// </summary>
internal sealed class TypeMapper(SetIndex index, IReadOnlyDictionary<string, string> remap, Action<string, TypeUse> use)
{
    private static readonly HashSet<string> FixedBufferTypes = new(StringComparer.Ordinal)
    {
        "byte", "sbyte", "short", "ushort", "int", "uint", "long", "ulong", "float", "double",
    };

    /// <summary>True when C# allows a <c>fixed</c> buffer of this element type.</summary>
    public static bool IsFixedBufferElement(string cs) => FixedBufferTypes.Contains(cs);

    public string Map(CXType type) => Map(type, viaPointer: false);

    /// <summary>The C spelling to keep in [NativeTypeName] when it says more than the C# spelling.</summary>
    public static string? NativeName(CXType type, string cs)
    {
        string spelling = Cursors.NativeSpelling(type);
        return string.Equals(spelling.Replace(" ", string.Empty, StringComparison.Ordinal), cs.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal)
            ? null
            : spelling;
    }

    private string Map(CXType type, bool viaPointer)
    {
        var t = Cursors.Desugar(type);
        switch (t.Kind)
        {
            case TypeKind.Typedef:
                {
                    var decl = LibClang.clang_getTypeDeclaration(t);
                    string name = Cursors.Spelling(decl);
                    if (remap.TryGetValue(name, out string? mapped))
                    {
                        return mapped;
                    }

                    return Map(LibClang.clang_getTypedefDeclUnderlyingType(decl), viaPointer);
                }

            case TypeKind.Record:
                {
                    var decl = LibClang.clang_getTypeDeclaration(t);
                    string name = index.NameOf(decl) ?? throw new UnmappableTypeException($"anonymous record '{Cursors.Spelling(t)}' outside a field");
                    use(name, viaPointer ? TypeUse.RecordByPointer : TypeUse.RecordByValue);
                    return name;
                }

            case TypeKind.Enum:
                {
                    var decl = LibClang.clang_getTypeDeclaration(t);
                    string? name = index.NameOf(decl);
                    if (name == null)
                    {
                        return Map(LibClang.clang_getEnumDeclIntegerType(decl), viaPointer);
                    }

                    use(name, TypeUse.Enum);
                    return name;
                }

            case TypeKind.Pointer:
                {
                    var pointee = LibClang.clang_getPointeeType(t);
                    var canonical = LibClang.clang_getCanonicalType(pointee);
                    if (canonical.Kind == TypeKind.FunctionProto)
                    {
                        return FunctionPointer(canonical);
                    }

                    if (canonical.Kind == TypeKind.FunctionNoProto)
                    {
                        return "void*";
                    }

                    return Map(pointee, viaPointer: true) + "*";
                }

            case TypeKind.ConstantArray:
            case TypeKind.IncompleteArray:
                // Only parameters reach here (fields handle arrays themselves): C passes arrays as pointers.
                return Map(LibClang.clang_getArrayElementType(t), viaPointer: true) + "*";

            case TypeKind.FunctionProto:
                return FunctionPointer(t);

            default:
                return Builtin(t);
        }
    }

    private string FunctionPointer(CXType proto)
    {
        if (LibClang.clang_isFunctionTypeVariadic(proto) != 0)
        {
            return "void*";
        }

        var parts = new List<string>();
        int n = LibClang.clang_getNumArgTypes(proto);
        for (uint i = 0; i < n; i++)
        {
            parts.Add(Map(LibClang.clang_getArgType(proto, i), viaPointer: false));
        }

        parts.Add(Map(LibClang.clang_getResultType(proto), viaPointer: false));
        return "delegate* unmanaged[Cdecl]<" + string.Join(", ", parts) + ">";
    }

    private static string Builtin(CXType t) => t.Kind switch
    {
        TypeKind.Void => "void",
        TypeKind.Bool => "byte",
        TypeKind.CharU or TypeKind.UChar or TypeKind.CharS => "byte",
        TypeKind.SChar => "sbyte",
        TypeKind.Char16 or TypeKind.UShort => "ushort",
        TypeKind.Short => "short",
        TypeKind.Char32 or TypeKind.UInt => "uint",
        TypeKind.WChar or TypeKind.Int => "int",
        TypeKind.ULong or TypeKind.ULongLong => "ulong",
        TypeKind.Long or TypeKind.LongLong => "long",
        TypeKind.Float => "float",
        TypeKind.Double => "double",
        _ => throw new UnmappableTypeException($"C type '{Cursors.Spelling(t)}' has no blittable C# equivalent"),
    };
}
