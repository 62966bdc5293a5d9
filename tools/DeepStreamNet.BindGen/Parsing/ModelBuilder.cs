using System.Globalization;
using DeepStreamNet.BindGen.Clang;
using DeepStreamNet.BindGen.Model;

namespace DeepStreamNet.BindGen.Parsing;

/// <summary>Turns libclang declarations of one translation unit into models (layout from clang's own record layout).</summary>
internal sealed unsafe class ModelBuilder(SetIndex index, TypeMapper mapper)
{
    public StructModel BuildRecord(string name, CXCursor definition) =>
        BuildRecord(definition, name, index.CNameOf(definition), string.Empty);

    private StructModel BuildRecord(CXCursor def, string csName, string probeRoot, string probePath)
    {
        var type = LibClang.clang_getCursorType(def);
        long size = LibClang.clang_Type_getSizeOf(type);
        long align = LibClang.clang_Type_getAlignOf(type);
        if (size < 0)
        {
            throw new UnmappableTypeException($"'{csName}' has no computable size (clang error {size})");
        }

        var fields = new List<FieldModel>();
        var bitfields = new List<BitfieldModel>();
        var nested = new List<StructModel>();
        CollectFields(def, 0, csName, probeRoot, probePath, fields, bitfields, nested);
        return new StructModel(csName, probePath.Length == 0 ? probeRoot : null, Cursors.Kind(def) == CursorKind.UnionDecl,
            size, align, fields, bitfields, nested, probeRoot, probePath);
    }

    private void CollectFields(CXCursor record, long baseBits, string csName, string probeRoot, string probePath,
        List<FieldModel> fields, List<BitfieldModel> bitfields, List<StructModel> nested)
    {
        var recordType = LibClang.clang_getCursorType(record);
        foreach (var child in Cursors.Children(record))
        {
            int kind = Cursors.Kind(child);
            if (kind == CursorKind.FieldDecl)
            {
                string cName = Cursors.Spelling(child);
                if (cName.Length == 0)
                {
                    continue; // unnamed bitfield padding
                }

                long bits = baseBits + LibClang.clang_Cursor_getOffsetOfField(child);
                string name = cName == csName ? cName + "_" : cName;
                if (LibClang.clang_Cursor_isBitField(child) != 0)
                {
                    AddBitfield(child, name, bits, fields, bitfields);
                }
                else
                {
                    AddField(child, name, cName, bits, csName, probeRoot, probePath, fields, nested);
                }
            }
            else if ((kind == CursorKind.StructDecl || kind == CursorKind.UnionDecl) && LibClang.clang_Cursor_isAnonymousRecordDecl(child) != 0)
            {
                // C11 anonymous member: its fields belong to this record; clang reports them relative to the member.
                var first = Cursors.Children(child).FirstOrDefault(c => Cursors.Kind(c) == CursorKind.FieldDecl && Cursors.Spelling(c).Length > 0);
                if (Cursors.Kind(first) != CursorKind.FieldDecl)
                {
                    throw new UnmappableTypeException($"'{csName}': anonymous member without a named field");
                }

                long inParent;
                fixed (byte* fname = System.Text.Encoding.UTF8.GetBytes(Cursors.Spelling(first) + "\0"))
                {
                    inParent = LibClang.clang_Type_getOffsetOf(recordType, fname);
                }

                long memberBits = inParent - LibClang.clang_Cursor_getOffsetOfField(first);
                CollectFields(child, baseBits + memberBits, csName, probeRoot, probePath, fields, bitfields, nested);
            }
        }
    }

    private void AddField(CXCursor field, string name, string cName, long bits, string owner, string probeRoot, string probePath,
        List<FieldModel> fields, List<StructModel> nested)
    {
        var type = LibClang.clang_getCursorType(field);
        var canonical = LibClang.clang_getCanonicalType(type);
        long offset = bits / 8;
        string childPath = probePath.Length == 0 ? cName : probePath + "." + cName;

        if (canonical.Kind == TypeKind.IncompleteArray)
        {
            return; // flexible array member: no storage of its own
        }

        if (canonical.Kind == TypeKind.Record && index.NameOf(LibClang.clang_getTypeDeclaration(canonical)) == null)
        {
            var model = BuildRecord(LibClang.clang_getTypeDeclaration(canonical), owner + "_" + name, probeRoot, childPath);
            nested.Add(model);
            fields.Add(new FieldModel(name, model.Name, null, offset, 0, cName, false));
            return;
        }

        if (canonical.Kind == TypeKind.ConstantArray)
        {
            AddArray(type, canonical, name, cName, offset, owner, probeRoot, childPath, fields, nested);
            return;
        }

        try
        {
            string cs = mapper.Map(type);
            fields.Add(new FieldModel(name, cs, TypeMapper.NativeName(type, cs), offset, 0, cName, false));
        }
        catch (UnmappableTypeException)
        {
            long size = LibClang.clang_Type_getSizeOf(type);
            fields.Add(new FieldModel(name, "byte", Cursors.NativeSpelling(type), offset, (int)size, cName, false));
        }
    }

