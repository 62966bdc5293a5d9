using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner;

/// <summary>Grabs the top-left corner of an X screen with GStreamer's ximagesrc, and matches grabs against the frames
/// of a clip, so a test can say which frame a window shows.</summary>
internal static class XScreen
{
    /// <summary>Size the grabs and the clip frames are reduced to before they are compared: small enough to hold a whole
    /// clip in memory, large enough to tell its frames apart.</summary>
    public const int ThumbWidth = 160, ThumbHeight = 90;

    /// <summary>The <paramref name="width"/> × <paramref name="height"/> area at (0, 0) of <paramref name="display"/>'s
    /// root window, reduced to a GRAY8 thumbnail.</summary>
    public static byte[] GrabThumb(string display, int width, int height) =>
        ReadGray($"ximagesrc display-name={display} use-damage=false show-pointer=false startx=0 starty=0 endx={width - 1} endy={height - 1} num-buffers=1 ! " +
            "videoconvert", 1)[0];

    /// <summary>Every frame of <paramref name="path"/> as a sink of <paramref name="width"/> × <paramref name="height"/>
    /// would show it (scaled to that size first), reduced to GRAY8 thumbnails the same way as <see cref="GrabThumb"/>.</summary>
    public static IReadOnlyList<byte[]> ClipThumbs(string path, int width, int height) =>
        ReadGray($"filesrc location=\"{path}\" ! decodebin ! videoconvert ! videoscale ! video/x-raw,width={width},height={height} ! videoconvert", null);

    /// <summary>The clip frame closest to <paramref name="thumb"/>: its index and the mean absolute grey-level difference.</summary>
    public static (int Index, double Difference) BestMatch(byte[] thumb, IReadOnlyList<byte[]> frames)
    {
        var best = (Index: -1, Difference: double.MaxValue);
        for (var i = 0; i < frames.Count; i++)
        {
            long sum = 0;
            var f = frames[i];
            for (var k = 0; k < thumb.Length; k++)
            {
                sum += Math.Abs(thumb[k] - f[k]);
            }

            var d = (double)sum / thumb.Length;
            if (d < best.Difference)
            {
                best = (i, d);
            }
        }

        return best;
    }

    /// <summary>Runs <paramref name="head"/> into a multi-tap (area-averaging) downscale to the thumbnail size and reads
    /// the frames back from a raw file.</summary>
    private static List<byte[]> ReadGray(string head, int? expectedFrames)
    {
        var file = Path.Combine(Path.GetTempPath(), $"dsnet-xgrab-{Guid.NewGuid():N}.gray");
        try
        {
            TestMedia.Run($"{head} ! videoscale method=bilinear2 ! video/x-raw,format=GRAY8,width={ThumbWidth},height={ThumbHeight} ! filesink location=\"{file}\"", 120);
            var bytes = File.ReadAllBytes(file);
            var size = ThumbWidth * ThumbHeight; // 160 is a multiple of 4: GStreamer adds no row padding
            Assert.That(bytes.Length % size, Is.Zero, "whole GRAY8 frames");
            if (expectedFrames is { } n)
            {
                Assert.That(bytes.Length / size, Is.EqualTo(n), "GRAY8 frames read back");
            }

            return Enumerable.Range(0, bytes.Length / size).Select(i => bytes.AsSpan(i * size, size).ToArray()).ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
