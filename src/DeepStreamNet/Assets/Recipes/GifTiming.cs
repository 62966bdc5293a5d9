namespace DeepStreamNet.Assets.Recipes;

/// <summary>
/// The frame delays of an animated GIF, read from its Graphic Control Extensions (GStreamer's GIF decoder stamps every
/// frame with pts 0, so the timing comes from the file itself).
/// </summary>
public static class GifTiming
{
    /// <summary>One delay per image in the file, in order.</summary>
    public static IReadOnlyList<TimeSpan> FrameDelays(string path)
    {
        var b = File.ReadAllBytes(path);
        if (b.Length < 13 || b[0] != 'G' || b[1] != 'I' || b[2] != 'F')
        {
            throw new InvalidDataException($"{path}: not a GIF file");
        }

        var delays = new List<TimeSpan>();
        var pos = 13 + ColorTableSize(b[10]);
        var pending = TimeSpan.Zero;
        while (pos < b.Length)
        {
            switch (b[pos])
            {
                case 0x21: // extension: label, then sub-blocks
                    if (b[pos + 1] == 0xF9 && b[pos + 2] == 4)
                    {
                        pending = TimeSpan.FromMilliseconds(10 * (b[pos + 4] | (b[pos + 5] << 8)));
                    }

                    pos = SkipSubBlocks(b, pos + 2);
                    break;
                case 0x2C: // image: descriptor, optional local colour table, LZW code size, sub-blocks
                    delays.Add(pending);
                    pending = TimeSpan.Zero;
                    pos = SkipSubBlocks(b, pos + 10 + ColorTableSize(b[pos + 9]) + 1);
                    break;
                case 0x3B:
                    return delays;
                default:
                    throw new InvalidDataException($"{path}: unexpected GIF block 0x{b[pos]:x2} at byte {pos}");
            }
        }

        return delays;
    }

    /// <summary>For each output frame at <paramref name="fps"/>, the index of the GIF frame showing at that time.</summary>
    public static IReadOnlyList<int> Resample(IReadOnlyList<TimeSpan> delays, int outputFrames, int fps)
    {
        var starts = new List<double>();
        var t = 0.0;
        foreach (var d in delays)
        {
            starts.Add(t);
            t += d.TotalSeconds;
        }

        var result = new int[outputFrames];
        var j = 0;
        for (var k = 0; k < outputFrames; k++)
        {
            var at = (double)k / fps;
            while (j + 1 < starts.Count && starts[j + 1] <= at + 1e-9)
            {
                j++;
            }

            result[k] = j;
        }

        return result;
    }

    private static int ColorTableSize(byte packed) => (packed & 0x80) != 0 ? 3 * (1 << ((packed & 7) + 1)) : 0;

    private static int SkipSubBlocks(byte[] b, int pos)
    {
        while (pos < b.Length && b[pos] != 0)
        {
            pos += b[pos] + 1;
        }

        return pos + 1;
    }
}