    private void AddArray(CXType type, CXType canonical, string name, string cName, long offset, string owner, string probeRoot,
        string childPath, List<FieldModel> fields, List<StructModel> nested)
    {
        // Keep the element's typedef (gpointer, gboolean…) when the field is spelled as an array directly.
        var declared = Cursors.Desugar(type);
        var element = declared.Kind == TypeKind.ConstantArray ? LibClang.clang_getArrayElementType(declared) : LibClang.clang_getArrayElementType(canonical);
        long count = LibClang.clang_getArraySize(canonical);
        string elementPath = childPath + "[0]";
        while (LibClang.clang_getCanonicalType(element).Kind == TypeKind.ConstantArray)
        {
            var inner = LibClang.clang_getCanonicalType(element);
            count *= LibClang.clang_getArraySize(inner);
            element = Cursors.Desugar(element).Kind == TypeKind.ConstantArray ? LibClang.clang_getArrayElementType(Cursors.Desugar(element)) : LibClang.clang_getArrayElementType(inner);
            elementPath += "[0]";
        }

        var elementCanonical = LibClang.clang_getCanonicalType(element);
        string elementCs;
        if (elementCanonical.Kind == TypeKind.Record && index.NameOf(LibClang.clang_getTypeDeclaration(elementCanonical)) == null)
        {
            var model = BuildRecord(LibClang.clang_getTypeDeclaration(elementCanonical), owner + "_" + name, probeRoot, elementPath);
            nested.Add(model);
            elementCs = model.Name;
        }
        else
        {
            elementCs = mapper.Map(element);
        }

        string native = Cursors.NativeSpelling(type);
        if (TypeMapper.IsFixedBufferElement(elementCs))
        {
            fields.Add(new FieldModel(name, elementCs, native, offset, (int)count, cName, false));
            return;
        }

        // Pointers cannot be InlineArray elements that C# can index: store them as nint.
        bool isPointer = elementCs.EndsWith('*') || elementCs.StartsWith("delegate*", StringComparison.Ordinal);
        string helper = owner + "_" + name + "_e__FixedBuffer";
        var e0 = new FieldModel("e0", isPointer ? "nint" : elementCs, isPointer ? Cursors.NativeSpelling(element) : null, 0, 0, null, false);
        nested.Add(new StructModel(helper, null, false, 0, 0, [e0], [], [], string.Empty, string.Empty, (int)count));
        fields.Add(new FieldModel(name, helper, native, offset, 0, cName, false));
    }

    private void AddBitfield(CXCursor field, string name, long bits, List<FieldModel> fields, List<BitfieldModel> bitfields)
    {
        var type = LibClang.clang_getCursorType(field);
        var canonical = LibClang.clang_getCanonicalType(type);
        int width = LibClang.clang_getFieldDeclBitWidth(field);
        long unitBytes = LibClang.clang_Type_getSizeOf(canonical);
        long unitBits = unitBytes * 8;
        long storageOffset = bits / unitBits * unitBytes;
        int shift = (int)(bits - (storageOffset * 8));
        if (shift + width > unitBits)
        {
            throw new UnmappableTypeException($"bitfield '{name}' straddles its storage unit");
        }

        string storageType = unitBytes switch
        {
            1 => "byte",
            2 => "ushort",
            4 => "uint",
            8 => "ulong",
            _ => throw new UnmappableTypeException($"bitfield '{name}' has a {unitBytes}-byte storage unit"),
        };
        string storage = string.Create(CultureInfo.InvariantCulture, $"_bitfield_{storageOffset}_{unitBits}");
        if (!fields.Any(f => f.Name == storage))
        {
            fields.Add(new FieldModel(storage, storageType, null, storageOffset, 0, null, true));
        }

        string cs = mapper.Map(type);
        bool signed = canonical.Kind is TypeKind.CharS or TypeKind.SChar or TypeKind.Short or TypeKind.Int or TypeKind.Long or TypeKind.LongLong;
        string native = Cursors.NativeSpelling(type) + " : " + width.ToString(CultureInfo.InvariantCulture);
        bitfields.Add(new BitfieldModel(name, cs, native, storage, storageType, shift, width, signed));
    }

