using CsCheck;
using NUnit.Framework;

namespace DeepStreamNet.Datasets.Tests;

/// <summary>
/// Deterministic property runs: inputs drawn from a CsCheck generator with a fixed PCG seed, so CI checks the same
/// inputs every time (CsCheck's own <c>Sample</c> seeds only its first iteration). A failure names the iteration and
/// the input; a finding becomes a regression case.
/// </summary>
internal static class Fuzz
{
    public static void Run<T>(Gen<T> gen, Action<T> property, ulong seed, int iterations)
    {
        var pcg = new PCG(1, seed);
        for (var i = 0; i < iterations; i++)
        {
            var input = gen.Generate(pcg, null, out _);
            try
            {
                property(input);
            }
            catch (Exception e) when (e is not AssertionException)
            {
                Assert.Fail($"iteration {i} of seed {seed}: {Describe(input)} threw {e}");
            }
            catch (AssertionException e)
            {
                Assert.Fail($"iteration {i} of seed {seed}: {Describe(input)}: {e.Message}");
            }
        }
    }

    /// <summary>A mutation of a file's bytes: <paramref name="inserts"/> put tokens that matter to the format at positions,
    /// <paramref name="edits"/> replace bytes (0 becomes 0xC3, alone invalid UTF-8), then <paramref name="cut"/>/8 of the
    /// end is cut off.</summary>
    public static byte[] Mutate(byte[] original, (int At, byte Value)[] edits, (int At, int Token)[] inserts, int cut, string[] tokens)
    {
        var bytes = new List<byte>(original);
        foreach (var (at, token) in inserts)
        {
            bytes.InsertRange(at % (bytes.Count + 1), System.Text.Encoding.UTF8.GetBytes(tokens[token]));
        }

        foreach (var (at, value) in edits)
        {
            if (bytes.Count > 0)
            {
                bytes[at % bytes.Count] = value == 0 ? (byte)0xC3 : value;
            }
        }

        return [.. bytes.Take(bytes.Count - (bytes.Count * cut / 8))];
    }

    private static string Describe<T>(T input) => input switch
    {
        System.Runtime.CompilerServices.ITuple t => "(" + string.Join(", ", Enumerable.Range(0, t.Length).Select(k => Describe(t[k]))) + ")",
        System.Collections.IEnumerable e and not string => "[" + string.Join(", ", e.Cast<object?>().Select(Describe)) + "]",
        _ => input?.ToString() ?? "null",
    };
}
