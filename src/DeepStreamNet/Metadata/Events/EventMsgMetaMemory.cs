using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata.Events;

/// <summary>
/// Native memory of an <c>NvDsEventMsgMeta</c> made here: the struct, its strings and arrays, and the extension struct
/// are all on the GLib heap (<c>g_malloc0</c>/<c>g_strdup</c>) as DeepStream's samples do, so any C consumer may read
/// them. <see cref="Copy"/> and <see cref="Release"/> are the user meta's copy/release functions: a deep copy and a
/// deep free of exactly what <see cref="Allocate"/> made.
/// </summary>
internal static unsafe class EventMsgMetaMemory
{
    private static long _live;

    /// <summary>Event metas allocated here and not yet released (0 once every buffer carrying one is gone).</summary>
    public static long Live => Interlocked.Read(ref _live);

    /// <summary>A new native event meta holding <paramref name="m"/>.</summary>
    public static NvDsEventMsgMeta* Allocate(EventMessage m)
    {
        if (m.Attributes is { } attributes && !Matches(m.ObjectType, attributes))
        {
            throw new ArgumentException($"{attributes.GetType().Name} does not match the event's object type {m.ObjectType}", nameof(m));
        }

        var p = (NvDsEventMsgMeta*)GLib.g_malloc0((ulong)sizeof(NvDsEventMsgMeta));
        p->type = m.Type;
        p->objType = m.ObjectType;
        p->bbox.left = m.Box.Left;
        p->bbox.top = m.Box.Top;
        p->bbox.width = m.Box.Width;
        p->bbox.height = m.Box.Height;
        (p->location.lat, p->location.lon, p->location.alt) = m.Location;
        (p->coordinate.x, p->coordinate.y, p->coordinate.z) = m.Coordinate;
        p->objSignature.signature = Array(m.Signature);
        p->objSignature.size = (uint)m.Signature.Count;
        p->objClassId = m.ClassId;
        p->sensorId = m.SensorId;
        p->moduleId = m.ModuleId;
        p->placeId = m.PlaceId;
        p->componentId = m.ComponentId;
        p->frameId = m.FrameId;
        p->confidence = m.Confidence;
        p->trackingId = m.TrackingId;
        p->ts = Str(m.Timestamp);
        p->objectId = Str(m.ObjectId);
        p->sensorStr = Str(m.SensorStr);
        p->otherAttrs = Str(m.OtherAttributes);
        p->videoPath = Str(m.VideoPath);
        var (ext, extSize) = Extension(m.ObjectType, m.Attributes);
        p->extMsg = (void*)ext;
        p->extMsgSize = extSize;
        if (m.Pose is { Joints.Count: > 0 } pose)
        {
            var joints = (NvDsJoint*)GLib.g_malloc0((ulong)(sizeof(NvDsJoint) * pose.Joints.Count));
            for (var i = 0; i < pose.Joints.Count; i++)
            {
                var j = pose.Joints[i];
                joints[i] = new NvDsJoint { x = j.X, y = j.Y, z = j.Z, confidence = j.Confidence };
            }

            p->pose.joints = joints;
            p->pose.num_joints = pose.Joints.Count;
            p->pose.pose_type = pose.PoseType;
        }

        p->embedding.embedding_vector = Array(m.Embedding);
        p->embedding.embedding_length = (uint)m.Embedding.Count;
        Interlocked.Increment(ref _live);
        return p;
    }

    /// <summary>Frees what <see cref="Allocate"/> (or <see cref="Duplicate"/>) made.</summary>
    public static void Free(NvDsEventMsgMeta* p)
    {
        if (p is null)
        {
            return;
        }

        GLib.g_free(p->objSignature.signature);
        GLib.g_free(p->ts);
        GLib.g_free(p->objectId);
        GLib.g_free(p->sensorStr);
        GLib.g_free(p->otherAttrs);
        GLib.g_free(p->videoPath);
        if (p->extMsg is not null)
        {
            // The string members lead every extension struct; the count depends on the object type.
            var strings = (byte**)p->extMsg;
            for (var i = 0; i < ExtensionStringCount(p->objType); i++)
            {
                GLib.g_free(strings[i]);
            }

            GLib.g_free(p->extMsg);
        }

        GLib.g_free(p->pose.joints);
        GLib.g_free(p->embedding.embedding_vector);
        GLib.g_free(p);
        Interlocked.Decrement(ref _live);
    }

    /// <summary>A deep copy (strings, arrays, extension) of an event meta made here.</summary>
    public static NvDsEventMsgMeta* Duplicate(NvDsEventMsgMeta* src) => Allocate(new EventMsgMeta(src).ToMessage());

