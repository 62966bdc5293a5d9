namespace DeepStreamNet.BindGen.Clang;

// The few enumerator values of clang-c/Index.h the generator needs (stable across LLVM releases).

internal static class CursorKind
{
    public const int StructDecl = 2;
    public const int UnionDecl = 3;
    public const int EnumDecl = 5;
    public const int FieldDecl = 6;
    public const int EnumConstantDecl = 7;
    public const int FunctionDecl = 8;
    public const int ParmDecl = 10;
    public const int TypedefDecl = 20;
    public const int MacroDefinition = 501;
}

internal static class TypeKind
{
    public const int Invalid = 0;
    public const int Unexposed = 1;
    public const int Void = 2;
    public const int Bool = 3;
    public const int CharU = 4;
    public const int UChar = 5;
    public const int Char16 = 6;
    public const int Char32 = 7;
    public const int UShort = 8;
    public const int UInt = 9;
    public const int ULong = 10;
    public const int ULongLong = 11;
    public const int UInt128 = 12;
    public const int CharS = 13;
    public const int SChar = 14;
    public const int WChar = 15;
    public const int Short = 16;
    public const int Int = 17;
    public const int Long = 18;
    public const int LongLong = 19;
    public const int Int128 = 20;
    public const int Float = 21;
    public const int Double = 22;
    public const int LongDouble = 23;
    public const int Pointer = 101;
    public const int Record = 105;
    public const int Enum = 106;
    public const int Typedef = 107;
    public const int FunctionNoProto = 110;
    public const int FunctionProto = 111;
    public const int ConstantArray = 112;
    public const int IncompleteArray = 114;
    public const int Elaborated = 119;
    public const int Attributed = 163;
    public const int Atomic = 177;
}

internal static class TokenKind
{
    public const int Punctuation = 0;
    public const int Keyword = 1;
    public const int Identifier = 2;
    public const int Literal = 3;
}

internal static class TranslationUnitFlags
{
    public const uint DetailedPreprocessingRecord = 0x01;
    public const uint SkipFunctionBodies = 0x40;
}
