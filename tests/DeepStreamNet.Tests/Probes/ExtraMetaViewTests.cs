using System.Runtime.InteropServices;
using DeepStreamNet.Interop;
using DeepStreamNet.Metadata;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Probes;

/// <summary>
/// The tracker past-frame / re-id, optical-flow, latency, segmentation, instance-mask and nvdsanalytics views, on metadata built
/// with the metadata library (libdsnet_meta) exactly as a producing element — and a C probe — would see it. No
/// portable element produces these yet; on DeepStream nvtracker, nvof, the latency API and nvinfer do.
/// </summary>
[TestFixture]
public sealed unsafe class ExtraMetaViewTests
{
    private NvDsBatchMeta* _batch;
    private NvDsFrameMeta* _frame;
    private NvDsObjectMeta* _obj;
    private List<nint> _allocations = [];

    [OneTimeSetUp]
    public void Init() => ProbeTestEnv.Init();

    [SetUp]
    public void Build()
    {
        _batch = NvDs.nvds_create_batch_meta(2);
        _frame = NvDs.nvds_acquire_frame_meta_from_pool(_batch);
        _frame->source_id = 3;
        _frame->pad_index = 3;
        _frame->frame_num = 42;
        NvDs.nvds_add_frame_meta_to_batch(_batch, _frame);
        _obj = NvDs.nvds_acquire_obj_meta_from_pool(_batch);
        _obj->object_id = 7;
        NvDs.nvds_add_obj_meta_to_frame(_frame, _obj, null);
        _allocations = [];
    }

    [TearDown]
    public void Release()
    {
        NvDs.nvds_destroy_batch_meta(_batch);
        foreach (var p in _allocations)
        {
            NativeMemory.Free((void*)p);
        }
    }

    [Test]
    public void PastFrameDataReadsStreamsTargetsAndObservations()
    {
        var observations = Alloc<NvDsPastFrameObj>(2);
        observations[0] = new NvDsPastFrameObj { frameNum = 40, confidence = 0.8f, age = 3 };
        observations[0].tBbox.left = 10;
        observations[0].tBbox.width = 20;
        observations[1] = new NvDsPastFrameObj { frameNum = 41, confidence = 0.9f, age = 4 };
        var target = Alloc<NvDsPastFrameObjList>(1);
        target->list = observations;
        target->numObj = 2;
        target->uniqueId = 7;
        target->classId = 1;
        "no-mask\0"u8.CopyTo(new Span<byte>(target->objLabel, 128));
        var stream = Alloc<NvDsPastFrameObjStream>(1);
        *stream = new NvDsPastFrameObjStream { list = target, streamID = 3, surfaceStreamID = 3ul << 32, numAllocated = 1, numFilled = 1 };
        var batch = Alloc<NvDsPastFrameObjBatch>(1);
        *batch = new NvDsPastFrameObjBatch { list = stream, numAllocated = 2, numFilled = 1 };
        AddBatchUserMeta(batch, NvDsMetaType.NVDS_TRACKER_PAST_FRAME_META);

        var view = PastFrameBatch.Find(new BatchMeta(_batch));
        Assert.That(view.IsNull, Is.False);
        Assert.That(view.StreamCount, Is.EqualTo(1));
        var s = view.Stream(0);
        Assert.That((s.StreamId, s.SurfaceStreamId, s.TargetCount), Is.EqualTo((3u, 3ul << 32, 1)));
        var t = s.Target(0);
        Assert.That((t.TrackId, t.ClassId), Is.EqualTo((7ul, 1)));
        Assert.That(t.LabelUtf8.SequenceEqual("no-mask"u8), Is.True);
        Assert.That(t.Observations.Length, Is.EqualTo(2));
        Assert.That((t.Observations[0].frameNum, t.Observations[0].tBbox.left, t.Observations[0].tBbox.width, t.Observations[1].age), Is.EqualTo((40u, 10f, 20f, 4u)));
        Assert.Throws<ArgumentOutOfRangeException>(() => PastFrameBatch.Find(new BatchMeta(_batch)).Stream(1));
    }

    [Test]
    public void ReidFeatureOfAnObjectComesFromItsIndex()
    {
        var vectors = Alloc<float>(3 * 4);
        for (var i = 0; i < 12; i++)
        {
            vectors[i] = i;
        }

        var tensor = Alloc<NvDsReidTensorBatch>(1);
        *tensor = new NvDsReidTensorBatch { featureSize = 4, numFilled = 3, ptr_host = vectors };
        AddBatchUserMeta(tensor, NvDsMetaType.NVDS_TRACKER_BATCH_REID_META);
        var index = Alloc<int>(1);
        *index = 2;
        var um = NvDs.nvds_acquire_user_meta_from_pool(_batch);
        um->user_meta_data = index;
        um->base_meta.meta_type = NvDsMetaType.NVDS_TRACKER_OBJ_REID_META;
        NvDs.nvds_add_user_meta_to_obj(_obj, um);

        var reid = ReidTensor.Find(new BatchMeta(_batch));
        Assert.That((reid.FeatureSize, reid.Count), Is.EqualTo((4, 3)));
        Assert.That(reid.FeatureOf(new ObjectMeta(_obj)).ToArray(), Is.EqualTo(new float[] { 8, 9, 10, 11 }));
    }

