using System.Globalization;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Runner;

/// <summary>
/// A frame of the demo's annotated output, extracted and checked against the clip's ground truth: every face of the
/// first still (frames 0–12 of facemask-demo-720p.mp4) has a box in its class colour (mask green, no-mask red) along
/// its ground-truth edges, and a label (light text on the dark label background) just above it.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DemoFrameTests
{
    private const int Width = 1280;
    private const int Height = 720;
    private const int FrameIndex = 6;

    [Test]
    public void Demo_output_frame_shows_boxes_in_class_colours_on_the_faces_and_labels_above_them()
    {
        var demoClip = Path.Combine(TestPaths.RepositoryRoot, "assets", "media", "facemask-demo-720p.mp4");
        Assume.That(File.Exists(demoClip), Is.True, "demo assets not fetched (./dsnet assets fetch): setup.sh fetches them");
        var dir = RunnerHarness.TempDir("demo-frame");
        var output = Path.Combine(dir, "demo.mp4");
        RunDemo(dir, output);

        // Decode the first frames of the output to raw RGBA (and one PNG beside it for people to look at).
        var rawPattern = Path.Combine(dir, "frame%02d.rgba");
        TestMedia.Run($"filesrc location=\"{output}\" ! qtdemux ! h264parse ! avdec_h264 ! identity eos-after={FrameIndex + 1} ! " +
            $"videoconvert ! video/x-raw,format=RGBA,width={Width},height={Height} ! tee name=t " +
            $"t. ! queue ! multifilesink location=\"{rawPattern}\" " +
            $"t. ! queue ! videoconvert ! pngenc ! multifilesink location=\"{Path.Combine(dir, "frame%02d.png")}\"", 120);
        var pixels = File.ReadAllBytes(Path.Combine(dir, $"frame{FrameIndex:D2}.rgba"));
        Assert.That(pixels, Has.Length.EqualTo(Width * Height * 4));
        TestContext.Out.WriteLine($"frame written to {Path.Combine(dir, $"frame{FrameIndex:D2}.png")}");

        var faces = GroundTruth(FrameIndex);
        Assert.That(faces, Has.Count.EqualTo(3), "the first still has three annotated faces");
        foreach (var face in faces)
        {
            var mask = face.Class is "with_mask" or "mask_weared_incorrect";
            var colour = mask ? (Func<byte, byte, byte, bool>)IsGreen : IsRed;
            var border = CountInRing(pixels, face, margin: 14, colour);
            var wrong = CountInRing(pixels, face, margin: 14, mask ? IsRed : IsGreen);
            Assert.That(border, Is.GreaterThanOrEqualTo(60),
                $"{face.Class} face at ({face.X1:F0},{face.Y1:F0})-({face.X2:F0},{face.Y2:F0}): expected a {(mask ? "green" : "red")} box along its edges");
            Assert.That(wrong, Is.LessThan(border / 4), $"{face.Class} face drawn in the other class's colour");

            // The label sits above the box: light glyph pixels on the dark label background ([osd] text-bg-color 0.2 grey).
            var (light, dark) = LabelPixels(pixels, face);
            Assert.That(dark, Is.GreaterThanOrEqualTo(150), $"{face.Class}: no label background above the box");
            Assert.That(light, Is.GreaterThanOrEqualTo(25), $"{face.Class}: no label text above the box");
        }
    }

    private static void RunDemo(string workDir, string output)
    {
        var (code, stdout, stderr) = CliProcessTests.Dsnet(workDir, TimeSpan.FromSeconds(240),
            "demo", "--out", output, "--duration", "1", "--backend", "portable");
        Assert.That(code, Is.Zero, stdout + stderr);
    }

    private sealed record Face(string Class, double X1, double Y1, double X2, double Y2);

    /// <summary>Ground-truth faces of one frame, from the clip's annotation file (1280×720 frame coordinates).</summary>
    private static List<Face> GroundTruth(int frame)
    {
        var path = Path.Combine(TestPaths.SharedAssets, "media", "facemask-demo-720p-annotations.tsv");
        var faces = new List<Face>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split('\t');
            if (int.Parse(f[2], CultureInfo.InvariantCulture) <= frame && frame <= int.Parse(f[3], CultureInfo.InvariantCulture))
            {
                double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
                faces.Add(new Face(f[6], D(7), D(8), D(9), D(10)));
            }
        }

        return faces;
    }

    private static bool IsGreen(byte r, byte g, byte b) => g > 170 && r < 100 && b < 100;

    private static bool IsRed(byte r, byte g, byte b) => r > 170 && g < 100 && b < 100;

    /// <summary>Pixels of a colour in the band of ±<paramref name="margin"/> pixels around the box's four edges.</summary>
    private static int CountInRing(byte[] rgba, Face face, int margin, Func<byte, byte, byte, bool> colour)
    {
        var count = 0;
        for (var y = Math.Max(0, (int)face.Y1 - margin); y < Math.Min(Height, (int)face.Y2 + margin); y++)
        {
            for (var x = Math.Max(0, (int)face.X1 - margin); x < Math.Min(Width, (int)face.X2 + margin); x++)
            {
                var nearEdge = Math.Abs(x - face.X1) <= margin || Math.Abs(x - face.X2) <= margin ||
                    Math.Abs(y - face.Y1) <= margin || Math.Abs(y - face.Y2) <= margin;
                var i = ((y * Width) + x) * 4;
                if (nearEdge && colour(rgba[i], rgba[i + 1], rgba[i + 2]))
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>Light and dark pixels in the strip just above the box, where the OSD puts the label.</summary>
    private static (int Light, int Dark) LabelPixels(byte[] rgba, Face face)
    {
        var (light, dark) = (0, 0);
        for (var y = Math.Max(0, (int)face.Y1 - 40); y < Math.Max(0, (int)face.Y1 + 2); y++)
        {
            for (var x = Math.Max(0, (int)face.X1 - 12); x < Math.Min(Width, (int)face.X1 + 90); x++)
            {
                var i = ((y * Width) + x) * 4;
                var (r, g, b) = (rgba[i], rgba[i + 1], rgba[i + 2]);
                if (r > 200 && g > 200 && b > 200)
                {
                    light++;
                }
                else if (Math.Abs(r - 51) < 25 && Math.Abs(g - 51) < 25 && Math.Abs(b - 51) < 25)
                {
                    dark++;
                }
            }
        }

        return (light, dark);
    }
}