    // NvDsMetaCopyFunc: data is the source NvDsUserMeta*; returns the copy's user_meta_data.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static void* Copy(void* data, void* userData)
    {
        _ = userData;
        try
        {
            var src = (NvDsUserMeta*)data;
            return src is null || src->user_meta_data is null ? null : Duplicate((NvDsEventMsgMeta*)src->user_meta_data);
        }
#pragma warning disable CA1031 // nothing may unwind into native code: the copy simply carries no event
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    // NvDsMetaReleaseFunc: data is the NvDsUserMeta* being released.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static void Release(void* data, void* userData)
    {
        _ = userData;
        var um = (NvDsUserMeta*)data;
        if (um is null)
        {
            return;
        }

        Free((NvDsEventMsgMeta*)um->user_meta_data);
        um->user_meta_data = null;
    }

    /// <summary>How many leading <c>gchar*</c> members the extension struct of <paramref name="type"/> has.</summary>
    public static int ExtensionStringCount(NvDsObjectType type) => type switch
    {
        NvDsObjectType.NVDS_OBJECT_TYPE_VEHICLE or NvDsObjectType.NVDS_OBJECT_TYPE_VEHICLE_EXT => 6,
        NvDsObjectType.NVDS_OBJECT_TYPE_PERSON or NvDsObjectType.NVDS_OBJECT_TYPE_PERSON_EXT => 4,
        NvDsObjectType.NVDS_OBJECT_TYPE_FACE or NvDsObjectType.NVDS_OBJECT_TYPE_FACE_EXT => 7,
        NvDsObjectType.NVDS_OBJECT_TYPE_PRODUCT or NvDsObjectType.NVDS_OBJECT_TYPE_PRODUCT_EXT => 3,
        _ => 0,
    };

    private static (nint Ext, uint Size) Extension(NvDsObjectType type, EventObjectAttributes? attributes)
    {
        if (attributes is null)
        {
            return (0, 0);
        }

        // Each extension struct starts with its gchar* members (ExtensionStringCount of them, in this order);
        // person and face end with a guint age. The *_EXT types are larger copies of the same prefix.
        return attributes switch
        {
            VehicleAttributes v => Extension(type, NvDsObjectType.NVDS_OBJECT_TYPE_VEHICLE, sizeof(NvDsVehicleObject), sizeof(NvDsVehicleObjectExt),
                [v.Type, v.Make, v.Model, v.Color, v.Region, v.License], ageOffset: -1, age: 0),
            PersonAttributes pa => Extension(type, NvDsObjectType.NVDS_OBJECT_TYPE_PERSON, sizeof(NvDsPersonObject), sizeof(NvDsPersonObjectExt),
                [pa.Gender, pa.Hair, pa.Cap, pa.Apparel], (int)Marshal.OffsetOf<NvDsPersonObject>(nameof(NvDsPersonObject.age)), pa.Age),
            FaceAttributes f => Extension(type, NvDsObjectType.NVDS_OBJECT_TYPE_FACE, sizeof(NvDsFaceObject), sizeof(NvDsFaceObjectExt),
                [f.Gender, f.Hair, f.Cap, f.Glasses, f.FacialHair, f.Name, f.EyeColor], (int)Marshal.OffsetOf<NvDsFaceObject>(nameof(NvDsFaceObject.age)), f.Age),
            ProductAttributes pr => Extension(type, NvDsObjectType.NVDS_OBJECT_TYPE_PRODUCT, sizeof(NvDsProductObject), sizeof(NvDsProductObjectExt),
                [pr.Brand, pr.Type, pr.Shape], ageOffset: -1, age: 0),
            _ => throw new ArgumentException($"{attributes.GetType().Name} does not match the event's object type {type}", nameof(attributes)),
        };
    }

    private static (nint Ext, uint Size) Extension(NvDsObjectType type, NvDsObjectType plain, int plainSize, int extSize, string?[] strings, int ageOffset, uint age)
    {
        var size = type == plain ? plainSize : extSize;
        var e = (byte*)GLib.g_malloc0((ulong)size);
        var slots = (byte**)e;
        for (var i = 0; i < strings.Length; i++)
        {
            slots[i] = Str(strings[i]);
        }

        if (ageOffset >= 0)
        {
            *(uint*)(e + ageOffset) = age;
        }

        return ((nint)e, (uint)size);
    }

    private static bool Matches(NvDsObjectType type, EventObjectAttributes attributes) => attributes switch
    {
        VehicleAttributes => Is(type, NvDsObjectType.NVDS_OBJECT_TYPE_VEHICLE, NvDsObjectType.NVDS_OBJECT_TYPE_VEHICLE_EXT),
        PersonAttributes => Is(type, NvDsObjectType.NVDS_OBJECT_TYPE_PERSON, NvDsObjectType.NVDS_OBJECT_TYPE_PERSON_EXT),
        FaceAttributes => Is(type, NvDsObjectType.NVDS_OBJECT_TYPE_FACE, NvDsObjectType.NVDS_OBJECT_TYPE_FACE_EXT),
        ProductAttributes => Is(type, NvDsObjectType.NVDS_OBJECT_TYPE_PRODUCT, NvDsObjectType.NVDS_OBJECT_TYPE_PRODUCT_EXT),
        _ => false,
    };

    private static bool Is(NvDsObjectType type, NvDsObjectType plain, NvDsObjectType ext) => type == plain || type == ext;

    private static byte* Str(string? s) => s is null ? null : NativeUtf8.GStrdup(s);

    private static T* Array<T>(IReadOnlyList<T> values)
        where T : unmanaged
    {
        if (values.Count == 0)
        {
            return null;
        }

        var p = (T*)GLib.g_malloc((ulong)(sizeof(T) * values.Count));
        for (var i = 0; i < values.Count; i++)
        {
            p[i] = values[i];
        }

        return p;
    }
}