    public EnumModel BuildEnum(string name, CXCursor def, bool flags)
    {
        string underlying = mapper.Map(LibClang.clang_getEnumDeclIntegerType(def));
        bool unsigned = underlying is "uint" or "ulong" or "ushort" or "byte";
        var members = new List<EnumMemberModel>();
        foreach (var c in Cursors.Children(def))
        {
            if (Cursors.Kind(c) != CursorKind.EnumConstantDecl)
            {
                continue;
            }

            string value = unsigned
                ? FormatUnsigned(LibClang.clang_getEnumConstantDeclUnsignedValue(c), flags)
                : FormatSigned(LibClang.clang_getEnumConstantDeclValue(c), flags);
            members.Add(new EnumMemberModel(Cursors.Spelling(c), value));
        }

        return new EnumModel(name, underlying, flags, members);
    }

    /// <summary>Constants of an enum without a name (C code uses them as plain integers).</summary>
    public IEnumerable<ConstantModel> AnonymousEnumConstants(CXCursor def)
    {
        string underlying = mapper.Map(LibClang.clang_getEnumDeclIntegerType(def));
        bool unsigned = underlying is "uint" or "ulong" or "ushort" or "byte";
        foreach (var c in Cursors.Children(def))
        {
            if (Cursors.Kind(c) == CursorKind.EnumConstantDecl)
            {
                string value = unsigned
                    ? FormatUnsigned(LibClang.clang_getEnumConstantDeclUnsignedValue(c), false)
                    : FormatSigned(LibClang.clang_getEnumConstantDeclValue(c), false);
                yield return new ConstantModel(Cursors.Spelling(c), underlying, value, null);
            }
        }
    }

    private static string FormatSigned(long v, bool hex) =>
        hex && v >= 0 ? "0x" + v.ToString("X", CultureInfo.InvariantCulture) : v.ToString(CultureInfo.InvariantCulture);

    private static string FormatUnsigned(ulong v, bool hex) =>
        hex ? "0x" + v.ToString("X", CultureInfo.InvariantCulture) : v.ToString(CultureInfo.InvariantCulture);

    /// <summary>A function, or null with a reason when it cannot be bound (variadic, inline, deprecated, va_list…).</summary>
    public FunctionModel? BuildFunction(string name, CXCursor fn, Func<string> library, out string? skipReason)
    {
        var type = LibClang.clang_getCursorType(fn);
        if (type.Kind == TypeKind.FunctionProto && LibClang.clang_isFunctionTypeVariadic(type) != 0)
        {
            skipReason = "variadic";
            return null;
        }

        if (LibClang.clang_Cursor_isFunctionInlined(fn) != 0 || LibClang.clang_Cursor_getStorageClass(fn) == 3 /* CX_SC_Static */)
        {
            skipReason = "inline or static";
            return null;
        }

        if (LibClang.clang_getCursorAvailability(fn) == 1 /* CXAvailability_Deprecated */)
        {
            skipReason = "deprecated";
            return null;
        }

        try
        {
            var parameters = new List<ParameterModel>();
            var used = new HashSet<string>(StringComparer.Ordinal);
            int n = LibClang.clang_Cursor_getNumArguments(fn);
            for (uint i = 0; i < n; i++)
            {
                var arg = LibClang.clang_Cursor_getArgument(fn, i);
                var argType = LibClang.clang_getCursorType(arg);
                string spelling = Cursors.Spelling(argType);
                if (spelling.Contains("va_list", StringComparison.Ordinal))
                {
                    skipReason = "takes a va_list";
                    return null;
                }

                string pname = Cursors.Spelling(arg);
                if (pname.Length == 0 || !used.Add(pname))
                {
                    pname = "param" + i.ToString(CultureInfo.InvariantCulture);
                    used.Add(pname);
                }

                string cs = mapper.Map(argType);
                parameters.Add(new ParameterModel(pname, cs, TypeMapper.NativeName(argType, cs)));
            }

            var result = LibClang.clang_getCursorResultType(fn);
            string ret = mapper.Map(result);
            skipReason = null;
            return new FunctionModel(name, library(), ret, TypeMapper.NativeName(result, ret), parameters);
        }
        catch (UnmappableTypeException ex)
        {
            skipReason = ex.Message;
            return null;
        }
    }
}