    [Test]
    public void OpticalFlowVectorsByBlock()
    {
        var data = Alloc<NvOFFlowVector>(2 * 3);
        for (short i = 0; i < 6; i++)
        {
            data[i] = new NvOFFlowVector { flowx = i, flowy = (short)-i };
        }

        var of = Alloc<NvDsOpticalFlowMeta>(1);
        *of = new NvDsOpticalFlowMeta { rows = 2, cols = 3, frame_num = 42, data = data, mv_size = 24 };
        var um = NvDs.nvds_acquire_user_meta_from_pool(_batch);
        um->user_meta_data = of;
        um->base_meta.meta_type = NvDsMetaType.NVDS_OPTICAL_FLOW_META;
        NvDs.nvds_add_user_meta_to_frame(_frame, um);

        var flow = OpticalFlow.Find(new FrameMeta(_frame));
        Assert.That((flow.Rows, flow.Cols, flow.FrameNumber), Is.EqualTo((2, 3, 42ul)));
        Assert.That(flow.At(x: 9, y: 5).flowx, Is.EqualTo(5), "pixel (9,5) with 4-pixel blocks is block (2,1)");
        var flat = new float[12];
        flow.CopyTo(flat);
        Assert.That(flat[10..12], Is.EqualTo(new float[] { 5, -5 }));
    }

    [Test]
    public void LatencyEntriesAndFrameLatency()
    {
        var now = LatencyMeasurement.NowMilliseconds();
        var decoder = Alloc<NvDsMetaCompLatency>(1);
        "nvv4l2decoder0\0"u8.CopyTo(new Span<byte>(decoder->component_name, 64));
        decoder->in_system_timestamp = now - 50;
        decoder->out_system_timestamp = now - 40;
        decoder->source_id = 3;
        decoder->frame_num = 42;
        AddBatchUserMeta(decoder, NvDsMetaType.NVDS_LATENCY_MEASUREMENT_META);
        var mux = Alloc<NvDsMetaCompLatency>(1);
        "nvstreammux-m\0"u8.CopyTo(new Span<byte>(mux->component_name, 64));
        mux->in_system_timestamp = now - 30;
        mux->out_system_timestamp = now - 25;
        mux->source_id = 3;
        mux->frame_num = 42;
        AddBatchUserMeta(mux, NvDsMetaType.NVDS_LATENCY_MEASUREMENT_META);

        var names = new List<(string, double)>();
        foreach (var um in new BatchMeta(_batch).UserMeta)
        {
            if (ComponentLatency.TryFrom(um, out var e))
            {
                names.Add((e.ComponentName, e.LatencyMilliseconds));
            }
        }

        Assert.That(names.Select(n => n.Item1), Is.EquivalentTo(new[] { "nvv4l2decoder0", "nvstreammux-m" }));
        Assert.That(names.Select(n => n.Item2), Is.All.EqualTo(10).Within(0.01).Or.EqualTo(5).Within(0.01));
        Span<NvDsFrameLatencyInfo> info = stackalloc NvDsFrameLatencyInfo[2];
        Assert.That(LatencyMeasurement.MeasureBuffer(new BatchMeta(_batch), info), Is.EqualTo(1));
        Assert.That((info[0].source_id, info[0].frame_num), Is.EqualTo((3u, 42u)));
        Assert.That(info[0].comp_in_timestamp, Is.EqualTo(now - 50).Within(0.001));
        Assert.That(info[0].latency, Is.InRange(50, 5000));

        var before = Environment.GetEnvironmentVariable(LatencyMeasurement.FrameVariable);
        Environment.SetEnvironmentVariable(LatencyMeasurement.FrameVariable, "0");
        try
        {
            Assert.That(LatencyMeasurement.IsEnabled, Is.True, "any value switches it on, as in deepstream-app");
        }
        finally
        {
            Environment.SetEnvironmentVariable(LatencyMeasurement.FrameVariable, before);
        }
    }

