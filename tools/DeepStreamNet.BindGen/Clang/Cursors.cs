using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace DeepStreamNet.BindGen.Clang;

/// <summary>Convenience accessors over libclang cursors and types.</summary>
internal static unsafe partial class Cursors
{
    /// <summary>The direct children of a cursor, in source order.</summary>
    public static List<CXCursor> Children(CXCursor parent)
    {
        var list = new List<CXCursor>();
        var handle = GCHandle.Alloc(list);
        try
        {
            _ = LibClang.clang_visitChildren(parent, &Visit, (void*)GCHandle.ToIntPtr(handle));
        }
        finally
        {
            handle.Free();
        }

        return list;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Visit(CXCursor cursor, CXCursor parent, void* clientData)
    {
        var list = (List<CXCursor>)GCHandle.FromIntPtr((nint)clientData).Target!;
        list.Add(cursor);
        return 1; // CXChildVisit_Continue
    }

    public static int Kind(CXCursor c) => LibClang.clang_getCursorKind(c);

    public static string Spelling(CXCursor c) => LibClang.Take(LibClang.clang_getCursorSpelling(c));

    public static string Usr(CXCursor c) => LibClang.Take(LibClang.clang_getCursorUSR(c));

    public static string Spelling(CXType t) => LibClang.Take(LibClang.clang_getTypeSpelling(t));

    /// <summary>
    /// A type's C spelling for [NativeTypeName]; anonymous types lose their "at /path:line:col" so that the
    /// output does not depend on where the headers are installed.
    /// </summary>
    public static string NativeSpelling(CXType t) => AnonymousLocation().Replace(Spelling(t), "(anonymous $2)");

    [GeneratedRegex(@"\((unnamed|anonymous) (struct|union|enum) at [^)]*\)")]
    private static partial Regex AnonymousLocation();

    public static bool IsNull(CXCursor c) => LibClang.clang_Cursor_isNull(c) != 0;

    /// <summary>Path of the file the cursor is in ("" for built-ins and the command line).</summary>
    public static string FilePath(CXCursor c)
    {
        void* file = null;
        uint line, column, offset;
        LibClang.clang_getFileLocation(LibClang.clang_getCursorLocation(c), &file, &line, &column, &offset);
        return file == null ? string.Empty : LibClang.Take(LibClang.clang_getFileName(file));
    }

    public static uint Line(CXCursor c)
    {
        void* file = null;
        uint line, column, offset;
        LibClang.clang_getFileLocation(LibClang.clang_getCursorLocation(c), &file, &line, &column, &offset);
        return line;
    }

    /// <summary>Strips sugar that carries no layout (elaborated, attributed, atomic) but keeps typedefs.</summary>
    public static CXType Desugar(CXType t)
    {
        while (true)
        {
            switch (t.Kind)
            {
                case TypeKind.Elaborated: t = LibClang.clang_Type_getNamedType(t); break;
                case TypeKind.Attributed: t = LibClang.clang_Type_getModifiedType(t); break;
                case TypeKind.Atomic: t = LibClang.clang_Type_getValueType(t); break;
                default: return t;
            }
        }
    }

    /// <summary>Anonymous records spell as "struct (unnamed at …)" / "(anonymous …)" or empty.</summary>
    public static bool IsAnonymousName(string spelling) =>
        spelling.Length == 0 || spelling.Contains("(unnamed", StringComparison.Ordinal) || spelling.Contains("(anonymous", StringComparison.Ordinal);
}
