using System.Text;
using System.Text.Json;
using DeepStreamNet.Interop;
using DeepStreamNet.Metadata;
using DeepStreamNet.Metadata.Events;
using DeepStreamNet.Service.Messages;
using NUnit.Framework;

namespace DeepStreamNet.Service.Tests.Messages;

/// <summary>The full (payload-type 0) and minimal (payload-type 1) JSON schemas of DeepStream 6.3 (spec §4–§5).</summary>
[TestFixture]
public sealed class SchemaTests
{
    private static readonly MsgConvConfig Config = new()
    {
        Sensors = { [3] = new SensorInfo("CAMERA_ID", "Camera", "gate", new Triple(1, 2, 3), new Triple(4, 5, 6)) },
        Places = { [1] = new PlaceInfo("1", "XYZ", "garage", new Triple(30.32, -40.55, 100), new Triple(1, 2, 3), "walsh", "lane1", "P2") },
        Analytics = { [2] = new AnalyticsInfo("XYZ", "desc", "OpenALR", "1.0") },
    };

    private static EventMessage Vehicle => new()
    {
        Type = NvDsEventType.NVDS_EVENT_MOVING,
        ObjectType = NvDsObjectType.NVDS_OBJECT_TYPE_VEHICLE,
        Box = new RectF(585.5f, 472, 56.5f, 46),
        SensorId = 3,
        PlaceId = 1,
        ModuleId = 2,
        FrameId = 77,
        Confidence = 0.9,
        TrackingId = 42,
        Timestamp = "2023-07-01T10:00:00.123Z",
        Attributes = new VehicleAttributes("sedan", "Bugatti", "M", "blue", "CA", "XX1234"),
    };

