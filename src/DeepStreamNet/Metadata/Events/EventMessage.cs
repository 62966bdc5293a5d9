using System.Globalization;
using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata.Events;

/// <summary>
/// One event message as plain C# data: the same fields as DeepStream's <c>NvDsEventMsgMeta</c>. A probe attaches it
/// to a frame with <see cref="FrameEventMessages.AddEventMessage"/> (it becomes native <c>NVDS_EVENT_MSG_META</c> user
/// meta, readable by nvmsgconv on DeepStream and by the service's converter on the portable backend), or hands it to
/// managed code directly (the service's <c>EventPublisher</c>) without touching native metadata.
/// </summary>
public sealed record EventMessage
{
    /// <summary><c>type</c>: the event kind (full schema <c>event.type</c>).</summary>
    public NvDsEventType Type { get; init; } = NvDsEventType.NVDS_EVENT_ENTRY;

    /// <summary><c>objType</c>: which <see cref="Attributes"/> kind the object carries.</summary>
    public NvDsObjectType ObjectType { get; init; } = NvDsObjectType.NVDS_OBJECT_TYPE_UNKNOWN;

    /// <summary><c>bbox</c> in pixels.</summary>
    public RectF Box { get; init; }

    /// <summary><c>location</c> (lat, lon, alt).</summary>
    public (double Lat, double Lon, double Alt) Location { get; init; }

    /// <summary><c>coordinate</c> (x, y, z).</summary>
    public (double X, double Y, double Z) Coordinate { get; init; }

    /// <summary><c>objSignature</c>: emitted as <c>object.signature</c> when not empty.</summary>
    public IReadOnlyList<double> Signature { get; init; } = [];

    /// <summary><c>objClassId</c>.</summary>
    public int ClassId { get; init; }

    /// <summary><c>sensorId</c>: N of <c>[sensorN]</c> in the converter config.</summary>
    public int SensorId { get; init; }

    /// <summary><c>moduleId</c>: N of <c>[analyticsN]</c>.</summary>
    public int ModuleId { get; init; }

    /// <summary><c>placeId</c>: N of <c>[placeN]</c>.</summary>
    public int PlaceId { get; init; }

    /// <summary><c>componentId</c>: the converter's <c>comp-id</c> filter value (0 passes every converter).</summary>
    public int ComponentId { get; init; }

    /// <summary><c>frameId</c>: minimal schema <c>id</c>.</summary>
    public int FrameId { get; init; }

    /// <summary><c>confidence</c>.</summary>
    public double Confidence { get; init; }

    /// <summary><c>trackingId</c> (<see cref="UntrackedId"/> for an untracked object).</summary>
    public ulong TrackingId { get; init; } = UntrackedId;

    /// <summary><c>ts</c>: the event time, copied verbatim into <c>@timestamp</c> (see <see cref="FormatTimestamp"/>).</summary>
    public string? Timestamp { get; init; }

    /// <summary><c>objectId</c>: the object's label or id (names the object member for <c>NVDS_OBJECT_TYPE_UNKNOWN</c>).</summary>
    public string? ObjectId { get; init; }

    /// <summary><c>sensorStr</c>: the sensor's own identity; minimal schema <c>sensorId</c> when set.</summary>
    public string? SensorStr { get; init; }

    /// <summary><c>otherAttrs</c>: free text (not emitted by the DeepStream 6.3 schemas).</summary>
    public string? OtherAttributes { get; init; }

    /// <summary><c>videoPath</c>.</summary>
    public string? VideoPath { get; init; }

    /// <summary><c>extMsg</c>: the object-type-specific attributes (null: no extension, <c>extMsgSize</c> 0).</summary>
    public EventObjectAttributes? Attributes { get; init; }

    /// <summary><c>pose</c> (null or empty: none).</summary>
    public EventPose? Pose { get; init; }

    /// <summary><c>embedding</c> (empty: none).</summary>
    public IReadOnlyList<float> Embedding { get; init; } = [];

    /// <summary>The <c>trackingId</c> of an object no tracker has seen (<c>UNTRACKED_OBJECT_ID</c>).</summary>
    public const ulong UntrackedId = ulong.MaxValue;

    /// <summary>RFC 3339 UTC with milliseconds (<c>YYYY-MM-DDTHH:MM:SS.mmmZ</c>), the form DeepStream apps put in <c>ts</c>.</summary>
    public static string FormatTimestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
