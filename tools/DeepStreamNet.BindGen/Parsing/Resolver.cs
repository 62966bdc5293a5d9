using DeepStreamNet.BindGen.Clang;
using DeepStreamNet.BindGen.Config;
using DeepStreamNet.BindGen.Model;

namespace DeepStreamNet.BindGen.Parsing;

/// <summary>Selects declarations per set, closes over the types they use and decides which set owns each type.</summary>
internal sealed class Resolver
{
    private readonly List<SetIndex> _indexes;
    private readonly IReadOnlyDictionary<string, string> _remap;
    private readonly List<SetModel> _models;
    private readonly Dictionary<string, Owner> _owners = new(StringComparer.Ordinal);
    private readonly Queue<string> _pending = new();
    private readonly HashSet<string> _built = new(StringComparer.Ordinal);

    public Resolver(List<SetIndex> indexes, IReadOnlyDictionary<string, string> remap)
    {
        _indexes = indexes;
        _remap = remap;
        _models = indexes.Select(i => new SetModel(i.Name, i.Config.Class)).ToList();
        for (int i = 0; i < indexes.Count; i++)
        {
            foreach (string h in indexes[i].Config.Headers)
            {
                _models[i].Headers.Add(h);
            }
        }
    }

    public List<SetModel> Resolve()
    {
        // 1. Explicitly selected types: the first set that selects a type owns it.
        for (int i = 0; i < _indexes.Count; i++)
        {
            var idx = _indexes[i];
            var types = idx.Config.Types;
            foreach (var (name, cursor) in idx.Records.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (Selected(idx, cursor, name, types))
                {
                    _owners.TryAdd(name, new Owner(i, IsEnum: false, Full: HasDefinition(name)));
                }
            }

            foreach (var (name, cursor) in idx.Enums.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (Selected(idx, cursor, name, types))
                {
                    _owners.TryAdd(name, new Owner(i, IsEnum: true, Full: true));
                }
            }
        }

        // 2. Per set, in order: functions, constants, then the closure of every type the set owns.
        var boundFunctions = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < _indexes.Count; i++)
        {
            var idx = _indexes[i];
            var model = _models[i];
            var builder = new ModelBuilder(idx, Mapper(idx, i));
            foreach (var (name, cursor) in idx.Functions.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (!idx.InSelectedFiles(cursor) || idx.Excluded(name) || boundFunctions.Contains(name)
                    || (idx.Config.Functions.Count > 0 && !Naming.MatchesAny(idx.Config.Functions, name)))
                {
                    continue;
                }

                var fn = builder.BuildFunction(name, cursor, () => Library(idx, name), out string? reason);
                if (fn == null)
                {
                    model.Notes.Add($"{idx.Name}: function {name} skipped: {reason}");
                    continue;
                }

                boundFunctions.Add(name);
                model.Functions[name] = fn;
            }

            AddConstants(idx, model, builder);
            foreach (var (name, owner) in _owners.Where(o => o.Value.Set == i && o.Value.Full).OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                _ = owner;
                Enqueue(name);
            }

            Drain();
        }

        Drain();
        foreach (var (name, owner) in _owners)
        {
            if (!owner.IsEnum && !owner.Full)
            {
                _models[owner.Set].Opaque.Add(name);
            }
        }

        foreach (var model in _models)
        {
            string cls = model.ClassName;
            string? clash = _owners.Keys.FirstOrDefault(k => string.Equals(k, cls, StringComparison.OrdinalIgnoreCase));
            if (clash != null)
            {
                throw new BindGenException($"{_indexes[_models.IndexOf(model)].ConfigPath}: key 'class': '{cls}' differs only in case from the C type '{clash}'");
            }
        }

