using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace DeepStreamNet.Assets.Recipes;

/// <summary>One segment of the demo clip: a still image held for some frames, or an animated GIF resampled to 25 fps.</summary>
/// <param name="Kind">"kaggle" (still) or "gif".</param>
/// <param name="Source">File name of the source.</param>
/// <param name="FrameFirst">First frame (0-based, 25 fps).</param>
/// <param name="FrameLast">Last frame (inclusive).</param>
/// <param name="Width">Source width.</param>
/// <param name="Height">Source height.</param>
/// <param name="Boxes">Ground-truth faces (VOC objects) of a still; empty for a GIF.</param>
public sealed record DemoSegment(string Kind, string Source, int FrameFirst, int FrameLast, int Width, int Height, IReadOnlyList<VocObject> Boxes)
{
    /// <summary>Scaled size and placement inside the 1280×720 frame (fit, keep aspect ratio, centre).</summary>
    public (int ScaledWidth, int ScaledHeight, int OffsetX, int OffsetY) Placement()
    {
        var scale = Math.Min((double)DemoClipLayout.Width / Width, (double)DemoClipLayout.Height / Height);
        var w = (int)Math.Round(Width * scale, MidpointRounding.AwayFromZero);
        var h = (int)Math.Round(Height * scale, MidpointRounding.AwayFromZero);
        return (w, h, (DemoClipLayout.Width - w) / 2, (DemoClipLayout.Height - h) / 2);
    }
}

/// <summary>A Pascal-VOC object: class name and integer box in the source image.</summary>
public sealed record VocObject(string Name, int XMin, int YMin, int XMax, int YMax)
{
    /// <summary>The objects of a VOC annotation file, in file order.</summary>
    public static IReadOnlyList<VocObject> Read(string xmlPath)
    {
        var doc = XDocument.Parse(File.ReadAllText(xmlPath).Trim());
        return [.. doc.Descendants("object").Select(o =>
        {
            var b = o.Element("bndbox") ?? throw new InvalidDataException($"{xmlPath}: object without bndbox");
            int V(string n) => (int)Math.Round(double.Parse(b.Element(n)?.Value ?? throw new InvalidDataException($"{xmlPath}: bndbox without {n}"), CultureInfo.InvariantCulture));
            return new VocObject(o.Element("name")?.Value.Trim() ?? "", V("xmin"), V("ymin"), V("xmax"), V("ymax"));
        })];
    }
}

/// <summary>
/// The demo clip's layout (facemask-demo-720p): 44 Kaggle images (N = 0, 16, …, 688) held 0.5 s each (13 and 12 frames
/// alternately at 25 fps), scaled to fit 1280×720 and centred; then the two Intel GIFs resampled to 25 fps. Writes the
/// segments and annotations tables exactly as published with the clip.
/// </summary>
public static class DemoClipLayout
{
    public const int Width = 1280;
    public const int Height = 720;
    public const int Fps = 25;

    /// <summary>The Kaggle image numbers used, in clip order.</summary>
    public static IEnumerable<int> KaggleNumbers => Enumerable.Range(0, 44).Select(i => i * 16);

    /// <summary>The GIFs used, in clip order.</summary>
    public static readonly string[] Gifs = ["face-demographics-walking.gif", "face-demographics-walking-and-pause.gif"];

    /// <summary>Frames a still segment holds: 13, 12, 13, … (0.5 s on average).</summary>
    public static int StillFrames(int index) => index % 2 == 0 ? 13 : 12;

    /// <summary>Frames a GIF of the given total duration takes at 25 fps.</summary>
    public static int GifFrames(TimeSpan duration) => (int)Math.Round(duration.TotalSeconds * Fps, MidpointRounding.AwayFromZero);

    public static string SegmentsTsv(IReadOnlyList<DemoSegment> segments)
    {
        var sb = new StringBuilder("kind\tsegment\tsource\tframe_first\tframe_last\tt_start_s\tt_end_s\tsrc_width\tsrc_height\tscale_x\tscale_y\toffset_x\toffset_y\tboxes\n");
        for (var i = 0; i < segments.Count; i++)
        {
            var s = segments[i];
            var (w, h, x, y) = s.Placement();
            sb.Append(Inv($"{s.Kind}\t{i + 1}\t{s.Source}\t{s.FrameFirst}\t{s.FrameLast}\t{Time(s.FrameFirst)}\t{Time(s.FrameLast + 1)}\t{s.Width}\t{s.Height}\t"));
            sb.Append(Inv($"{(double)w / s.Width:F6}\t{(double)h / s.Height:F6}\t{x}\t{y}\t{(s.Kind == "gif" ? "" : s.Boxes.Count.ToString(CultureInfo.InvariantCulture))}\n"));
        }

        return sb.ToString();
    }

    public static string AnnotationsTsv(IReadOnlyList<DemoSegment> segments)
    {
        var sb = new StringBuilder("segment\tsource_image\tframe_first\tframe_last\tt_start_s\tt_end_s\tclass\txmin\tymin\txmax\tymax\tsrc_xmin\tsrc_ymin\tsrc_xmax\tsrc_ymax\n");
        for (var i = 0; i < segments.Count; i++)
        {
            var s = segments[i];
            var (w, h, x, y) = s.Placement();
            double sx = (double)w / s.Width, sy = (double)h / s.Height;
            foreach (var b in s.Boxes)
            {
                sb.Append(Inv($"{i + 1}\t{s.Source}\t{s.FrameFirst}\t{s.FrameLast}\t{Time(s.FrameFirst)}\t{Time(s.FrameLast + 1)}\t{b.Name}\t"));
                sb.Append(Inv($"{b.XMin * sx + x:F1}\t{b.YMin * sy + y:F1}\t{b.XMax * sx + x:F1}\t{b.YMax * sy + y:F1}\t{b.XMin}\t{b.YMin}\t{b.XMax}\t{b.YMax}\n"));
            }
        }

        return sb.ToString();
    }

    private static string Time(int frame) => ((double)frame / Fps).ToString("F2", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
