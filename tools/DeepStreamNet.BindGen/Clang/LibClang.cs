using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DeepStreamNet.BindGen.Clang;

/// <summary>The subset of libclang's stable C API the generator calls (resolved by <see cref="LibClangResolver"/>).</summary>
internal static unsafe partial class LibClang
{
    public const string Name = "libclang";

    [LibraryImport(Name)] public static partial void* clang_createIndex(int excludeDeclarationsFromPCH, int displayDiagnostics);
    [LibraryImport(Name)] public static partial void clang_disposeIndex(void* index);
    [LibraryImport(Name)] public static partial int clang_parseTranslationUnit2(void* index, byte* sourceFilename, byte** commandLineArgs, int numCommandLineArgs, CXUnsavedFile* unsavedFiles, uint numUnsavedFiles, uint options, void** outTu);
    [LibraryImport(Name)] public static partial void clang_disposeTranslationUnit(void* tu);
    [LibraryImport(Name)] public static partial uint clang_getNumDiagnostics(void* tu);
    [LibraryImport(Name)] public static partial void* clang_getDiagnostic(void* tu, uint index);
    [LibraryImport(Name)] public static partial int clang_getDiagnosticSeverity(void* diagnostic);
    [LibraryImport(Name)] public static partial CXString clang_formatDiagnostic(void* diagnostic, uint options);
    [LibraryImport(Name)] public static partial void clang_disposeDiagnostic(void* diagnostic);
    [LibraryImport(Name)] public static partial CXCursor clang_getTranslationUnitCursor(void* tu);
    [LibraryImport(Name)] public static partial uint clang_visitChildren(CXCursor parent, delegate* unmanaged[Cdecl]<CXCursor, CXCursor, void*, int> visitor, void* clientData);

    [LibraryImport(Name)] public static partial byte* clang_getCString(CXString str);
    [LibraryImport(Name)] public static partial void clang_disposeString(CXString str);
    [LibraryImport(Name)] public static partial CXString clang_getClangVersion();

    [LibraryImport(Name)] public static partial int clang_getCursorKind(CXCursor cursor);
    [LibraryImport(Name)] public static partial CXString clang_getCursorSpelling(CXCursor cursor);
    [LibraryImport(Name)] public static partial CXString clang_getCursorUSR(CXCursor cursor);
    [LibraryImport(Name)] public static partial CXType clang_getCursorType(CXCursor cursor);
    [LibraryImport(Name)] public static partial CXType clang_getCursorResultType(CXCursor cursor);
    [LibraryImport(Name)] public static partial CXSourceLocation clang_getCursorLocation(CXCursor cursor);
    [LibraryImport(Name)] public static partial CXSourceRange clang_getCursorExtent(CXCursor cursor);
    [LibraryImport(Name)] public static partial CXCursor clang_getCursorDefinition(CXCursor cursor);
    [LibraryImport(Name)] public static partial uint clang_isCursorDefinition(CXCursor cursor);
    [LibraryImport(Name)] public static partial int clang_getCursorAvailability(CXCursor cursor);
    [LibraryImport(Name)] public static partial uint clang_Cursor_isNull(CXCursor cursor);
    [LibraryImport(Name)] public static partial uint clang_Cursor_isAnonymousRecordDecl(CXCursor cursor);
    [LibraryImport(Name)] public static partial uint clang_Cursor_isBitField(CXCursor cursor);
    [LibraryImport(Name)] public static partial int clang_getFieldDeclBitWidth(CXCursor cursor);
    [LibraryImport(Name)] public static partial long clang_Cursor_getOffsetOfField(CXCursor cursor);
    [LibraryImport(Name)] public static partial int clang_Cursor_getNumArguments(CXCursor cursor);
    [LibraryImport(Name)] public static partial CXCursor clang_Cursor_getArgument(CXCursor cursor, uint index);
    [LibraryImport(Name)] public static partial uint clang_Cursor_isFunctionInlined(CXCursor cursor);
    [LibraryImport(Name)] public static partial int clang_Cursor_getStorageClass(CXCursor cursor);
    [LibraryImport(Name)] public static partial uint clang_Cursor_isMacroFunctionLike(CXCursor cursor);
    [LibraryImport(Name)] public static partial CXType clang_getTypedefDeclUnderlyingType(CXCursor cursor);
    [LibraryImport(Name)] public static partial CXType clang_getEnumDeclIntegerType(CXCursor cursor);
    [LibraryImport(Name)] public static partial long clang_getEnumConstantDeclValue(CXCursor cursor);
    [LibraryImport(Name)] public static partial ulong clang_getEnumConstantDeclUnsignedValue(CXCursor cursor);

    [LibraryImport(Name)] public static partial CXString clang_getTypeSpelling(CXType type);
    [LibraryImport(Name)] public static partial CXType clang_getCanonicalType(CXType type);
    [LibraryImport(Name)] public static partial CXCursor clang_getTypeDeclaration(CXType type);
    [LibraryImport(Name)] public static partial CXType clang_getPointeeType(CXType type);
    [LibraryImport(Name)] public static partial CXType clang_getResultType(CXType type);
    [LibraryImport(Name)] public static partial int clang_getNumArgTypes(CXType type);
    [LibraryImport(Name)] public static partial CXType clang_getArgType(CXType type, uint index);
    [LibraryImport(Name)] public static partial uint clang_isFunctionTypeVariadic(CXType type);
    [LibraryImport(Name)] public static partial CXType clang_getArrayElementType(CXType type);
    [LibraryImport(Name)] public static partial long clang_getArraySize(CXType type);
    [LibraryImport(Name)] public static partial long clang_Type_getSizeOf(CXType type);
    [LibraryImport(Name)] public static partial long clang_Type_getAlignOf(CXType type);
    [LibraryImport(Name)] public static partial long clang_Type_getOffsetOf(CXType type, byte* fieldName);
    [LibraryImport(Name)] public static partial CXType clang_Type_getNamedType(CXType type);
    [LibraryImport(Name)] public static partial CXType clang_Type_getModifiedType(CXType type);
    [LibraryImport(Name)] public static partial CXType clang_Type_getValueType(CXType type);
    [LibraryImport(Name)] public static partial uint clang_isConstQualifiedType(CXType type);

    [LibraryImport(Name)] public static partial void clang_getFileLocation(CXSourceLocation location, void** file, uint* line, uint* column, uint* offset);
    [LibraryImport(Name)] public static partial CXString clang_getFileName(void* file);
    [LibraryImport(Name)] public static partial void clang_tokenize(void* tu, CXSourceRange range, CXToken** tokens, uint* numTokens);
    [LibraryImport(Name)] public static partial void clang_disposeTokens(void* tu, CXToken* tokens, uint numTokens);
    [LibraryImport(Name)] public static partial CXString clang_getTokenSpelling(void* tu, CXToken token);
    [LibraryImport(Name)] public static partial int clang_getTokenKind(CXToken token);

    /// <summary>Copies a CXString into a managed string and disposes it.</summary>
    public static string Take(CXString s)
    {
        try
        {
            byte* p = clang_getCString(s);
            return p == null ? string.Empty : Marshal.PtrToStringUTF8((nint)p) ?? string.Empty;
        }
        finally
        {
            clang_disposeString(s);
        }
    }

    [ModuleInitializer]
    internal static void RegisterResolver() => NativeLibrary.SetDllImportResolver(typeof(LibClang).Assembly, LibClangResolver.Resolve);
}
