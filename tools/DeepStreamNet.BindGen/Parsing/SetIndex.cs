using DeepStreamNet.BindGen.Clang;
using DeepStreamNet.BindGen.Config;

namespace DeepStreamNet.BindGen.Parsing;

/// <summary>The declarations of one parsed set, by C# name, plus which of them the set's filters select.</summary>
internal sealed class SetIndex : IDisposable
{
    private readonly Dictionary<string, string> _typedefNameByUsr = new(StringComparer.Ordinal);

    public SetIndex(string name, string setDir, SetConfig config, TranslationUnit tu)
    {
        Name = name;
        SetDir = setDir;
        Config = config;
        Tu = tu;
        ConfigPath = Path.Combine(setDir, ConfigLoader.SetFileName);
        Build();
    }

    public string Name { get; }

    public string SetDir { get; }

    public string ConfigPath { get; }

    public SetConfig Config { get; }

    public TranslationUnit Tu { get; }

    /// <summary>Named structs/unions: definition cursor when the TU has one, else a declaration.</summary>
    public Dictionary<string, CXCursor> Records { get; } = new(StringComparer.Ordinal);

    public HashSet<string> CompleteRecords { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, CXCursor> Enums { get; } = new(StringComparer.Ordinal);

    public List<CXCursor> AnonymousEnums { get; } = [];

    public Dictionary<string, CXCursor> Functions { get; } = new(StringComparer.Ordinal);

    public List<CXCursor> Macros { get; } = [];

    /// <summary>The C# name of a struct/union/enum declaration: its typedef name when one names it directly, else its tag; null if anonymous.</summary>
    public string? NameOf(CXCursor decl)
    {
        if (_typedefNameByUsr.TryGetValue(Cursors.Usr(decl), out string? td))
        {
            return td;
        }

        string spelling = Cursors.Spelling(decl);
        return Cursors.IsAnonymousName(spelling) ? null : spelling;
    }

    /// <summary>How C code names the type (typedef name, else "struct tag").</summary>
    public string CNameOf(CXCursor decl)
    {
        if (_typedefNameByUsr.TryGetValue(Cursors.Usr(decl), out string? td))
        {
            return td;
        }

        string keyword = Cursors.Kind(decl) switch
        {
            CursorKind.UnionDecl => "union",
            CursorKind.EnumDecl => "enum",
            _ => "struct",
        };
        return keyword + " " + Cursors.Spelling(decl);
    }

    public bool InSelectedFiles(CXCursor c)
    {
        string path = Cursors.FilePath(c).Replace('\\', '/');
        if (path.Length == 0)
        {
            return false;
        }

        foreach (string suffix in Config.Files)
        {
            string s = suffix.Replace('\\', '/');
            if (path == s || path.EndsWith("/" + s, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public bool Excluded(string name) => Naming.MatchesAny(Config.Exclude, name);

    private void Build()
    {
        var top = Cursors.Children(Tu.Cursor);

        // Pass 1: typedef names of records and enums ("typedef struct _X X;" names _X "X").
        foreach (var c in top)
        {
            if (Cursors.Kind(c) != CursorKind.TypedefDecl)
            {
                continue;
            }

            var underlying = Cursors.Desugar(LibClang.clang_getTypedefDeclUnderlyingType(c));
            if (underlying.Kind is TypeKind.Record or TypeKind.Enum)
            {
                string usr = Cursors.Usr(LibClang.clang_getTypeDeclaration(underlying));
                _typedefNameByUsr.TryAdd(usr, Cursors.Spelling(c));
            }
        }

        // Pass 2: declarations.
        foreach (var c in top)
        {
            switch (Cursors.Kind(c))
            {
                case CursorKind.StructDecl:
                case CursorKind.UnionDecl:
                    AddRecord(c);
                    break;
                case CursorKind.EnumDecl:
                    AddEnum(c);
                    break;
                case CursorKind.FunctionDecl:
                    Functions.TryAdd(Cursors.Spelling(c), c);
                    break;
                case CursorKind.MacroDefinition:
                    if (InSelectedFiles(c))
                    {
                        Macros.Add(c);
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private void AddRecord(CXCursor c)
    {
        string? name = NameOf(c);
        bool isDef = LibClang.clang_isCursorDefinition(c) != 0;
        if (name != null)
        {
            if (isDef)
            {
                Records[name] = c;
                CompleteRecords.Add(name);
            }
            else if (!Records.ContainsKey(name))
            {
                var def = LibClang.clang_getCursorDefinition(c);
                if (!Cursors.IsNull(def))
                {
                    Records[name] = def;
                    CompleteRecords.Add(name);
                }
                else
                {
                    Records[name] = c;
                }
            }
        }

        // C hoists named records declared inside a record to file scope.
        if (isDef)
        {
            foreach (var child in Cursors.Children(c))
            {
                int k = Cursors.Kind(child);
                if (k is CursorKind.StructDecl or CursorKind.UnionDecl)
                {
                    AddRecord(child);
                }
                else if (k == CursorKind.EnumDecl)
                {
                    AddEnum(child);
                }
            }
        }
    }

    private void AddEnum(CXCursor c)
    {
        if (LibClang.clang_isCursorDefinition(c) == 0)
        {
            return;
        }

        string? name = NameOf(c);
        if (name == null)
        {
            AnonymousEnums.Add(c);
        }
        else
        {
            Enums.TryAdd(name, c);
        }
    }

    public void Dispose() => Tu.Dispose();
}
