using NUnit.Framework;

namespace DeepStreamNet.Tests.Runtime;

/// <summary>Grabs the top-left corner of an X screen with GStreamer's ximagesrc.</summary>
internal static class XScreen
{
    /// <summary>Width × height GRAY8 pixels from (0, 0) of <paramref name="display"/>'s root window.</summary>
    public static byte[] GrabGray(string display, int width, int height)
    {
        var file = Path.Combine(Path.GetTempPath(), $"dsnet-xgrab-{Guid.NewGuid():N}.gray");
        try
        {
            TestMedia.Run($"ximagesrc display-name={display} use-damage=false show-pointer=false startx=0 starty=0 endx={width - 1} endy={height - 1} num-buffers=1 ! " +
                $"videoconvert ! video/x-raw,format=GRAY8,width={width},height={height} ! filesink location=\"{file}\"", 30);
            var bytes = File.ReadAllBytes(file);
            var stride = (width + 3) / 4 * 4; // GStreamer pads GRAY8 rows to 4 bytes
            Assert.That(bytes, Has.Length.EqualTo(stride * height), "one GRAY8 frame");
            return Enumerable.Range(0, height).SelectMany(y => bytes.Skip(y * stride).Take(width)).ToArray();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
