using DeepStreamNet.Config;
using DeepStreamNet.Service.Messages;
using NUnit.Framework;

namespace DeepStreamNet.Service.Tests.Messages;

/// <summary>Message-converter config files read with DeepStream 6.3's rules (spec §3).</summary>
[TestFixture]
public sealed class MsgConvConfigTests
{
    private static string Write(string text, string ext = ".txt")
    {
        var path = Path.Combine(ServicePaths.TempDir("msgconv"), "msgconv" + ext);
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public void EnabledGroupsAreReadAndDisabledOrUnknownOnesIgnored()
    {
        var c = MsgConvConfig.Load(Write("""
            [sensor0]
            enable=1
            type=Camera
            id=entrance-cam
            location=45.29;-75.83;48.15
            description=Entrance
            coordinate=5.2;10.1;11.2

            [sensor1]
            enable=0
            id=off

            [place0]
            enable=1
            id=1
            type=building
            name=HQ
            location=30.32;-40.55;100.0
            coordinate=1.0;2.0;3.0
            place-sub-field1=door-a
            place-sub-field2=lane1
            place-sub-field3=L1

            [analytics0]
            enable=1
            id=XYZ
            description="mask check"
            source=dsnet
            version=1.0

            [other]
            foo=bar
            """));
        Assert.Multiple(() =>
        {
            Assert.That(c.Sensors.Keys, Is.EquivalentTo(new[] { 0 }));
            Assert.That(c.Sensors[0], Is.EqualTo(new SensorInfo("entrance-cam", "Camera", "Entrance", new Triple(45.29, -75.83, 48.15), new Triple(5.2, 10.1, 11.2))));
            Assert.That(c.Places[0].SubField1, Is.EqualTo("door-a"));
            Assert.That(c.Places[0].Location, Is.EqualTo(new Triple(30.32, -40.55, 100.0)));
            Assert.That(c.Analytics[0].Description, Is.EqualTo("\"mask check\""), "GKeyFile keeps quotes literally");
        });
    }

    [Test]
    public void BadFilesNameFileGroupKeyAndLine()
    {
        var path = Write("[sensor0]\nenable=1\nlocation=1;2\n");
        var ex = Assert.Throws<KeyFileException>(() => MsgConvConfig.Load(path))!;
        Assert.That(ex.Message, Does.Contain(path).And.Contain(":3:").And.Contain("[sensor0] location").And.Contain("exactly 3"));

        var noNumber = Write("[sensor]\nenable=1\n");
        Assert.That(() => MsgConvConfig.Load(noNumber), Throws.TypeOf<KeyFileException>().With.Message.Contains("sensor<N>"));

        var dup = Write("[sensor0]\nenable=1\n[sensor00]\nenable=1\n");
        Assert.That(() => MsgConvConfig.Load(dup), Throws.TypeOf<KeyFileException>().With.Message.Contains("duplicate sensor id 0"));

        Assert.That(() => MsgConvConfig.Load(Write("sensor0:\n  enable: 1\n", ".yml")), Throws.TypeOf<KeyFileException>().With.Message.Contains("YAML"));
    }

    [Test]
    public void CsvRowsDefineSensorPlaceAndAnalyticsById()
    {
        var c = MsgConvConfig.Load(Write("h0,h1,h2,h3,h4,h5,h6\nx,cam-A,Front door,y,s1,s2,s3\nx,cam-B,Back,y,t1,t2,t3\n", ".csv"));
        Assert.Multiple(() =>
        {
            Assert.That(c.Sensors[1], Is.EqualTo(new SensorInfo("cam-B", "Camera", "Back", default, default)));
            Assert.That(c.Places[0], Is.EqualTo(new PlaceInfo("Id", "endeavor", "building/garage", default, default, "s1", "s2", "s3")));
            Assert.That(c.Analytics[1].Version, Is.EqualTo("1.0"));
        });
    }
}
