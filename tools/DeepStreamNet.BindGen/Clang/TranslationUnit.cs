using System.Runtime.InteropServices;
using System.Text;
using DeepStreamNet.BindGen.Config;

namespace DeepStreamNet.BindGen.Clang;

/// <summary>One parsed C translation unit (an in-memory .c file that #includes a set's headers).</summary>
internal sealed unsafe class TranslationUnit : IDisposable
{
    private void* _index;
    private void* _tu;

    private TranslationUnit(void* index, void* tu)
    {
        _index = index;
        _tu = tu;
    }

    public void* Handle => _tu;

    public CXCursor Cursor => LibClang.clang_getTranslationUnitCursor(_tu);

    /// <summary>Parses <paramref name="source"/> as <paramref name="fileName"/>; any error diagnostic throws with all of them listed.</summary>
    public static TranslationUnit Parse(string fileName, string source, IReadOnlyList<string> args, string context)
    {
        void* index = LibClang.clang_createIndex(0, 0);
        var pinned = new List<nint>();
        try
        {
            byte* AllocUtf8(string s)
            {
                nint p = Marshal.StringToCoTaskMemUTF8(s);
                pinned.Add(p);
                return (byte*)p;
            }

            byte** argv = stackalloc byte*[args.Count];
            for (int i = 0; i < args.Count; i++)
            {
                argv[i] = AllocUtf8(args[i]);
            }

            byte[] content = Encoding.UTF8.GetBytes(source);
            void* tu = null;
            int rc;
            fixed (byte* contentPtr = content)
            {
                var unsaved = new CXUnsavedFile { Filename = AllocUtf8(fileName), Contents = contentPtr, Length = (nuint)content.Length };
                rc = LibClang.clang_parseTranslationUnit2(index, AllocUtf8(fileName), argv, args.Count, &unsaved, 1,
                    TranslationUnitFlags.DetailedPreprocessingRecord | TranslationUnitFlags.SkipFunctionBodies, &tu);
            }

            if (rc != 0 || tu == null)
            {
                throw new BindGenException($"{context}: libclang could not parse the headers (error code {rc}); arguments: {string.Join(' ', args)}");
            }

            var unit = new TranslationUnit(index, tu);
            index = null;
            unit.ThrowOnErrors(context);
            return unit;
        }
        finally
        {
            foreach (nint p in pinned)
            {
                Marshal.FreeCoTaskMem(p);
            }

            if (index != null)
            {
                LibClang.clang_disposeIndex(index);
            }
        }
    }

    private void ThrowOnErrors(string context)
    {
        var errors = new List<string>();
        uint n = LibClang.clang_getNumDiagnostics(_tu);
        for (uint i = 0; i < n; i++)
        {
            void* d = LibClang.clang_getDiagnostic(_tu, i);
            try
            {
                if (LibClang.clang_getDiagnosticSeverity(d) >= 3) // CXDiagnostic_Error, CXDiagnostic_Fatal
                {
                    errors.Add(LibClang.Take(LibClang.clang_formatDiagnostic(d, 0x1 | 0x2 | 0x4))); // source location, column, ranges
                }
            }
            finally
            {
                LibClang.clang_disposeDiagnostic(d);
            }
        }

        if (errors.Count > 0)
        {
            Dispose();
            throw new BindGenException($"{context}: the headers do not compile:\n  " + string.Join("\n  ", errors));
        }
    }

    /// <summary>Token spellings of a cursor's extent (used for macro definitions).</summary>
    public List<(int Kind, string Text)> Tokens(CXCursor cursor)
    {
        CXToken* tokens = null;
        uint count = 0;
        LibClang.clang_tokenize(_tu, LibClang.clang_getCursorExtent(cursor), &tokens, &count);
        var list = new List<(int, string)>((int)count);
        for (uint i = 0; i < count; i++)
        {
            list.Add((LibClang.clang_getTokenKind(tokens[i]), LibClang.Take(LibClang.clang_getTokenSpelling(_tu, tokens[i]))));
        }

        if (tokens != null)
        {
            LibClang.clang_disposeTokens(_tu, tokens, count);
        }

        return list;
    }

    public void Dispose()
    {
        if (_tu != null)
        {
            LibClang.clang_disposeTranslationUnit(_tu);
            _tu = null;
        }

        if (_index != null)
        {
            LibClang.clang_disposeIndex(_index);
            _index = null;
        }
    }
}
