namespace DeepStreamNet.Service.Messages;

/// <summary>Joint names of DeepStream's pose members, by joint index (2D: 18 joints; 2.5D and 3D: 34).</summary>
internal static class JointNames
{
    public static readonly string[] Pose2D =
    [
        "nose", "neck", "right-shoulder", "right-elbow", "right-hand", "left-shoulder", "left-elbow", "left-hand", "right-hip",
        "right-knee", "right-foot", "left-hip", "left-knee", "left-foot", "right-eye", "left-eye", "right-ear", "left-ear",
    ];

    public static readonly string[] Pose3D =
    [
        "pelvis", "left-hip", "right-hip", "torso", "left-knee", "right-knee", "neck", "left-ankle", "right-ankle", "left-big-toe",
        "right-big-toe", "left-small-toe", "right-small-toe", "left-heel", "right-heel", "nose", "left-eye", "right-eye", "left-ear",
        "right-ear", "left-shoulder", "right-shoulder", "left-elbow", "right-elbow", "left-wrist", "right-wrist", "left-pinky-knuckle",
        "right-pinky-knuckle", "left-middle-tip", "right-middle-tip", "left-index-knuckle", "right-index-knuckle", "left-thumb-tip",
        "right-thumb-tip",
    ];

    public static string[] For(int poseType) => poseType == 0 ? Pose2D : Pose3D;
}
