using System.Runtime.InteropServices;
using System.Text;
using DeepStreamNet.Interop;

namespace DeepStreamNet.Tests.Config;

/// <summary>What GLib's own <c>g_key_file_load_from_data</c> (flags NONE) makes of some bytes: the reference the
/// managed <see cref="DeepStreamNet.Config.KeyFile"/> is compared with.</summary>
internal sealed record GLibKeyFile(string? Error, IReadOnlyList<(string Group, IReadOnlyList<(string Key, string Value, string? Text)> Keys)> Groups)
{
    public bool Accepted => Error is null;

    /// <summary>Loads <paramref name="data"/>; every key's raw value (<c>g_key_file_get_value</c>) and string value
    /// (<c>g_key_file_get_string</c>, null when GLib refuses it).</summary>
    public static unsafe GLibKeyFile Load(byte[] data)
    {
        var kf = GLib.g_key_file_new();
        try
        {
            GError* error = null;
            fixed (byte* p = data)
            {
                if (!GLib.g_key_file_load_from_data(kf, p, (ulong)data.Length, GKeyFileFlags.G_KEY_FILE_NONE, &error))
                {
                    var message = Utf8(error->message);
                    GLib.g_error_free(error);
                    return new GLibKeyFile(message, []);
                }
            }

            var groups = new List<(string, IReadOnlyList<(string, string, string?)>)>();
            ulong n;
            var names = GLib.g_key_file_get_groups(kf, &n);
            for (ulong g = 0; g < n; g++)
            {
                var keys = new List<(string, string, string?)>();
                ulong m;
                var keyNames = GLib.g_key_file_get_keys(kf, names[g], &m, null);
                for (ulong k = 0; k < m; k++)
                {
                    var raw = GLib.g_key_file_get_value(kf, names[g], keyNames[k], null);
                    GError* stringError = null;
                    var text = GLib.g_key_file_get_string(kf, names[g], keyNames[k], &stringError);
                    var refused = stringError is not null;
                    if (refused)
                    {
                        GLib.g_error_free(stringError);
                    }

                    keys.Add((Utf8(keyNames[k])!, Utf8(raw)!, text is null || refused ? null : Utf8(text)));
                    GLib.g_free(raw);
                    GLib.g_free(text);
                }

                GLib.g_strfreev(keyNames);
                groups.Add((Utf8(names[g])!, keys));
            }

            GLib.g_strfreev(names);
            return new GLibKeyFile(null, groups);
        }
        finally
        {
            GLib.g_key_file_free(kf);
        }
    }

    private static unsafe string? Utf8(byte* s) => s is null ? null : Marshal.PtrToStringUTF8((nint)s);

    public override string ToString()
    {
        if (Error is not null)
        {
            return "refused: " + Error;
        }

        var b = new StringBuilder();
        foreach (var (group, keys) in Groups)
        {
            b.Append('[').Append(group).Append("] ");
            foreach (var (key, value, text) in keys)
            {
                b.Append(key).Append("=<").Append(value).Append("> string=").Append(text is null ? "refused" : "<" + text + ">").Append("; ");
            }
        }

        return b.ToString();
    }
}
