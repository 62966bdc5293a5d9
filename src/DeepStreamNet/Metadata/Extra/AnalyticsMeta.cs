using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata;

/// <summary>
/// nvdsanalytics' frame payload (<c>NvDsAnalyticsFrameMeta</c>, 288 bytes; pyds <c>NvDsAnalyticsFrameMeta.cast</c>):
/// overcrowding per ROI, objects per ROI, line-crossing counts (this frame and cumulative), objects per class — read
/// in place from the C++ object, no copies.
/// </summary>
public readonly unsafe ref struct AnalyticsFrameMeta
{
    private readonly byte* _p;

    /// <summary>Wraps a native payload.</summary>
    public AnalyticsFrameMeta(void* native) => _p = (byte*)native;

    /// <summary>True for a null view.</summary>
    public bool IsNull => _p is null;

    /// <summary><c>ocStatus</c>: per overcrowding ROI, whether it is overcrowded now.</summary>
    public AnalyticsCounts<bool> Overcrowded => new(_p);

    /// <summary><c>objInROIcnt</c>: objects inside each ROI.</summary>
    public AnalyticsCounts<uint> ObjectsInRoi => new(_p + 56);

    /// <summary><c>objLCCurrCnt</c>: crossings of each line in this frame.</summary>
    public AnalyticsCounts<ulong> LineCrossingsInFrame => new(_p + 112);

    /// <summary><c>objLCCumCnt</c>: crossings of each line since the start.</summary>
    public AnalyticsCounts<ulong> LineCrossingsTotal => new(_p + 168);

    /// <summary><c>unique_id</c> of the nvdsanalytics element.</summary>
    public uint UniqueId => *(uint*)(_p + 224);

    /// <summary><c>objCnt</c>: objects in the frame for class <paramref name="classId"/> (0 when absent).</summary>
    public uint ObjectCount(int classId)
    {
        // std::unordered_map<int, uint32_t>: node = next, int key, uint32 value (int hashes are not cached)
        for (var node = *(byte**)(_p + 232 + StdLayout.MapFirstNode); node is not null; node = *(byte**)node)
        {
            if (*(int*)(node + StdLayout.NodeValue) == classId)
            {
                return *(uint*)(node + StdLayout.NodeValue + 4);
            }
        }

        return 0;
    }

    /// <summary>The analytics frame meta on <paramref name="frame"/> (type <c>NVIDIA.DSANALYTICSFRAME.USER_META</c>), or a null view.</summary>
    public static AnalyticsFrameMeta Find(FrameMeta frame) => new(UserMetaPayload.Find(frame.UserMeta, AnalyticsMetaTypes.Frame));
}

/// <summary>
/// nvdsanalytics' object payload (<c>NvDsAnalyticsObjInfo</c>, 144 bytes; pyds <c>NvDsAnalyticsObjInfo.cast</c>):
/// the ROIs it is in, the lines it crossed, its direction and status, read in place.
/// </summary>
public readonly unsafe ref struct AnalyticsObjectMeta
{
    private readonly byte* _p;

    /// <summary>Wraps a native payload.</summary>
    public AnalyticsObjectMeta(void* native) => _p = (byte*)native;

    /// <summary>True for a null view.</summary>
    public bool IsNull => _p is null;

    /// <summary><c>roiStatus</c>.</summary>
    public AnalyticsLabels Rois => new(_p);

    /// <summary><c>ocStatus</c>.</summary>
    public AnalyticsLabels OvercrowdingRois => new(_p + 24);

    /// <summary><c>lcStatus</c>: lines crossed.</summary>
    public AnalyticsLabels LinesCrossed => new(_p + 48);

    /// <summary><c>dirStatus</c> (UTF-8; empty when none).</summary>
    public ReadOnlySpan<byte> DirectionUtf8 => StdLayout.String(_p + 72);

    /// <summary><c>unique_id</c>.</summary>
    public uint UniqueId => *(uint*)(_p + 104);

    /// <summary><c>objStatus</c> (6.3; UTF-8).</summary>
    public ReadOnlySpan<byte> StatusUtf8 => StdLayout.String(_p + 112);

    /// <summary>The analytics meta on <paramref name="obj"/> (type <c>NVIDIA.DSANALYTICSOBJ.USER_META</c>), or a null view.</summary>
    public static AnalyticsObjectMeta Find(ObjectMeta obj) => new(UserMetaPayload.Find(obj.UserMeta, AnalyticsMetaTypes.ObjectInfo));
}

/// <summary>The run-time meta types of nvdsanalytics' payloads (<c>nvds_get_user_meta_type</c> of their descriptors).</summary>
public static unsafe class AnalyticsMetaTypes
{
    private static NvDsMetaType _frame;
    private static NvDsMetaType _object;

    /// <summary><c>NVDS_USER_FRAME_META_NVDSANALYTICS</c>.</summary>
    public static NvDsMetaType Frame => _frame != 0 ? _frame : _frame = Lookup("NVIDIA.DSANALYTICSFRAME.USER_META\0"u8);

    /// <summary><c>NVDS_USER_OBJ_META_NVDSANALYTICS</c>.</summary>
    public static NvDsMetaType ObjectInfo => _object != 0 ? _object : _object = Lookup("NVIDIA.DSANALYTICSOBJ.USER_META\0"u8);

    private static NvDsMetaType Lookup(ReadOnlySpan<byte> descriptor)
    {
        fixed (byte* d = descriptor)
        {
            return NvDs.nvds_get_user_meta_type(d);
        }
    }
}
