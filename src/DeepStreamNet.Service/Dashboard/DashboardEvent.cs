namespace DeepStreamNet.Service.Dashboard;

/// <summary>A recent no-mask event as the dashboard lists it, with the face cut from the annotated picture (JPEG).</summary>
public sealed record DashboardEvent(long Id, uint SourceId, ulong TrackingId, string? Timestamp, double Confidence, byte[]? Crop);
