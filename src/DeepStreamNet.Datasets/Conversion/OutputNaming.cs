using System.Security.Cryptography;
using System.Text;

namespace DeepStreamNet.Datasets.Conversion;

/// <summary>
/// Output stems: <c>&lt;dataset&gt;_&lt;path-derived id&gt;</c> with characters outside [A-Za-z0-9._-] replaced by
/// '_'. Source stems repeat (FDDB: 2845 images, 1507 stems; datasets share stems), so the id keeps the relative
/// path; a stem that still clashes after sanitising gets a hash of the original id appended.
/// </summary>
internal static class OutputNaming
{
    public static string Sanitize(string dataset, string relativeId)
    {
        var noExt = Path.ChangeExtension(relativeId, null) ?? relativeId;
        var sb = new StringBuilder(dataset.Length + noExt.Length + 1);
        sb.Append(dataset).Append('_');
        foreach (var ch in noExt)
        {
            sb.Append(char.IsAsciiLetterOrDigit(ch) || ch is '.' or '-' or '_' ? ch : '_');
        }

        return sb.ToString();
    }

    /// <summary>Unique stems, in input order (deterministic).</summary>
    public static string[] Assign(IReadOnlyList<(string Dataset, string RelativeId)> items)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new string[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var stem = Sanitize(items[i].Dataset, items[i].RelativeId);
            if (!used.Add(stem))
            {
                var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(items[i].Dataset + "/" + items[i].RelativeId)))[..10];
                stem = stem + "_" + hash;
                used.Add(stem);
            }

            result[i] = stem;
        }

        return result;
    }
}
