using DeepStreamNet.Config;

namespace DeepStreamNet.Service.Messages;

/// <summary>
/// The CSV form of a message-converter config (full schema only): a header line, then row r defines sensor, place and
/// analytics id r — field 1 sensor id, field 2 sensor description, fields 4–6 the place sub-fields; the rest are
/// DeepStream's fixed values (sensor type <c>Camera</c>, place <c>Id</c>/<c>endeavor</c>/<c>building/garage</c>, analytics version <c>1.0</c>).
/// </summary>
internal static class MsgConvCsv
{
    public static MsgConvConfig Load(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KeyFileException(path, 0, null, null, $"cannot read file: {ex.Message}", ex);
        }

        var config = new MsgConvConfig();
        var id = 0;
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var f = lines[i].Split(',', 10).Select(s => s.Trim()).ToArray();
            if (f.Length < 7)
            {
                throw new KeyFileException(path, i + 1, null, null, $"a CSV row needs at least 7 comma-separated fields (got {f.Length})");
            }

            config.Sensors[id] = new SensorInfo(f[1], "Camera", f[2], default, default);
            config.Places[id] = new PlaceInfo("Id", "endeavor", "building/garage", default, default, f[4], f[5], f[6]);
            config.Analytics[id] = new AnalyticsInfo(string.Empty, string.Empty, string.Empty, "1.0");
            id++;
        }

        return config;
    }
}
