using System.Globalization;
using System.Text.Json;
using DeepStreamNet.Interop;
using DeepStreamNet.Metadata.Events;

namespace DeepStreamNet.Service.Messages;

/// <summary>
/// DeepStream's full JSON schema (payload-type 0): one message per event, members in DeepStream 6.3's order —
/// <c>messageid</c> (new UUID), <c>mdsversion</c>, <c>@timestamp</c>, <c>place</c>/<c>sensor</c>/<c>analyticsModule</c>
/// from the converter config (null when the group is missing), <c>object</c>, <c>event</c>, <c>videoPath</c>.
/// </summary>
public static class FullSchema
{
    /// <summary>The UTF-8 JSON of one event.</summary>
    public static byte[] Write(EventMessage e, MsgConvConfig config, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(config);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            w.WriteStartObject();
            w.WriteString("messageid", Guid.NewGuid().ToString("D"));
            w.WriteString("mdsversion", "1.0");
            WriteNullable(w, "@timestamp", e.Timestamp);
            WriteOrNull(w, "place", config.Places.GetValueOrDefault(e.PlaceId), p => WritePlace(w, e, p));
            WriteOrNull(w, "sensor", config.Sensors.GetValueOrDefault(e.SensorId), s => WriteSensor(w, s));
            WriteOrNull(w, "analyticsModule", config.Analytics.GetValueOrDefault(e.ModuleId), a => WriteAnalytics(w, a));
            WriteObject(w, e);
            w.WriteStartObject("event");
            w.WriteString("id", Guid.NewGuid().ToString("D"));
            if (EventTypeText(e.Type) is { } type)
            {
                w.WriteString("type", type);
            }

            w.WriteEndObject();
            w.WriteString("videoPath", e.VideoPath ?? string.Empty);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The full-schema <c>event.type</c> text, or null for reserved/custom types.</summary>
    public static string? EventTypeText(NvDsEventType t) => t switch
    {
        NvDsEventType.NVDS_EVENT_ENTRY => "entry",
        NvDsEventType.NVDS_EVENT_EXIT => "exit",
        NvDsEventType.NVDS_EVENT_MOVING => "moving",
        NvDsEventType.NVDS_EVENT_STOPPED => "stopped",
        NvDsEventType.NVDS_EVENT_EMPTY => "empty",
        NvDsEventType.NVDS_EVENT_PARKED => "parked",
        NvDsEventType.NVDS_EVENT_RESET => "reset",
        _ => null,
    };

    // A config group as an object, or null when the event's id has no enabled group.
    private static void WriteOrNull<T>(Utf8JsonWriter w, string name, T? value, Action<T> members)
        where T : class
    {
        if (value is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        members(value);
        w.WriteEndObject();
    }

    private static void WritePlace(Utf8JsonWriter w, EventMessage e, PlaceInfo p)
    {
        w.WriteString("id", p.Id);
        w.WriteString("name", p.Name);
        w.WriteString("type", p.Type);
        WriteTriple(w, "location", p.Location, "lat", "lon", "alt");
        var sub = PlaceSubObject(e.Type, e.ObjectType);
        if (sub is { } s)
        {
            w.WriteStartObject(s.Name);
            w.WriteString(s.Field1, p.SubField1);
            w.WriteString(s.Field2, p.SubField2);
            w.WriteString(s.Field3, p.SubField3);
            WriteTriple(w, "coordinate", p.Coordinate, "x", "y", "z");
            w.WriteEndObject();
        }
    }

    private static (string Name, string Field1, string Field2, string Field3)? PlaceSubObject(NvDsEventType t, NvDsObjectType o) => t switch
    {
        NvDsEventType.NVDS_EVENT_MOVING or NvDsEventType.NVDS_EVENT_STOPPED => ("aisle", "id", "name", "level"),
        NvDsEventType.NVDS_EVENT_EMPTY or NvDsEventType.NVDS_EVENT_PARKED => ("parkingSpot", "id", "type", "level"),
        NvDsEventType.NVDS_EVENT_ENTRY or NvDsEventType.NVDS_EVENT_EXIT when o == NvDsObjectType.NVDS_OBJECT_TYPE_VEHICLE => ("aisle", "id", "name", "level"),
        NvDsEventType.NVDS_EVENT_ENTRY or NvDsEventType.NVDS_EVENT_EXIT => ("entrance", "name", "lane", "level"),
        _ => null,
    };

    private static void WriteSensor(Utf8JsonWriter w, SensorInfo s)
    {
        w.WriteString("id", s.Id);
        w.WriteString("type", s.Type);
        w.WriteString("description", s.Description);
        WriteTriple(w, "location", s.Location, "lat", "lon", "alt");
        WriteTriple(w, "coordinate", s.Coordinate, "x", "y", "z");
    }

    private static void WriteAnalytics(Utf8JsonWriter w, AnalyticsInfo a)
    {
        w.WriteString("id", a.Id);
        w.WriteString("description", a.Description);
        w.WriteString("source", a.Source);
        w.WriteString("version", a.Version);
    }

    private static void WriteObject(Utf8JsonWriter w, EventMessage e)
    {
        w.WriteStartObject("object");
        w.WriteString("id", e.TrackingId.ToString(CultureInfo.InvariantCulture));
        w.WriteNumber("speed", 0.0);
        w.WriteNumber("direction", 0.0);
        w.WriteNumber("orientation", 0.0);
        WriteTypeSubObject(w, e);
        w.WriteStartObject("bbox");
        w.WriteNumber("topleftx", (int)e.Box.Left);
        w.WriteNumber("toplefty", (int)e.Box.Top);
        w.WriteNumber("bottomrightx", (int)(e.Box.Left + e.Box.Width));
        w.WriteNumber("bottomrighty", (int)(e.Box.Top + e.Box.Height));
        w.WriteEndObject();
        if (e.Attributes is { Mask.Count: > 0 } withMask && IsExt(e.ObjectType))
        {
            w.WriteStartArray("maskoutline");
            foreach (var polygon in withMask.Mask)
            {
                WriteNumbers(w, null, polygon);
            }

            w.WriteEndArray();
        }

        if (e.Signature.Count > 0)
        {
            WriteNumbers(w, "signature", e.Signature);
        }

        WriteTriple(w, "location", new Triple(e.Location.Lat, e.Location.Lon, e.Location.Alt), "lat", "lon", "alt");
        WriteTriple(w, "coordinate", new Triple(e.Coordinate.X, e.Coordinate.Y, e.Coordinate.Z), "x", "y", "z");
        WritePose(w, e.Pose);
        if (e.Embedding.Count > 0)
        {
            w.WriteStartObject("embedding");
            w.WriteNumber("embedding_length", e.Embedding.Count);
            WriteNumbers(w, "embedding_vector", e.Embedding.Select(v => (double)v).ToList());
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteTypeSubObject(Utf8JsonWriter w, EventMessage e)
    {
        var a = e.Attributes;
        switch (e.ObjectType)
        {
            case NvDsObjectType.NVDS_OBJECT_TYPE_VEHICLE or NvDsObjectType.NVDS_OBJECT_TYPE_VEHICLE_EXT:
                var v = a as VehicleAttributes;
                WriteStrings(w, "vehicle", e, [("type", v?.Type), ("make", v?.Make), ("model", v?.Model), ("color", v?.Color), ("licenseState", v?.Region), ("license", v?.License)]);
                break;
            case NvDsObjectType.NVDS_OBJECT_TYPE_PERSON or NvDsObjectType.NVDS_OBJECT_TYPE_PERSON_EXT:
                var p = a as PersonAttributes;
                w.WriteStartObject("person");
                w.WriteNumber("age", p?.Age ?? 0);
                WriteMembers(w, [("gender", p?.Gender), ("hair", p?.Hair), ("cap", p?.Cap), ("apparel", p?.Apparel)]);
                w.WriteNumber("confidence", a is null ? 1.0 : e.Confidence);
                w.WriteEndObject();
                break;
            case NvDsObjectType.NVDS_OBJECT_TYPE_FACE or NvDsObjectType.NVDS_OBJECT_TYPE_FACE_EXT:
                var f = a as FaceAttributes;
                w.WriteStartObject("face");
                w.WriteNumber("age", f?.Age ?? 0);
                WriteMembers(w, [("gender", f?.Gender), ("hair", f?.Hair), ("cap", f?.Cap), ("glasses", f?.Glasses), ("facialhair", f?.FacialHair), ("name", f?.Name), ("eyecolor", f?.EyeColor)]);
                w.WriteNumber("confidence", a is null ? 1.0 : e.Confidence);
                w.WriteEndObject();
                break;
            case NvDsObjectType.NVDS_OBJECT_TYPE_PRODUCT or NvDsObjectType.NVDS_OBJECT_TYPE_PRODUCT_EXT:
                var pr = a as ProductAttributes;
                w.WriteStartObject("product");
                WriteMembers(w, [("brand", pr?.Brand), ("type", pr?.Type), ("shape", pr?.Shape)]);
                w.WriteEndObject();
                break;
            case NvDsObjectType.NVDS_OBJECT_TYPE_UNKNOWN when e.ObjectId is not null:
                w.WriteStartObject(e.ObjectId);
                w.WriteEndObject();
                break;
        }
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, EventMessage e, (string Key, string? Value)[] members)
    {
        w.WriteStartObject(name);
        WriteMembers(w, members);
        w.WriteNumber("confidence", e.Attributes is null ? 1.0 : e.Confidence);
        w.WriteEndObject();
    }

    private static void WriteMembers(Utf8JsonWriter w, (string Key, string? Value)[] members)
    {
        foreach (var (k, v) in members)
        {
            w.WriteString(k, v ?? string.Empty);
        }
    }

    private static void WritePose(Utf8JsonWriter w, EventPose? pose)
    {
        w.WriteStartObject("pose");
        if (pose is not null && pose.PoseType is 0 or 1)
        {
            var names = pose.PoseType == 0 ? JointNames.Pose2D : JointNames.Pose3D;
            for (var i = 0; i < pose.Joints.Count && i < names.Length; i++)
            {
                var j = pose.Joints[i];
                if (j.Confidence <= 0)
                {
                    continue;
                }

                w.WriteStartObject(names[i]);
                w.WriteNumber("x", (int)j.X);
                w.WriteNumber("y", (int)j.Y);
                if (pose.PoseType == 1)
                {
                    w.WriteNumber("z", (int)j.Z);
                }

                w.WriteNumber("confidence", (int)j.Confidence); // DeepStream truncates: confidences below 1 become 0
                w.WriteEndObject();
            }
        }

        w.WriteEndObject();
    }

    private static bool IsExt(NvDsObjectType t) => t is NvDsObjectType.NVDS_OBJECT_TYPE_VEHICLE_EXT or NvDsObjectType.NVDS_OBJECT_TYPE_PERSON_EXT
        or NvDsObjectType.NVDS_OBJECT_TYPE_FACE_EXT or NvDsObjectType.NVDS_OBJECT_TYPE_PRODUCT_EXT;

    private static void WriteTriple(Utf8JsonWriter w, string name, Triple t, string a, string b, string c)
    {
        w.WriteStartObject(name);
        w.WriteNumber(a, t.A);
        w.WriteNumber(b, t.B);
        w.WriteNumber(c, t.C);
        w.WriteEndObject();
    }

    private static void WriteNumbers(Utf8JsonWriter w, string? name, IReadOnlyList<double> values)
    {
        if (name is null)
        {
            w.WriteStartArray();
        }
        else
        {
            w.WriteStartArray(name);
        }

        foreach (var v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
