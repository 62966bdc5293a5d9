using System.Text;
using DeepStreamNet.Config;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Config;

/// <summary>
/// The managed key-file reader against GLib's own (<c>g_key_file_load_from_data</c>, flags NONE, the libglib the
/// pipeline runs with): the same bytes must be accepted or refused alike, with the same groups, keys, raw values
/// and string values (escapes), as deepstream-app and nvinfer read them.
/// </summary>
public sealed class KeyFileGLibParityTests
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <summary>Name and bytes (written as Latin-1 so \xNN is one byte).</summary>
    private static readonly (string Name, string Bytes)[] Corpus =
    [
        ("plain", "[a]\nk=v\n"),
        ("utf8 value", "[a]\nk=caf\u00c3\u00a9\n"),
        ("leading BOM", "\u00ef\u00bb\u00bf[a]\nk=v\n"),
        ("non-UTF-8 in a comment", "# caf\u00e9\n[a]\nk=v\n"),
        ("non-UTF-8 in a value", "[a]\nk=caf\u00e9\n"),
        ("non-UTF-8 in a key", "[a]\nk\u00e9=v\n"),
        ("non-UTF-8 in a group name", "[a\u00e9]\nk=v\n"),
        ("escapes", "[a]\ns=a\\sb\\tc\\nd\\\\e\\rf\n"),
        ("invalid escape", "[a]\ns=x\\qy\n"),
        ("escape at the end", "[a]\ns=x\\\n"),
        ("escaped separator", "[a]\nl=a;b\\;c;\n"),
        ("trailing whitespace", "[a]\nk=v  \t\n"),
        ("spaces around =", "[a]\nk  =  v\n"),
        ("tab before =", "[a]\nk\t=v\n"),
        ("leading blanks", "  [a]\n  k=v\n  # c\n"),
        ("duplicate groups merge", "[a]\nx=1\n[b]\ny=2\n[a]\nz=3\n"),
        ("duplicate keys: last wins", "[a]\nk=1\nk=2\n"),
        ("key before any group", "k=v\n[a]\n"),
        ("missing ]", "[a\nk=v\n"),
        ("text after ]", "[a] x\nk=v\n"),
        ("blanks after ]", "[a]  \nk=v\n"),
        ("empty group name", "[]\nk=v\n"),
        ("line without =", "[a]\njunk\n"),
        ("semicolon line", "[a]\n;c\n"),
        ("CRLF", "[a]\r\nk=v\r\n"),
        ("empty key", "[a]\n=v\n"),
        ("key with a space", "[a]\nmy key=v\n"),
        ("locale key", "[a]\nk[de]=v\nk=w\n"),
        ("empty file", ""),
        ("comments only", "# x\n\n   \n"),
        ("= in the value", "[a]\nk=a=b\n"),
        ("empty value", "[a]\nk=\n"),
        ("group with spaces", "[my group]\nk=v\n"),
        ("double ]", "[a]]\nk=v\n"),
        ("no final newline", "[a]\nk=v"),
        ("control character in a group name", "[a\u0001]\nk=v\n"),
        ("inline comment kept in the value", "[a]\nk=1 # one\n"),
        ("UTF-8 BOM-like bytes inside a value", "[a]\nk=\u00ef\u00bb\u00bfv\n"),
    ];

    private static IEnumerable<TestCaseData> Cases() => Corpus.Select(c => new TestCaseData(c.Bytes).SetName("GLib_parity: " + c.Name));

    [TestCaseSource(nameof(Cases))]
    public void Managed_reader_agrees_with_GLib(string bytes)
    {
        var data = Latin1.GetBytes(bytes);
        var glib = GLibKeyFile.Load(data);
        var managed = LoadManaged(data);
        Assert.That(managed, Is.EqualTo(glib.ToString().StartsWith("refused", StringComparison.Ordinal) ? "refused" : glib.ToString()),
            glib.Accepted ? "GLib accepts" : "GLib refuses: " + glib.Error);
    }

    [Test]
    public void A_value_that_is_not_UTF8_is_a_located_error_for_string_keys_only()
    {
        using var dir = new TempConfigDir();
        var app = dir.WriteApp(extra: "# r\u00e9sum\u00e9 in Latin-1\n[osd]\nenable=1\nfont=caf\u00e9\nborder-width=2\n");
        File.WriteAllBytes(app, Latin1.GetBytes(File.ReadAllText(app)));
        var r = AppConfigLoader.Load(app).Report;
        var e = r.Errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That((e.Group, e.Key, e.Line), Is.EqualTo(("osd", (string?)"font", 24)));
            Assert.That(e.Message, Does.EndWith("is not valid UTF-8"));
        });
    }

    /// <summary>The managed reader's view in <see cref="GLibKeyFile.ToString"/>'s shape (every key line, as
    /// g_key_file_get_keys lists them, with the key's effective value).</summary>
    private static string LoadManaged(byte[] data)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dsnet-parity-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(path, data);
        try
        {
            var file = KeyFile.Load(path);
            var b = new StringBuilder();
            foreach (var group in file.Groups)
            {
                b.Append('[').Append(group.Name).Append("] ");
                foreach (var key in group.Entries.Select(e => e.Key))
                {
                    var last = group.Find(key)!;
                    var raw = last.RawValue;
                    string? text;
                    try
                    {
                        text = last.IsUtf8 ? KeyFileValues.ParseString(raw) : null;
                    }
                    catch (FormatException)
                    {
                        text = null;
                    }

                    b.Append(key).Append("=<").Append(raw).Append("> string=").Append(text is null ? "refused" : "<" + text + ">").Append("; ");
                }
            }

            return b.ToString();
        }
        catch (KeyFileException)
        {
            return "refused";
        }
        finally
        {
            File.Delete(path);
        }
    }
}
