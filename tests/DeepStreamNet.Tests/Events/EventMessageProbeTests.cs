using DeepStreamNet.InferImages;
using DeepStreamNet.Interop;
using DeepStreamNet.Metadata;
using DeepStreamNet.Metadata.Events;
using DeepStreamNet.Probes;
using DeepStreamNet.Tests.Probes;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Events;

/// <summary>
/// A C# probe attaches NVDS_EVENT_MSG_META to frames of a real pipeline (UltraFace on a Kaggle image); a probe after
/// dsnetmultistreamtiler — which deep-copies the batch meta, so the copy function runs — reads every field back, and
/// every native event is released once the buffers are gone.
/// </summary>
[TestFixture]
public sealed class EventMessageProbeTests
{
    [OneTimeSetUp]
    public void Init() => ProbeTestEnv.Init();

    private static EventMessage FaceEvent(in FrameMeta f, in ObjectMeta o) => new()
    {
        Type = NvDsEventType.NVDS_EVENT_ENTRY,
        ObjectType = NvDsObjectType.NVDS_OBJECT_TYPE_FACE,
        Box = o.Rect,
        Location = (48.1, 11.5, 520.0),
        Coordinate = (1, 2, 3),
        Signature = [0.25, 0.5],
        ClassId = o.ClassId,
        SensorId = (int)f.SourceId,
        PlaceId = 1,
        ModuleId = 2,
        FrameId = f.FrameNumber,
        Confidence = o.Confidence,
        TrackingId = 40 + (ulong)f.FrameNumber,
        Timestamp = EventMessage.FormatTimestamp(new DateTimeOffset(2024, 5, 6, 7, 8, 9, 123, TimeSpan.Zero)),
        ObjectId = o.Label,
        SensorStr = "cam-ü-1",
        OtherAttributes = "other",
        VideoPath = "/v.mp4",
        Attributes = new FaceAttributes(null, "short", "none", null, null, o.Label, "brown", 33),
        Pose = new EventPose(0, [new EventJoint(1, 2, 0, 0.5f), new EventJoint(3, 4, 0, 1)]),
        Embedding = [0.5f, -1f, 2f],
    };

    [Test]
    public void AttachedEventsSurviveTheTilerCopyAndAreReleased()
    {
        var attached = new List<EventMessage>();
        var read = new List<EventMessage>();
        var spans = new List<(string Ts, string Obj, int Count)>();
        using (var pipeline = new LaunchedPipeline(
            $"filesrc location=\"{ProbeTestEnv.FaceImage}\" ! pngdec ! imagefreeze num-buffers=3 ! video/x-raw,framerate=25/1 ! videoconvert ! m.sink_0 " +
            $"dsnetstreammux name=m batch-size=1 width=512 height=366 ! dsnetinfer name=infer config-file-path=\"{ProbeTestEnv.InferConfig}\" ! " +
            "dsnetmultistreamtiler width=512 height=366 ! identity name=after ! fakesink"))
        {
            using var add = pipeline.AddProbe("infer", "src", (ref BatchMeta batch, in ProbeContext ctx) =>
            {
                foreach (var f in batch.Frames)
                {
                    foreach (var o in f.Objects)
                    {
                        var e = FaceEvent(f, o);
                        f.AddEventMessage(e);
                        attached.Add(e);
                    }
                }
            });
            using var check = pipeline.AddProbe("after", "src", (ref BatchMeta batch, in ProbeContext ctx) =>
            {
                foreach (var f in batch.Frames)
                {
                    var n = f.EventMessages().Count;
                    foreach (var ev in f.EventMessages())
                    {
                        read.Add(ev.ToMessage());
                        spans.Add((System.Text.Encoding.UTF8.GetString(ev.TimestampUtf8), System.Text.Encoding.UTF8.GetString(ev.ObjectIdUtf8), n));
                    }
                }
            });
            pipeline.RunToEnd(TimeSpan.FromSeconds(60));
            Assert.That(add.Stats.Faults + check.Stats.Faults, Is.Zero, add.Stats.LastFault ?? check.Stats.LastFault);
        }

        Assert.That(attached, Has.Count.GreaterThanOrEqualTo(6), "3 frames with 2–4 faces each");
        Assert.That(read, Has.Count.EqualTo(attached.Count));
        for (var i = 0; i < read.Count; i++)
        {
            var a = attached[i];
            var r = read[i];
            Assert.Multiple(() =>
            {
                Assert.That(r with { Signature = a.Signature, Embedding = a.Embedding, Pose = a.Pose, Attributes = a.Attributes }, Is.EqualTo(a), "scalar fields and strings");
                Assert.That((r.Attributes as FaceAttributes)! with { Mask = a.Attributes!.Mask }, Is.EqualTo(a.Attributes), "the face extension");
                Assert.That(r.Attributes!.Mask, Is.Empty);
                Assert.That(r.Signature, Is.EqualTo(a.Signature));
                Assert.That(r.Embedding, Is.EqualTo(a.Embedding));
                Assert.That(r.Pose!.PoseType, Is.EqualTo(0));
                Assert.That(r.Pose.Joints, Is.EqualTo(a.Pose!.Joints));
                Assert.That(spans[i].Ts, Is.EqualTo("2024-05-06T07:08:09.123Z"));
                Assert.That(spans[i].Obj, Is.AnyOf("mask", "no-mask"));
            });
        }

        GC.Collect();
        Assert.That(FrameEventMessages.LiveNativeEvents, Is.Zero, "every native event meta (originals and tiler copies) was released");
    }

    [Test]
    public void AttributesMustMatchTheObjectType()
    {
        var faults = 0;
        string? message = null;
        using var pipeline = new LaunchedPipeline(ProbeTestEnv.TestSrcPipeline(1));
        using var add = pipeline.AddProbe("after", "src", (ref BatchMeta batch, in ProbeContext ctx) =>
        {
            foreach (var f in batch.Frames)
            {
                try
                {
                    f.AddEventMessage(new EventMessage { ObjectType = NvDsObjectType.NVDS_OBJECT_TYPE_VEHICLE, Attributes = new PersonAttributes("f", null, null, null, 3) });
                }
                catch (ArgumentException ex)
                {
                    faults++;
                    message = ex.Message;
                }
            }
        });
        pipeline.RunToEnd(TimeSpan.FromSeconds(30));
        Assert.That(faults, Is.EqualTo(1));
        Assert.That(message, Does.Contain("PersonAttributes").And.Contain("VEHICLE"));
    }
}
