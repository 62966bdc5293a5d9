using System.Runtime.InteropServices;
using DeepStreamNet.Interop;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Events;

/// <summary>The event-message structs have DeepStream 6.3's sizes and offsets (shared/spec/deepstream-events-and-rest.md §1.2–1.4).</summary>
[TestFixture]
public sealed unsafe class EventMsgMetaLayoutTests
{
    private static int Off<T>(string field) => (int)Marshal.OffsetOf<T>(field);

    [Test]
    public void EventMsgMetaFieldsSitAtTheSpecOffsets()
    {
        var spec = new (string Name, int Offset)[]
        {
            ("type", 0), ("objType", 4), ("bbox", 8), ("location", 24), ("coordinate", 48), ("objSignature", 72), ("objClassId", 88),
            ("sensorId", 92), ("moduleId", 96), ("placeId", 100), ("componentId", 104), ("frameId", 108), ("confidence", 112),
            ("trackingId", 120), ("ts", 128), ("objectId", 136), ("sensorStr", 144), ("otherAttrs", 152), ("videoPath", 160),
            ("extMsg", 168), ("extMsgSize", 176), ("pose", 184), ("embedding", 200),
        };
        Assert.Multiple(() =>
        {
            Assert.That(sizeof(NvDsEventMsgMeta), Is.EqualTo(216));
            foreach (var (name, offset) in spec)
            {
                Assert.That(Off<NvDsEventMsgMeta>(name), Is.EqualTo(offset), name);
            }
        });
    }

    [Test]
    public void CompanionStructsHaveTheSpecSizes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(sizeof(NvDsRect), Is.EqualTo(16));
            Assert.That(Off<NvDsRect>("top"), Is.Zero, "NvDsRect: top before left");
            Assert.That(Off<NvDsRect>("left"), Is.EqualTo(4));
            Assert.That(Off<NvDsJoints>("pose_type"), Is.EqualTo(12));
            Assert.That(Off<NvDsPayload>("componentId"), Is.EqualTo(12));
            Assert.That(Off<NvDsFaceObjectExt>("mask"), Is.EqualTo(64));
            Assert.That(sizeof(NvDsGeoLocation), Is.EqualTo(24));
            Assert.That(sizeof(NvDsCoordinate), Is.EqualTo(24));
            Assert.That(sizeof(NvDsObjectSignature), Is.EqualTo(16));
            Assert.That(sizeof(NvDsVehicleObject), Is.EqualTo(48));
            Assert.That(sizeof(NvDsPersonObject), Is.EqualTo(40));
            Assert.That(sizeof(NvDsFaceObject), Is.EqualTo(64));
            Assert.That(sizeof(NvDsVehicleObjectExt), Is.EqualTo(56));
            Assert.That(sizeof(NvDsPersonObjectExt), Is.EqualTo(48));
            Assert.That(sizeof(NvDsFaceObjectExt), Is.EqualTo(72));
            Assert.That(sizeof(NvDsProductObject), Is.EqualTo(24));
            Assert.That(sizeof(NvDsProductObjectExt), Is.EqualTo(32));
            Assert.That(sizeof(NvDsJoint), Is.EqualTo(16));
            Assert.That(sizeof(NvDsJoints), Is.EqualTo(16));
            Assert.That(sizeof(NvDsEmbedding), Is.EqualTo(16));
            Assert.That(sizeof(NvDsEvent), Is.EqualTo(16));
            Assert.That(sizeof(NvDsCustomMsgInfo), Is.EqualTo(16));
            Assert.That(sizeof(NvDsPayload), Is.EqualTo(16));
        });
    }

    [Test]
    public void EnumsHaveTheSixThreeValues()
    {
        Assert.Multiple(() =>
        {
            Assert.That((int)NvDsMetaType.NVDS_EVENT_MSG_META, Is.EqualTo(9));
            Assert.That((int)NvDsMetaType.NVDS_PAYLOAD_META, Is.EqualTo(8));
            Assert.That((int)NvDsEventType.NVDS_EVENT_RESET, Is.EqualTo(6));
            Assert.That((int)NvDsEventType.NVDS_EVENT_CUSTOM, Is.EqualTo(0x101));
            Assert.That((int)NvDsObjectType.NVDS_OBJECT_TYPE_PRODUCT_EXT, Is.EqualTo(10));
            Assert.That((int)NvDsObjectType.NVDS_OBJECT_TYPE_UNKNOWN, Is.EqualTo(0x102));
            Assert.That((int)NvDsPayloadType.NVDS_PAYLOAD_DEEPSTREAM_MINIMAL, Is.EqualTo(1));
            Assert.That((int)NvDsPayloadType.NVDS_PAYLOAD_CUSTOM, Is.EqualTo(0x101));
        });
    }
}
