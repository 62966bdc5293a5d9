namespace DeepStreamNet.Service.Messages;

/// <summary>Three numbers: <c>lat;lon;alt</c> or <c>x;y;z</c>.</summary>
public readonly record struct Triple(double A, double B, double C);

/// <summary>An enabled <c>[sensorN]</c> group.</summary>
public sealed record SensorInfo(string Id, string Type, string Description, Triple Location, Triple Coordinate);

/// <summary>An enabled <c>[placeN]</c> group; the sub-fields fill the place sub-object (<c>aisle</c>, <c>entrance</c>, <c>parkingSpot</c>).</summary>
public sealed record PlaceInfo(string Id, string Name, string Type, Triple Location, Triple Coordinate, string SubField1, string SubField2, string SubField3);

/// <summary>An enabled <c>[analyticsN]</c> group.</summary>
public sealed record AnalyticsInfo(string Id, string Description, string Source, string Version);
