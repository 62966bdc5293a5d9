using DeepStreamNet.Datasets.Kitti;
using DeepStreamNet.Datasets.Sources;
using NUnit.Framework;

namespace DeepStreamNet.Datasets.Tests;

public sealed class EllipseBoxTests
{
    /// <summary>Independent computation: extremes of densely sampled points of the parametric rotated ellipse.</summary>
    private static Box Sampled(double a, double b, double theta, double cx, double cy)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        const int n = 20_000;
        for (var i = 0; i < n; i++)
        {
            var t = 2 * Math.PI * i / n;
            var x = cx + (a * Math.Cos(t) * Math.Cos(theta)) - (b * Math.Sin(t) * Math.Sin(theta));
            var y = cy + (a * Math.Cos(t) * Math.Sin(theta)) + (b * Math.Sin(t) * Math.Cos(theta));
            minX = Math.Min(minX, x);
            maxX = Math.Max(maxX, x);
            minY = Math.Min(minY, y);
            maxY = Math.Max(maxY, y);
        }

        return new Box(minX, minY, maxX, maxY);
    }

    [TestCase(50, 30, 0.0)]
    [TestCase(50, 30, 0.3)]
    [TestCase(50, 30, -0.7)]
    [TestCase(123.5833, 85.5495, 1.265839)]
    [TestCase(9.555117, 8.043968, -1.469174)]
    [TestCase(48.469439, 32.836257, -1.570796)]
    [TestCase(40, 40, 1.0)]
    public void Tight_box_matches_sampled_rotated_ellipse(double a, double b, double theta)
    {
        var got = EllipseBox.Compute(a, b, theta, 200, 150);
        var expected = Sampled(a, b, theta, 200, 150);
        Assert.That(got.Left, Is.EqualTo(expected.Left).Within(1e-3));
        Assert.That(got.Top, Is.EqualTo(expected.Top).Within(1e-3));
        Assert.That(got.Right, Is.EqualTo(expected.Right).Within(1e-3));
        Assert.That(got.Bottom, Is.EqualTo(expected.Bottom).Within(1e-3));
    }

    [Test]
    public void Axis_aligned_cases_are_exact()
    {
        Assert.That(EllipseBox.Compute(50, 30, 0, 100, 100), Is.EqualTo(new Box(50, 70, 150, 130)));
        var vertical = EllipseBox.Compute(50, 30, Math.PI / 2, 100, 100);
        Assert.That(vertical.Left, Is.EqualTo(70).Within(1e-9));
        Assert.That(vertical.Top, Is.EqualTo(50).Within(1e-9));
    }

    [Test]
    public void Every_fddb_fixture_face_matches_the_sampled_ellipse()
    {
        var lines = Directory.GetFiles(SharedData.Fixture("fddb", "FDDB-folds"), "*-ellipseList.txt")
            .SelectMany(File.ReadAllLines)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 6)
            .Select(f => f.Take(5).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray())
            .ToList();
        Assert.That(lines, Has.Count.EqualTo(11));
        foreach (var v in lines)
        {
            var got = EllipseBox.Compute(v[0], v[1], v[2], v[3], v[4]);
            var expected = Sampled(v[0], v[1], v[2], v[3], v[4]);
            Assert.That(got.Width, Is.EqualTo(expected.Width).Within(2e-3));
            Assert.That(got.Height, Is.EqualTo(expected.Height).Within(2e-3));

            // The tight box always lies between the minor-axis and major-axis extents; the recipe's
            // ~2b x 2a corner box (angle truncated, read as degrees) is only right for exactly vertical faces.
            Assert.That(got.Width, Is.InRange((2 * v[1]) - 1e-9, (2 * v[0]) + 1e-9));
            Assert.That(got.Height, Is.InRange((2 * v[1]) - 1e-9, (2 * v[0]) + 1e-9));
        }
    }
}
