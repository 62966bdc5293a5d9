using System.Text;
using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata.Events;

/// <summary>
/// Zero-copy view of one <c>NvDsEventMsgMeta</c> (frame user meta of type <c>NVDS_EVENT_MSG_META</c>), whoever attached
/// it: a C# probe, a C probe or DeepStream's samples. <see cref="ToMessage"/> copies it into an <see cref="EventMessage"/>.
/// </summary>
public readonly unsafe ref struct EventMsgMeta
{
    private readonly NvDsEventMsgMeta* _p;

    /// <summary>Wraps a native event meta.</summary>
    public EventMsgMeta(NvDsEventMsgMeta* native) => _p = native;

    /// <summary>The native pointer.</summary>
    public NvDsEventMsgMeta* Native => _p;

    /// <summary>True for a null view.</summary>
    public bool IsNull => _p is null;

    /// <summary><c>type</c>.</summary>
    public NvDsEventType Type => _p->type;

    /// <summary><c>objType</c>.</summary>
    public NvDsObjectType ObjectType => _p->objType;

    /// <summary><c>bbox</c>.</summary>
    public RectF Box => new(_p->bbox.left, _p->bbox.top, _p->bbox.width, _p->bbox.height);

    /// <summary><c>sensorId</c>.</summary>
    public int SensorId => _p->sensorId;

    /// <summary><c>frameId</c>.</summary>
    public int FrameId => _p->frameId;

    /// <summary><c>componentId</c>.</summary>
    public int ComponentId => _p->componentId;

    /// <summary><c>trackingId</c>.</summary>
    public ulong TrackingId => _p->trackingId;

    /// <summary><c>confidence</c>.</summary>
    public double Confidence => _p->confidence;

    /// <summary><c>ts</c> as UTF-8 bytes, without copying (empty for NULL).</summary>
    public ReadOnlySpan<byte> TimestampUtf8 => NativeUtf8.Span(_p->ts);

    /// <summary><c>objectId</c> as UTF-8 bytes, without copying (empty for NULL).</summary>
    public ReadOnlySpan<byte> ObjectIdUtf8 => NativeUtf8.Span(_p->objectId);

    /// <summary><c>sensorStr</c> as UTF-8 bytes, without copying (empty for NULL).</summary>
    public ReadOnlySpan<byte> SensorStrUtf8 => NativeUtf8.Span(_p->sensorStr);

    /// <summary>A managed copy of every field, the extension (with its mask polygons), the pose and the embedding.</summary>
    public EventMessage ToMessage() => new()
    {
        Type = _p->type,
        ObjectType = _p->objType,
        Box = Box,
        Location = (_p->location.lat, _p->location.lon, _p->location.alt),
        Coordinate = (_p->coordinate.x, _p->coordinate.y, _p->coordinate.z),
        Signature = ToArray(_p->objSignature.signature, (int)_p->objSignature.size),
        ClassId = _p->objClassId,
        SensorId = _p->sensorId,
        ModuleId = _p->moduleId,
        PlaceId = _p->placeId,
        ComponentId = _p->componentId,
        FrameId = _p->frameId,
        Confidence = _p->confidence,
        TrackingId = _p->trackingId,
        Timestamp = NativeUtf8.ToStringOrNull(_p->ts),
        ObjectId = NativeUtf8.ToStringOrNull(_p->objectId),
        SensorStr = NativeUtf8.ToStringOrNull(_p->sensorStr),
        OtherAttributes = NativeUtf8.ToStringOrNull(_p->otherAttrs),
        VideoPath = NativeUtf8.ToStringOrNull(_p->videoPath),
        Attributes = ReadExtension(),
        Pose = ReadPose(),
        Embedding = ToArray(_p->embedding.embedding_vector, (int)_p->embedding.embedding_length),
    };

    private EventObjectAttributes? ReadExtension()
    {
        if (_p->extMsg is null || _p->extMsgSize == 0)
        {
            return null;
        }

        var t = _p->objType;
        var x = _p->extMsg;
        switch (t)
        {
            case NvDsObjectType.NVDS_OBJECT_TYPE_VEHICLE:
            case NvDsObjectType.NVDS_OBJECT_TYPE_VEHICLE_EXT:
            {
                var v = (NvDsVehicleObject*)x;
                return new VehicleAttributes(S(v->type), S(v->make), S(v->model), S(v->color), S(v->region), S(v->license))
                { Mask = t == NvDsObjectType.NVDS_OBJECT_TYPE_VEHICLE_EXT ? Polygons(((NvDsVehicleObjectExt*)x)->mask) : [] };
            }

            case NvDsObjectType.NVDS_OBJECT_TYPE_PERSON:
            case NvDsObjectType.NVDS_OBJECT_TYPE_PERSON_EXT:
            {
                var pe = (NvDsPersonObject*)x;
                return new PersonAttributes(S(pe->gender), S(pe->hair), S(pe->cap), S(pe->apparel), pe->age)
                { Mask = t == NvDsObjectType.NVDS_OBJECT_TYPE_PERSON_EXT ? Polygons(((NvDsPersonObjectExt*)x)->mask) : [] };
            }

            case NvDsObjectType.NVDS_OBJECT_TYPE_FACE:
            case NvDsObjectType.NVDS_OBJECT_TYPE_FACE_EXT:
            {
                var f = (NvDsFaceObject*)x;
                return new FaceAttributes(S(f->gender), S(f->hair), S(f->cap), S(f->glasses), S(f->facialhair), S(f->name), S(f->eyecolor), f->age)
                { Mask = t == NvDsObjectType.NVDS_OBJECT_TYPE_FACE_EXT ? Polygons(((NvDsFaceObjectExt*)x)->mask) : [] };
            }

            case NvDsObjectType.NVDS_OBJECT_TYPE_PRODUCT:
            case NvDsObjectType.NVDS_OBJECT_TYPE_PRODUCT_EXT:
            {
                var pr = (NvDsProductObject*)x;
                return new ProductAttributes(S(pr->brand), S(pr->type), S(pr->shape))
                { Mask = t == NvDsObjectType.NVDS_OBJECT_TYPE_PRODUCT_EXT ? Polygons(((NvDsProductObjectExt*)x)->mask) : [] };
            }

            default:
                return null; // custom extensions are opaque bytes
        }
    }

    private EventPose? ReadPose()
    {
        if (_p->pose.joints is null || _p->pose.num_joints <= 0)
        {
            return null;
        }

        var joints = new EventJoint[_p->pose.num_joints];
        for (var i = 0; i < joints.Length; i++)
        {
            var j = _p->pose.joints[i];
            joints[i] = new EventJoint(j.x, j.y, j.z, j.confidence);
        }

        return new EventPose(_p->pose.pose_type, joints);
    }

    // Each mask element is a GArray of gdouble: { gchar *data; guint len; } (GLib's public layout).
    private static List<IReadOnlyList<double>> Polygons(GList* mask)
    {
        var list = new List<IReadOnlyList<double>>();
        for (var l = mask; l is not null; l = l->next)
        {
            var array = (byte*)l->data;
            if (array is not null)
            {
                list.Add(ToArray(*(double**)array, (int)*(uint*)(array + sizeof(void*))));
            }
        }

        return list;
    }

    private static string? S(byte* p) => p is null ? null : Encoding.UTF8.GetString(NativeUtf8.Span(p));

    private static T[] ToArray<T>(T* p, int n)
        where T : unmanaged => p is null || n <= 0 ? [] : new ReadOnlySpan<T>(p, n).ToArray();
}