    [Test]
    public void SegmentationMapAndInstanceMask()
    {
        var map = Alloc<int>(6);
        for (var i = 0; i < 6; i++)
        {
            map[i] = i % 2 == 0 ? 1 : -1;
        }

        var seg = Alloc<NvDsInferSegmentationMeta>(1);
        *seg = new NvDsInferSegmentationMeta { classes = 2, width = 3, height = 2, class_map = map, unique_id = 4 };
        var um = NvDs.nvds_acquire_user_meta_from_pool(_batch);
        um->user_meta_data = seg;
        um->base_meta.meta_type = NvDsMetaType.NVDSINFER_SEGMENTATION_META;
        NvDs.nvds_add_user_meta_to_frame(_frame, um);

        var view = SegmentationMeta.Find(new FrameMeta(_frame));
        Assert.That((view.Classes, view.Width, view.Height, view.UniqueId), Is.EqualTo((2, 3, 2, 4)));
        Assert.That(view.ClassAt(1, 1), Is.EqualTo(1));
        Assert.That(view.ClassAt(0, 1), Is.EqualTo(-1));
        Assert.That(view.Probabilities.IsEmpty, Is.True);

        Assert.That(new ObjectMeta(_obj).Mask().IsEmpty, Is.True);
        var mask = Alloc<float>(4);
        mask[3] = 0.9f;
        _obj->mask_params = new NvOSD_MaskParams { data = mask, width = 2, height = 2, threshold = 0.5f, size = 16 };
        var m = new ObjectMeta(_obj).Mask();
        Assert.That((m.Width, m.Height, m.Contains(1, 1), m.Contains(0, 0)), Is.EqualTo((2, 2, true, false)));
        _obj->mask_params = default; // not the library's to free
    }

    [Test]
    public void AnalyticsFrameAndObjectMetaReadTheCppPayloads()
    {
        // gst-nvdsanalytics' payloads are libstdc++ objects: a C++ fixture builds them as the element does.
        var lib = NativeLibrary.Load(Path.Combine(ProbeTestEnv.NativeLibDir, "libdsnet_analytics_fixture.so"));
        var attach = (delegate* unmanaged<NvDsBatchMeta*, NvDsFrameMeta*, NvDsObjectMeta*, void>)NativeLibrary.GetExport(lib, "dsnet_fixture_attach_analytics");
        attach(_batch, _frame, _obj);

        var frame = AnalyticsFrameMeta.Find(new FrameMeta(_frame));
        Assert.That(frame.IsNull, Is.False);
        Assert.That(frame.UniqueId, Is.EqualTo(17u));
        Assert.That(frame.Overcrowded.ToDictionary(), Is.EquivalentTo(new Dictionary<string, bool> { ["crowd-entrance"] = true, ["crowd-exit"] = false }));
        Assert.That(frame.ObjectsInRoi.ToDictionary(), Is.EquivalentTo(new Dictionary<string, uint> { ["RF"] = 3, ["a-region-label-longer-than-sixteen-bytes"] = 12 }));
        Assert.That(frame.LineCrossingsInFrame.TryGetValue("Exit"u8, out var now) && now == 1, Is.True);
        Assert.That(frame.LineCrossingsTotal.ToDictionary(), Is.EquivalentTo(new Dictionary<string, ulong> { ["Exit"] = 41, ["Entry"] = 7 }));
        Assert.That(frame.LineCrossingsTotal.TryGetValue("Nowhere"u8, out _), Is.False);
        Assert.That((frame.ObjectCount(0), frame.ObjectCount(1), frame.ObjectCount(2)), Is.EqualTo((5u, 2u, 0u)));

        var obj = AnalyticsObjectMeta.Find(new ObjectMeta(_obj));
        Assert.That(obj.IsNull, Is.False);
        Assert.That(obj.Rois.ToArray(), Is.EqualTo(new[] { "RF" }));
        Assert.That(obj.OvercrowdingRois.Count, Is.Zero);
        Assert.That(obj.LinesCrossed.ToArray(), Is.EqualTo(new[] { "Exit", "a-line-label-longer-than-sixteen-bytes" }));
        Assert.That(obj.LinesCrossed.Contains("Exit"u8), Is.True);
        Assert.That(obj.DirectionUtf8.SequenceEqual("South"u8), Is.True);
        Assert.That(obj.StatusUtf8.SequenceEqual("ROI: RF LC: Exit"u8), Is.True);
        Assert.That(obj.UniqueId, Is.EqualTo(17u));
        // TearDown's nvds_destroy_batch_meta runs the fixture's release funcs (C++ delete).
    }

    private T* Alloc<T>(int count)
        where T : unmanaged
    {
        var p = (T*)NativeMemory.AllocZeroed((nuint)count, (nuint)sizeof(T));
        _allocations.Add((nint)p);
        return p;
    }

    private void AddBatchUserMeta(void* payload, NvDsMetaType type)
    {
        var um = NvDs.nvds_acquire_user_meta_from_pool(_batch);
        um->user_meta_data = payload;
        um->base_meta.meta_type = type;
        NvDs.nvds_add_user_meta_to_batch(_batch, um);
    }
}
