namespace DeepStreamNet.Config;

/// <summary><c>[source*] type</c> (NvDsSourceType, DeepStream 6.3 numbering).</summary>
public enum SourceType
{
    /// <summary>V4L2 camera <c>/dev/video&lt;camera-v4l2-dev-node&gt;</c>.</summary>
    CameraV4L2 = 1,

    /// <summary>Any URI through <c>uridecodebin</c>.</summary>
    Uri = 2,

    /// <summary><c>num-sources</c> × uridecodebin; <c>uri</c> may be a printf pattern with <c>%d</c>.</summary>
    MultiUri = 3,

    /// <summary>rtspsrc-based bin with reconnect logic.</summary>
    Rtsp = 4,

    /// <summary>Jetson CSI camera (<c>nvarguscamerasrc</c>).</summary>
    CameraCsi = 5,

    AudioWav = 6,
    AudioUri = 7,
    AlsaSrc = 8,
}