    [Test]
    public void FullSchemaHasDeepStreamsMembersInOrder()
    {
        using var doc = JsonDocument.Parse(FullSchema.Write(Vehicle, Config));
        var root = doc.RootElement;
        Assert.That(root.EnumerateObject().Select(p => p.Name),
            Is.EqualTo(new[] { "messageid", "mdsversion", "@timestamp", "place", "sensor", "analyticsModule", "object", "event", "videoPath" }));
        var obj = root.GetProperty("object");
        Assert.Multiple(() =>
        {
            Assert.That(Guid.TryParse(root.GetProperty("messageid").GetString(), out _), Is.True);
            Assert.That(root.GetProperty("messageid").GetString(), Has.Length.EqualTo(36));
            Assert.That(root.GetProperty("@timestamp").GetString(), Is.EqualTo("2023-07-01T10:00:00.123Z"));
            Assert.That(root.GetProperty("place").GetProperty("aisle").GetProperty("id").GetString(), Is.EqualTo("walsh"), "MOVING → aisle");
            Assert.That(root.GetProperty("place").GetProperty("aisle").GetProperty("coordinate").GetProperty("z").GetDouble(), Is.EqualTo(3));
            Assert.That(root.GetProperty("sensor").GetProperty("id").GetString(), Is.EqualTo("CAMERA_ID"));
            Assert.That(root.GetProperty("analyticsModule").GetProperty("source").GetString(), Is.EqualTo("OpenALR"));
            Assert.That(obj.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "id", "speed", "direction", "orientation", "vehicle", "bbox", "location", "coordinate", "pose" }));
            Assert.That(obj.GetProperty("id").GetString(), Is.EqualTo("42"));
            Assert.That(obj.GetProperty("vehicle").GetProperty("licenseState").GetString(), Is.EqualTo("CA"));
            Assert.That(obj.GetProperty("vehicle").GetProperty("confidence").GetDouble(), Is.EqualTo(0.9));
            Assert.That(obj.GetProperty("bbox").GetProperty("topleftx").GetInt32(), Is.EqualTo(585), "truncated toward zero");
            Assert.That(obj.GetProperty("bbox").GetProperty("bottomrightx").GetInt32(), Is.EqualTo(642));
            Assert.That(obj.GetProperty("bbox").GetProperty("bottomrighty").GetInt32(), Is.EqualTo(518));
            Assert.That(root.GetProperty("event").GetProperty("type").GetString(), Is.EqualTo("moving"));
            Assert.That(root.GetProperty("videoPath").GetString(), Is.Empty);
        });
    }

    [Test]
    public void FullSchemaNullsMissingGroupsAndFollowsTheTypeRules()
    {
        var face = new EventMessage
        {
            Type = NvDsEventType.NVDS_EVENT_ENTRY,
            ObjectType = NvDsObjectType.NVDS_OBJECT_TYPE_FACE,
            PlaceId = 1,
            SensorId = 9,
            ModuleId = 9,
            Signature = [0.5, 1.5],
            Embedding = [1, 2],
            Pose = new EventPose(0, [new EventJoint(10, 20, 0, 2), new EventJoint(1, 1, 0, 0)]),
        };
        using var doc = JsonDocument.Parse(FullSchema.Write(face, Config));
        var root = doc.RootElement;
        var obj = root.GetProperty("object");
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("@timestamp").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(root.GetProperty("sensor").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(root.GetProperty("analyticsModule").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(root.GetProperty("place").GetProperty("entrance").GetProperty("lane").GetString(), Is.EqualTo("lane1"), "ENTRY of a non-vehicle → entrance");
            Assert.That(obj.GetProperty("face").GetProperty("confidence").GetDouble(), Is.EqualTo(1.0), "no extension → confidence 1.0");
            Assert.That(obj.GetProperty("id").GetString(), Is.EqualTo("18446744073709551615"), "untracked");
            Assert.That(obj.GetProperty("signature").EnumerateArray().Select(v => v.GetDouble()), Is.EqualTo(new[] { 0.5, 1.5 }));
            Assert.That(obj.GetProperty("embedding").GetProperty("embedding_length").GetInt32(), Is.EqualTo(2));
            Assert.That(obj.GetProperty("pose").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "nose" }), "joints with confidence 0 are left out");
            Assert.That(root.GetProperty("event").GetProperty("type").GetString(), Is.EqualTo("entry"));
        });

        var unknown = new EventMessage { ObjectId = "no-mask", Type = NvDsEventType.NVDS_EVENT_CUSTOM };
        using var u = JsonDocument.Parse(FullSchema.Write(unknown, MsgConvConfig.Empty));
        Assert.Multiple(() =>
        {
            Assert.That(u.RootElement.GetProperty("object").GetProperty("no-mask").ValueKind, Is.EqualTo(JsonValueKind.Object));
            Assert.That(u.RootElement.GetProperty("event").TryGetProperty("type", out _), Is.False, "custom events have no type");
            Assert.That(u.RootElement.GetProperty("place").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public void MinimalSchemaStringsMatchDeepStreams()
    {
        var test5 = new EventMessage { ObjectId = "car", Box = new RectF(585.5f, 472, 56.5f, 46) };
        var face = new EventMessage
        {
            ObjectType = NvDsObjectType.NVDS_OBJECT_TYPE_FACE,
            TrackingId = 7,
            Box = new RectF(1, 2, 3, 4),
            Confidence = 0.5,
            Attributes = new FaceAttributes("f", "h", "c", "g", null, "n", "e", 30),
        };
        var person = new EventMessage { ObjectType = NvDsObjectType.NVDS_OBJECT_TYPE_PERSON, TrackingId = 1, Box = new RectF(0, 0, 1234567, 1) };
        var masked = new EventMessage
        {
            ObjectType = NvDsObjectType.NVDS_OBJECT_TYPE_PERSON_EXT,
            TrackingId = 12,
            Attributes = new PersonAttributes(null, null, null, null, 0) { Mask = [[1, 2, 3], [4, 5]] },
        };
        Assert.Multiple(() =>
        {
            Assert.That(MinimalSchema.ObjectString(Vehicle), Is.EqualTo("42|585.5|472|642|518|Vehicle|#|sedan|Bugatti|M|blue|XX1234|CA|0.9"));
            Assert.That(MinimalSchema.ObjectString(test5), Is.EqualTo("18446744073709551615|585.5|472|642|518|car"));
            Assert.That(MinimalSchema.ObjectString(face), Is.EqualTo("7|1|2|4|6|Face|#|f|30|h|c|g||n||e|0.5"));
            Assert.That(MinimalSchema.ObjectString(person), Is.EqualTo("1|0|0|1.23457e+06|1|Person|#||||||"));
        });

        using var doc = JsonDocument.Parse(MinimalSchema.Write([Vehicle, test5, masked], Config)!);
        var root = doc.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "version", "id", "@timestamp", "sensorId", "objects", "masks" }));
            Assert.That(root.GetProperty("version").GetString(), Is.EqualTo("4.0"));
            Assert.That(root.GetProperty("id").GetString(), Is.EqualTo("77"), "the first event's frameId");
            Assert.That(root.GetProperty("sensorId").GetString(), Is.EqualTo("CAMERA_ID"), "[sensor3] id");
            Assert.That(root.GetProperty("objects").GetArrayLength(), Is.EqualTo(3));
            Assert.That(root.GetProperty("masks")[0].GetString(), Is.EqualTo("12|2|1|2|3|#|4|5"));
        });

        using var noConfig = JsonDocument.Parse(MinimalSchema.Write([test5 with { SensorStr = null }], null)!);
        Assert.That(noConfig.RootElement.GetProperty("sensorId").GetString(), Is.EqualTo("0"));
        using var sensorStr = JsonDocument.Parse(MinimalSchema.Write([test5 with { SensorStr = "cam-9" }], Config)!);
        Assert.That(sensorStr.RootElement.GetProperty("sensorId").GetString(), Is.EqualTo("cam-9"));
    }

    [Test]
    public void ConverterAppliesPayloadTypeAndComponentFilter()
    {
        var events = new[] { Vehicle, Vehicle with { ComponentId = 2 }, Vehicle with { ComponentId = 3 } };
        Assert.Multiple(() =>
        {
            Assert.That(MessageConverter.Create(0, Config).Convert(events), Has.Count.EqualTo(3), "full: one per event");
            Assert.That(MessageConverter.Create(0, Config, componentId: 2).Convert(events), Has.Count.EqualTo(1));
            Assert.That(MessageConverter.Create(1, Config).Convert(events), Has.Count.EqualTo(1), "minimal: one per frame");
            Assert.That(MessageConverter.Create(1, Config).Convert([]), Is.Empty);
            Assert.That(Encoding.UTF8.GetString(MessageConverter.Create(257, null).Convert(events)[0]), Is.EqualTo("CUSTOM Schema\0"));
            Assert.That(MessageConverter.Create(256, null).Convert(events), Is.Empty);
            Assert.That(() => MessageConverter.Create(2, Config), Throws.TypeOf<NotSupportedException>().With.Message.Contains("protobuf"));
        });
    }
}
