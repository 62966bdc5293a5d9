using System.Globalization;
using System.Text;
using System.Text.Json;
using DeepStreamNet.Interop;
using DeepStreamNet.Metadata.Events;

namespace DeepStreamNet.Service.Messages;

/// <summary>
/// DeepStream's minimal JSON schema (payload-type 1): one message per frame, <c>{version "4.0", id (first frameId),
/// @timestamp, sensorId, objects [...], masks [...]}</c>, each object a <c>|</c>-separated string
/// <c>trackingId|left|top|right|bottom|TYPE</c> plus the type's attribute section, numbers printed like C++ iostreams.
/// </summary>
public static class MinimalSchema
{
    /// <summary>The UTF-8 JSON of one frame's events (none: no message).</summary>
    public static byte[]? Write(IReadOnlyList<EventMessage> events, MsgConvConfig? config, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return null;
        }

        var first = events[0];
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            w.WriteStartObject();
            w.WriteString("version", "4.0");
            w.WriteString("id", first.FrameId.ToString(CultureInfo.InvariantCulture));
            if (first.Timestamp is null)
            {
                w.WriteNull("@timestamp");
            }
            else
            {
                w.WriteString("@timestamp", first.Timestamp);
            }

            w.WriteString("sensorId", first.SensorStr ?? (config is null ? "0" : config.Sensors.GetValueOrDefault(first.SensorId)?.Id ?? string.Empty));
            w.WriteStartArray("objects");
            foreach (var e in events)
            {
                w.WriteStringValue(ObjectString(e));
            }

            w.WriteEndArray();
            var masks = events.Where(e => e.Attributes is { Mask.Count: > 0 }).ToList();
            if (masks.Count > 0)
            {
                w.WriteStartArray("masks");
                foreach (var e in masks)
                {
                    w.WriteStringValue(MaskString(e));
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The object string of one event.</summary>
    public static string ObjectString(EventMessage e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var b = e.Box;
        var sb = new StringBuilder();
        sb.Append(e.TrackingId.ToString(CultureInfo.InvariantCulture)).Append('|')
            .Append(Num(b.Left)).Append('|').Append(Num(b.Top)).Append('|')
            .Append(Num(b.Left + b.Width)).Append('|').Append(Num(b.Top + b.Height)).Append('|')
            .Append(TypeWord(e));
        var a = e.Attributes;
        var c = Num(e.Confidence);
        switch (a)
        {
            case VehicleAttributes v when e.ObjectType is NvDsObjectType.NVDS_OBJECT_TYPE_VEHICLE or NvDsObjectType.NVDS_OBJECT_TYPE_VEHICLE_EXT:
                Join(sb, v.Type, v.Make, v.Model, v.Color, v.License, v.Region, c);
                break;
            case PersonAttributes p when e.ObjectType is NvDsObjectType.NVDS_OBJECT_TYPE_PERSON or NvDsObjectType.NVDS_OBJECT_TYPE_PERSON_EXT:
                Join(sb, p.Gender, p.Age.ToString(CultureInfo.InvariantCulture), p.Hair, p.Cap, p.Apparel, c);
                if (e.ObjectType == NvDsObjectType.NVDS_OBJECT_TYPE_PERSON && e.Pose is { Joints.Count: > 0 } pose)
                {
                    AppendPose(sb, pose);
                }

                break;
            case FaceAttributes f when e.ObjectType is NvDsObjectType.NVDS_OBJECT_TYPE_FACE or NvDsObjectType.NVDS_OBJECT_TYPE_FACE_EXT:
                Join(sb, f.Gender, f.Age.ToString(CultureInfo.InvariantCulture), f.Hair, f.Cap, f.Glasses, f.FacialHair, f.Name, string.Empty, f.EyeColor, c);
                break;
            case ProductAttributes pr when e.ObjectType is NvDsObjectType.NVDS_OBJECT_TYPE_PRODUCT or NvDsObjectType.NVDS_OBJECT_TYPE_PRODUCT_EXT:
                Join(sb, pr.Brand, pr.Type, pr.Shape, c);
                break;
            case null when e.ObjectType == NvDsObjectType.NVDS_OBJECT_TYPE_PERSON:
                sb.Append("|#||||||");
                break;
        }

        if (e.Embedding.Count > 0)
        {
            sb.Append("|#|embedding|").AppendJoin(',', e.Embedding.Select(v => Num(v))).Append('|');
        }

        return sb.ToString();
    }

    /// <summary>The minimal-schema type word of an event's object.</summary>
    public static string TypeWord(EventMessage e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.ObjectType switch
        {
            NvDsObjectType.NVDS_OBJECT_TYPE_VEHICLE => "Vehicle",
            NvDsObjectType.NVDS_OBJECT_TYPE_PERSON => "Person",
            NvDsObjectType.NVDS_OBJECT_TYPE_FACE => "Face",
            NvDsObjectType.NVDS_OBJECT_TYPE_BAG => "Bag",
            NvDsObjectType.NVDS_OBJECT_TYPE_BICYCLE => "Bicycle",
            NvDsObjectType.NVDS_OBJECT_TYPE_ROADSIGN => "RoadSign",
            NvDsObjectType.NVDS_OBJECT_TYPE_PRODUCT => "Product",
            NvDsObjectType.NVDS_OBJECT_TYPE_CUSTOM => "Custom",
            NvDsObjectType.NVDS_OBJECT_TYPE_UNKNOWN => e.ObjectId ?? "Unknown",
            _ => "Unknown",
        };
    }

    /// <summary>A number as C++ iostreams print it by default (6 significant digits, shortest form: 957, 957.5, 1.23457e+06).</summary>
    public static string Num(double v)
    {
        var s = v.ToString("G6", CultureInfo.InvariantCulture);
        return s.Replace("E", "e", StringComparison.Ordinal);
    }

    private static string MaskString(EventMessage e)
    {
        var sb = new StringBuilder();
        var polygons = e.Attributes!.Mask;
        sb.Append(e.TrackingId.ToString(CultureInfo.InvariantCulture)).Append('|').Append(polygons.Count);
        for (var i = 0; i < polygons.Count; i++)
        {
            if (i > 0)
            {
                sb.Append("|#");
            }

            foreach (var v in polygons[i])
            {
                sb.Append('|').Append(Num(v));
            }
        }

        return sb.ToString();
    }

    private static void AppendPose(StringBuilder sb, EventPose pose)
    {
        var names = JointNames.For(pose.PoseType);
        sb.Append("|#|").Append(pose.PoseType switch { 0 => "pose2D", 1 => "pose25D", _ => "pose3D" }).Append('|');
        for (var i = 0; i < pose.Joints.Count && i < names.Length; i++)
        {
            var j = pose.Joints[i];
            sb.Append(names[i]).Append(',').Append(F6(j.X)).Append(',').Append(F6(j.Y)).Append(',');
            if (pose.PoseType != 0)
            {
                sb.Append(F6(j.Z)).Append(',');
            }

            sb.Append(F6(j.Confidence)).Append('|');
        }
    }

    private static string F6(float v) => v.ToString("F6", CultureInfo.InvariantCulture);

    private static void Join(StringBuilder sb, params string?[] fields)
    {
        sb.Append("|#");
        foreach (var f in fields)
        {
            sb.Append('|').Append(f);
        }
    }
}