        return _models;
    }

    private static bool Selected(SetIndex idx, CXCursor cursor, string name, IList<string> types) =>
        idx.InSelectedFiles(cursor) && !idx.Excluded(name) && (types.Count == 0 || Naming.MatchesAny(types, name));

    private bool HasDefinition(string name) => _indexes.Any(i => i.CompleteRecords.Contains(name));

    private TypeMapper Mapper(SetIndex idx, int setNumber) => new(idx, _remap, (name, use) => Use(setNumber, name, use));

    private void Use(int set, string name, TypeUse use)
    {
        if (_owners.TryGetValue(name, out var owner))
        {
            if (use == TypeUse.RecordByValue && !owner.Full)
            {
                if (!HasDefinition(name))
                {
                    throw new BindGenException($"{_indexes[set].ConfigPath}: '{name}' is used by value but no set's headers define it");
                }

                _owners[name] = owner with { Full = true };
                Enqueue(name);
            }

            return;
        }

        bool full = use != TypeUse.RecordByPointer;
        if (use == TypeUse.RecordByValue && !HasDefinition(name))
        {
            throw new BindGenException($"{_indexes[set].ConfigPath}: '{name}' is used by value but no set's headers define it");
        }

        _owners[name] = new Owner(set, use == TypeUse.Enum, full);
        if (full)
        {
            Enqueue(name);
        }
    }

    private void Enqueue(string name)
    {
        if (_built.Add(name))
        {
            _pending.Enqueue(name);
        }
    }

    private void Drain()
    {
        while (_pending.Count > 0)
        {
            string name = _pending.Dequeue();
            var owner = _owners[name];
            var model = _models[owner.Set];

            // Build from the owner's translation unit when it has the definition, else from the first that has.
            var order = new[] { owner.Set }.Concat(Enumerable.Range(0, _indexes.Count));
            if (owner.IsEnum)
            {
                int source = order.First(i => _indexes[i].Enums.ContainsKey(name));
                var idx = _indexes[source];
                bool flags = name.EndsWith("Flags", StringComparison.Ordinal) || _indexes.Any(x => x.Config.Flags.Contains(name));
                model.Enums[name] = new ModelBuilder(idx, Mapper(idx, owner.Set)).BuildEnum(name, idx.Enums[name], flags);
            }
            else
            {
                int source = order.First(i => _indexes[i].CompleteRecords.Contains(name));
                var idx = _indexes[source];
                try
                {
                    model.Structs[name] = new ModelBuilder(idx, Mapper(idx, owner.Set)).BuildRecord(name, idx.Records[name]);
                }
                catch (UnmappableTypeException ex)
                {
                    throw new BindGenException($"{_indexes[owner.Set].ConfigPath}: type '{name}': {ex.Message}", ex);
                }
            }
        }
    }

    private static string Library(SetIndex idx, string function)
    {
        string? best = null;
        string? lib = null;
        foreach (var (prefix, name) in idx.Config.Libraries)
        {
            if (function.StartsWith(prefix, StringComparison.Ordinal) && (best == null || prefix.Length > best.Length))
            {
                best = prefix;
                lib = name;
            }
        }

        return lib ?? throw new BindGenException($"{idx.ConfigPath}: key 'libraries': no prefix matches function '{function}'");
    }

    private static void AddConstants(SetIndex idx, SetModel model, ModelBuilder builder)
    {
        var globs = idx.Config.Constants;
        foreach (var macro in idx.Macros)
        {
            if (LibClang.clang_Cursor_isMacroFunctionLike(macro) != 0)
            {
                continue;
            }

            string name = Cursors.Spelling(macro);
            if (idx.Excluded(name) || (globs.Count > 0 && !Naming.MatchesAny(globs, name)))
            {
                continue;
            }

            var constant = MacroConstants.Parse(idx.Tu.Tokens(macro));
            if (constant != null)
            {
                model.Constants[constant.Name] = constant;
            }
            else if (globs.Count > 0)
            {
                model.Notes.Add($"{idx.Name}: macro {name} skipped: not a single literal");
            }
        }

        foreach (var e in idx.AnonymousEnums)
        {
            if (!idx.InSelectedFiles(e))
            {
                continue;
            }

            foreach (var c in builder.AnonymousEnumConstants(e))
            {
                if (!idx.Excluded(c.Name) && (globs.Count == 0 || Naming.MatchesAny(globs, c.Name)))
                {
                    model.Constants.TryAdd(c.Name, c);
                }
            }
        }
    }

    private readonly record struct Owner(int Set, bool IsEnum, bool Full);
}
