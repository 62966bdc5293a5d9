namespace DeepStreamNet.Metadata.Events;

/// <summary><c>NvDsJoints</c>: body joints; <see cref="PoseType"/> 0 = 2D, 1 = 2.5D, 2 = 3D.</summary>
public sealed record EventPose(int PoseType, IReadOnlyList<EventJoint> Joints);

/// <summary><c>NvDsJoint</c>.</summary>
public readonly record struct EventJoint(float X, float Y, float Z, float Confidence);
